"""Entering many tasks at once: the pasted table and its preview as editable rows. These forms only validate;
`services.import_tasks` writes the tasks.

Nothing is kept between the steps: the preview posts every row back, and each post reads and checks them
again (`TaskImport`), so an edit, a re-check and a confirmation all see the same thing.
"""

import csv
import io
import json

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.liststyle import clean_list_text
from documents.spreadsheets import SheetUploadForm

from .tables import COLUMNS, MAX_ROWS, PartyMatcher, Row, check_rows, name_key, parse_table, table_text

# Far above any schedule (MAX_ROWS rows of a few hundred characters) yet below the request size Django accepts.
MAX_PASTE_CHARS = 1_000_000


def _checked_table(table):
    if not table.rows:
        raise ValidationError(
            _(
                "No task rows were found. Copy the whole table with its columns: STT, content, lead, coordinating, deadline."  # noqa: E501
            )
        )
    if len(table.rows) > MAX_ROWS:
        raise ValidationError(
            _(
                "The table has %(count)s rows; at most %(max)s can be added at once. "
                "Paste it in parts, for example one month at a time."
            )
            % {"count": len(table.rows), "max": MAX_ROWS}
        )
    return table


class SheetForm(SheetUploadForm):
    """The task table as an .xlsx file (the schedule's export reads back the same): read as a pasted table."""

    max_rows = 3 * MAX_ROWS

    def clean_sheet(self):
        upload = super().clean_sheet()
        self.parsed = _checked_table(parse_table(sheet_text(self.rows)))
        return upload


def sheet_text(rows):
    """The sheet's rows as the tab-separated text a copy from Excel gives, every row as wide as the widest."""
    width = max((len(row) for row in rows), default=0)
    output = io.StringIO()
    writer = csv.writer(output, dialect="excel-tab", lineterminator="\n")
    for row in rows:
        writer.writerow([*row, *[""] * (width - len(row))])
    return output.getvalue()


class PasteForm(forms.Form):
    table = forms.CharField(
        label=gettext_lazy("Paste the table here"),
        max_length=MAX_PASTE_CHARS,
        # Leading tabs are empty cells: stripping them would shift the first row's columns.
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "font-monospace", "spellcheck": "false"}),
    )

    def clean_table(self):
        text = self.cleaned_data["table"]
        self.parsed = _checked_table(parse_table(text))
        return text


def _row_widget(rows):
    return forms.Textarea(attrs={"rows": rows})


class ImportRowForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("STT"), max_length=12, required=False)
    content = forms.CharField(label=gettext_lazy("Content"), max_length=20_000, required=False, widget=_row_widget(4))
    lead = forms.CharField(label=gettext_lazy("Lead"), max_length=2_000, required=False, widget=_row_widget(2))
    coordinating = forms.CharField(
        label=gettext_lazy("Coordinating"), max_length=2_000, required=False, widget=_row_widget(2)
    )
    deadline = forms.CharField(label=gettext_lazy("Deadline"), max_length=120, required=False)

    def row(self):
        """The row as typed, whatever its field errors: the check reads it to say what else is wrong. Its
        content is already what will be stored, so the preview shows exactly that."""
        row = Row(**{name: (self[name].value() or "").strip() for name in COLUMNS})
        row.content = clean_list_text(row.content)
        return row


class BaseImportRowFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Leave this row out")


ImportRowFormSet = forms.formset_factory(
    ImportRowForm,
    formset=BaseImportRowFormSet,
    extra=0,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)


class UnknownNameForm(forms.Form):
    KEEP, MATCH, CREATE = "keep", "match", "create"

    name = forms.CharField(widget=forms.HiddenInput, max_length=255)
    action = forms.ChoiceField(label=gettext_lazy("What is it?"), widget=forms.RadioSelect)
    organization = forms.TypedChoiceField(
        label=gettext_lazy("Organisation"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, organization_choices, may_create, **kwargs):
        super().__init__(*args, **kwargs)
        actions = [
            (self.KEEP, _("Keep as written")),
            (self.MATCH, _("An organisation in the directory")),
        ]
        if may_create:
            actions.append((self.CREATE, _("A new organisation: add it to the directory")))
        self.fields["action"].choices = actions
        self.fields["organization"].choices = [("", "---------"), *organization_choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == self.MATCH and not cleaned.get("organization"):
            self.add_error("organization", _("Choose the organisation this name stands for."))
        return cleaned


UnknownNameFormSet = forms.formset_factory(
    UnknownNameForm, extra=0, max_num=MAX_ROWS * 4, absolute_max=MAX_ROWS * 4, validate_max=True
)


class TaskImport:
    """The preview of a pasted table, bound to what the user posted: the rows, their check, the decisions
    on names the directory does not know."""

    skipped = ()  # lines around the table; known only right after the paste

    def __init__(self, data, *, congress, user):
        self.congress, self.user = congress, user
        self.matcher = PartyMatcher.for_congress(congress)
        self.rows = ImportRowFormSet(data, prefix="rows")
        self.months = _months(data.get("months"))
        self.errors = []
        self.rows.is_valid()
        kept = [(index, form.row()) for index, form in enumerate(self.rows.forms) if not _left_out(form)]
        self.session = congress.last_session()
        self.check = check_rows(
            kept,
            self.matcher,
            session_date=self.session.planned_date if self.session else None,
            taken_numbers=set(congress.tasks.top_level().values_list("number", flat=True)),
        )
        for item in self.check.rows:
            for name, messages in item.errors.items():
                for message in messages:
                    self.rows.forms[item.index].add_error(name, message)
        self.names = self._names_formset(data)

    @classmethod
    def from_table(cls, table, **kwargs):
        data = {
            "rows-TOTAL_FORMS": str(len(table.rows)),
            "rows-INITIAL_FORMS": "0",
            "rows-MIN_NUM_FORMS": "0",
            "rows-MAX_NUM_FORMS": str(MAX_ROWS),
            "months": json.dumps({index: row.month for index, row in enumerate(table.rows) if row.month}),
        }
        for index, row in enumerate(table.rows):
            data.update({f"rows-{index}-{name}": getattr(row, name) for name in COLUMNS})
        preview = cls(data, **kwargs)
        preview.skipped = table.skipped
        return preview

    def _names_formset(self, data):
        """One decision per unknown name; a name seen before keeps the decision posted for it."""
        posted = {}
        for index in range(_count(data.get("names-TOTAL_FORMS"), UnknownNameFormSet.absolute_max)):
            prefix = f"names-{index}-"
            posted[name_key(data.get(prefix + "name", ""))] = (
                data.get(prefix + "action", ""),
                data.get(prefix + "organization", ""),
            )
        self.unknowns = self.check.unknown_names()
        self.new_names = [party.text for party, _rows in self.unknowns if party.key not in posted]
        names = {"names-TOTAL_FORMS": str(len(self.unknowns)), "names-INITIAL_FORMS": "0"}
        for index, (party, _rows) in enumerate(self.unknowns):
            action, organization = posted.get(party.key, ("", ""))
            suggested = party.suggestion.pk if party.suggestion else ""
            names[f"names-{index}-name"] = party.text
            names[f"names-{index}-action"] = action or UnknownNameForm.KEEP
            names[f"names-{index}-organization"] = organization or suggested
        may_create = self.user.has_perm("congress.edit_directory")
        choices = [(organization.pk, organization.name) for organization in self.matcher.organizations]
        return UnknownNameFormSet(
            names,
            prefix="names",
            form_kwargs={"organization_choices": choices, "may_create": may_create},
        )

    # What the templates show -------------------------------------------------------------------------------

    def entries(self):
        """Each posted row with its check, the month heading above it, and its number as it will be saved."""
        checked = {item.index: item for item in self.check.rows}
        for index, form in enumerate(self.rows.forms):
            item = checked.get(index)
            yield {
                "form": form,
                "item": item,
                "month": self.months.get(index, ""),
                "new_month": self.months.get(index, "") != self.months.get(index - 1, ""),
                "left_out": item is None,
                "number": _display_number(item),
            }

    def name_entries(self):
        return [
            {"form": form, "party": party, "rows": [_display_number(row) for row in rows]}
            for form, (party, rows) in zip(self.names.forms, self.unknowns, strict=True)
        ]

    def counts(self):
        rows = self.check.rows
        return {
            "tasks": sum(not item.is_subitem for item in rows),
            "subitems": sum(item.is_subitem for item in rows),
            "errors": sum(bool(item.errors) for item in rows),
            "late": sum(item.after_session for item in rows),
            "unknown": len(self.unknowns),
        }

    def number_range(self):
        numbers = [item.number for item in self.check.tasks if item.number is not None]
        return (min(numbers), max(numbers)) if numbers else None

    def months_json(self):
        return json.dumps(self.months)

    def table_text(self):
        """The rows, with their edits, as a table again: going back to the text loses nothing."""
        rows = []
        for index, form in enumerate(self.rows.forms):
            if not _left_out(form):
                row = form.row()
                row.month = self.months.get(index, rows[-1].month if rows else "")
                rows.append(row)
        return table_text(rows)

    # Confirming --------------------------------------------------------------------------------------------

    def is_valid(self):
        """Whether the rows can be added as they stand; the reasons against go to `errors`."""
        if not self.rows.is_valid():
            self.errors.append(_("Some rows cannot be added yet: fix the rows marked in red, then check again."))
        if not self.check.rows:
            self.errors.append(_("Every row is left out: there is nothing to add."))
        if not self.names.is_valid():
            self.errors.append(_("Choose the organisation for each name you matched to the directory."))
        if self.new_names:
            self.errors.append(
                _("These names are new since the last check; choose what each stands for: %(names)s.")
                % {"names": "; ".join(self.new_names)}
            )
        return not self.errors

    def cleaned_values(self):
        """What the import service writes, once `is_valid()`: the checked rows and what each unknown name
        stands for (`matched`: name key → an organisation of the directory; `created`: name key → the name of
        an organisation to add)."""
        matched, created = {}, {}
        chosen = {organization.pk: organization for organization in self.matcher.organizations}
        for form, (party, _rows) in zip(self.names.forms, self.unknowns, strict=True):
            action = form.cleaned_data["action"]
            if action == UnknownNameForm.MATCH:
                matched[party.key] = chosen[form.cleaned_data["organization"]]
            elif action == UnknownNameForm.CREATE:
                created[party.key] = party.text
        return {"rows": self.check.rows, "matched": matched, "created": created}


def _left_out(form):
    return bool(form["DELETE"].value())


def _months(text):
    """{row index: month heading} from the preview's hidden field; a tampered value just loses the headings."""
    try:
        months = json.loads(text or "{}")
        return {int(index): str(month)[:120] for index, month in months.items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def _count(value, limit):
    try:
        return max(0, min(int(value), limit))
    except (TypeError, ValueError):
        return 0


def _display_number(item):
    if item is None or item.number is None:
        return item.row.number if item else ""
    if item.is_subitem and item.parent and item.parent.number is not None:
        return f"{item.parent.number}.{item.number}"
    return str(item.number)
