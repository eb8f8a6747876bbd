import re
import unicodedata

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .emphasis import from_html
from .models import MAX_NUMBER, Document
from .vietnamese import short_date

# A recipient's note in brackets at the end of its line: "(b/c)", "(để b/cáo)", "(t/h)".
_NOTE = re.compile(r"\s*(\((?:để\s[^()]*|[^()]*\b[bt]/[a-zà-ỹ]+[^()]*)\))$", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:p|br|b|strong|i|em|span|div|script|style|font|o:p)\b[^>]*>", re.IGNORECASE)
_ARCHIVE = re.compile(r"^Lưu\s*:?\s*", re.IGNORECASE)


LINE_BREAK_HELP = _(
    "Printed in capitals. Press Enter where a printed line should break; "
    "on one line, the app breaks it between words, never inside a place name."
)


def nfc(text):
    return unicodedata.normalize("NFC", text or "").strip()


def parse_recipients(text):
    """Lines as typed ("- Thường trực Tỉnh ủy (b/c);") into ([[name, note]], archive or None)."""
    recipients, archive = [], None
    for raw in nfc(text).splitlines():
        line = raw.strip().lstrip("-•–").strip().rstrip(";.").strip()
        if not line:
            continue
        if _ARCHIVE.match(line):
            archive = _ARCHIVE.sub("", line)
            continue
        note = _NOTE.search(line)
        recipients.append([line[: note.start()].strip(), note.group(1)] if note else [line, ""])
    return recipients, archive


def recipients_text(recipients):
    return "\n".join(f"{name} {note}".strip() for name, note, *_rest in recipients)


class DocumentForm(forms.ModelForm):
    """The record a secretariat edits: what the header and the foot of the document print."""

    recipients_text = forms.CharField(
        label=_("Recipients"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One per line, as printed after “Nơi nhận:”; a note in brackets may follow, such as “(b/c)”. "
            "The line “Lưu: …” is added from the field below."
        ),
    )
    annex_choices = forms.MultipleChoiceField(label=_("Annexes"), required=False, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Document
        fields = [
            "type_name",
            "subject",
            "parent_body",
            "issuing_body",
            "symbol",
            "place",
            "date",
            "blank_day",
            "signer_collective",
            "signer_authority",
            "signer_principal",
            "signer_position",
            "signer_note",
            "signer_name",
            "archive",
        ]
        # The bodies and the signing collective print line by line: Enter where the printed line breaks.
        widgets = {
            "subject": forms.Textarea(attrs={"rows": 2}),
            "parent_body": forms.Textarea(attrs={"rows": 2}),
            "issuing_body": forms.Textarea(attrs={"rows": 3}),
            "signer_collective": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "parent_body": LINE_BREAK_HELP,
            "issuing_body": LINE_BREAK_HELP,
            "signer_collective": LINE_BREAK_HELP,
        }

    def __init__(self, *args, annexes=(), earliest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.earliest = earliest
        self.fields["recipients_text"].initial = recipients_text(self.instance.recipients)
        self.fields["annex_choices"].choices = list(annexes)
        self.fields["annex_choices"].initial = list(self.instance.annexes or [])
        if not annexes:
            del self.fields["annex_choices"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date and self.earliest and date < self.earliest:
            raise forms.ValidationError(
                _("The document cannot be dated before %(date)s, the day the organising board was founded.")
                % {"date": short_date(self.earliest)}
            )
        return date

    def clean_recipients_text(self):
        recipients, archive = parse_recipients(self.cleaned_data["recipients_text"])
        if not recipients:
            raise forms.ValidationError(_("The list of recipients is empty: enter at least one recipient."))
        self.parsed_archive = archive
        return recipients

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = nfc(value)
        if cleaned.get("signer_name") and not cleaned.get("signer_position"):
            self.add_error(
                "signer_position", _("The signer has no position: enter the position printed above the signature.")
            )
        authority = cleaned.get("signer_authority")
        if authority in (Document.Authority.KT, Document.Authority.TL, Document.Authority.TUQ) and not cleaned.get(
            "signer_principal"
        ):
            self.add_error("signer_principal", _("With KT., TL. or TUQ., enter for whom the signer signs."))
        return cleaned

    def save(self, commit=True):
        record = super().save(commit=False)
        record.recipients = self.cleaned_data["recipients_text"]
        if getattr(self, "parsed_archive", None) is not None:  # "- Lưu." typed alone prints "- Lưu."
            record.archive = self.parsed_archive
        if "annex_choices" in self.fields:
            record.annexes = self.cleaned_data["annex_choices"]
        return record


class SectionsForm(forms.Form):
    """The editable sections of a document's text: a heading and its text each."""

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            if section.heading:
                self.fields[f"{section.key}-heading"] = forms.CharField(
                    label=_("Heading"), initial=section.heading, max_length=200
                )
            self.fields[f"{section.key}-text"] = forms.CharField(
                label=section.heading or _("Text"),
                initial=section.text,
                required=False,
                widget=forms.Textarea(
                    attrs={"rows": max(4, min(16, section.text.count("\n") + 2)), "data-emphasis-paste": ""}
                ),
                help_text=_(
                    "Lines starting “1.”, “a)”, “- ” or “+ ” keep the official list style; "
                    "[Tên Đại hội], [Thời gian], [Địa điểm] are filled in from the congress."
                ),
            )

    def changed_sections(self):
        """{key: (heading, text)} of the sections whose heading or text changed."""
        changed = {}
        for section in self.sections:
            heading = nfc(self.cleaned_data.get(f"{section.key}-heading", section.heading))
            text = "\n".join(line.rstrip() for line in nfc(self.cleaned_data[f"{section.key}-text"]).splitlines())
            if (heading, text) != (section.heading, section.text):
                changed[section.key] = (heading, text)
        return changed


class IssueForm(forms.Form):
    number = forms.IntegerField(label=_("Number"), min_value=1, max_value=MAX_NUMBER)
    issued_on = forms.DateField(label=_("Date of issue"))

    def __init__(self, *args, record, earliest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.record, self.earliest = record, earliest
        day = record.date or timezone.localdate()
        self.fields["issued_on"].initial = day
        self.fields["number"].initial = record.series.next_number(day.year) if record.series.pk else 1
        self.fields["number"].help_text = _("The next free number of the series is proposed.")

    def clean(self):
        cleaned = super().clean()
        number, day = cleaned.get("number"), cleaned.get("issued_on")
        if number and day and self.record.series.pk and self.record.series.is_taken(number, day.year):
            self.add_error(
                "number",
                _("Number %(number)s is already used in the series of %(series)s in %(year)s.")
                % {"number": f"{number:02d}", "series": self.record.series.name, "year": day.year},
            )
        if day and self.earliest and day < self.earliest:
            self.add_error(
                "issued_on",
                _("The document cannot be dated before %(date)s, the day the organising board was founded.")
                % {"date": short_date(self.earliest)},
            )
        return cleaned


SIGNED_SCAN_MAX_BYTES = 20 * 1024 * 1024


class SignedScanForm(forms.Form):
    """The signed, stamped document scanned as a PDF: checked to be a PDF that opens, at most 20 MB."""

    scan = forms.FileField(
        label=_("Signed and stamped scan (PDF)"), widget=forms.ClearableFileInput(attrs={"accept": ".pdf"})
    )

    def clean_scan(self):
        from django.template.defaultfilters import filesizeformat

        from .uploads import check_pdf, display_name

        upload = self.cleaned_data["scan"]
        if upload.size > SIGNED_SCAN_MAX_BYTES:
            raise forms.ValidationError(
                _("“%(name)s” is %(size)s; the scan may be at most %(limit)s.")
                % {
                    "name": display_name(upload),
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(SIGNED_SCAN_MAX_BYTES),
                }
            )
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise forms.ValidationError(_("“%(name)s” is not a PDF file.") % {"name": display_name(upload)})
        return check_pdf(upload)


class OutlineSectionForm(forms.Form):
    """One section of a document whose author writes its sections: its level, heading and text."""

    LEVELS = (
        (0, _("Text without a heading")),
        (1, _("Part (I., II., …)")),
        (2, _("Item (1., 2., …)")),
        (3, _("Point (a), b), …)")),
    )

    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)
    level = forms.TypedChoiceField(label=_("Level"), choices=LEVELS, coerce=int, initial=1)
    heading = forms.CharField(label=_("Heading"), required=False, max_length=1000)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3, "data-emphasis-paste": ""})
    )
    # Shown once above the sections rather than under each of them.
    HELP = (
        _("Without its number: the number is computed from the order and the level."),
        _(
            "Lines starting “- ” or “+ ” are list items; *italic* and **bold** print as such "
            "(pasting from Word keeps them); [Tên Đại hội], [Thời gian], [Địa điểm] are filled in from the congress."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        heading = nfc(cleaned.get("heading", ""))
        text = "\n".join(line.rstrip() for line in nfc(cleaned.get("text", "")).splitlines())
        if HTML_TAG.search(text):  # HTML pasted or posted: only its emphasis and line breaks are kept
            text = from_html(text)
        cleaned["heading"], cleaned["text"] = heading, text
        level = cleaned.get("level")
        if level == 0 and heading:
            self.add_error("heading", _("A text without a heading has no heading: choose a level or clear it."))
        if level and not heading and text:
            self.add_error("heading", _("Enter the heading of this section, or make it a text without a heading."))
        return cleaned


class BaseOutlineFormSet(forms.BaseFormSet):
    def sections(self):
        """The kept sections in order, each with a key unique within the document."""
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and (form.cleaned_data["heading"] or form.cleaned_data["text"])
        ]
        used, sections = set(), []
        for number, data in enumerate(kept, start=1):
            key = data["key"] or f"section-{number}"
            while key in used:
                key = f"{key}-{number}"[:40]
            used.add(key)
            sections.append({"key": key, "level": data["level"], "heading": data["heading"], "text": data["text"]})
        return sections


OutlineFormSet = forms.formset_factory(
    OutlineSectionForm, formset=BaseOutlineFormSet, extra=0, can_delete=True, max_num=300, validate_max=True
)


def arranged_rows(data, prefix, action):
    """The rows as the user left them, rearranged by a button ("add", "up-3", "down-3"), nothing saved."""
    try:
        total = min(int(data.get(f"{prefix}-TOTAL_FORMS", 0)), 300)
    except ValueError:
        total = 0
    rows = []
    for index in range(total):
        field = f"{prefix}-{index}-"
        level = data.get(field + "level", "1")
        rows.append(
            {
                "key": data.get(field + "key", ""),
                "level": int(level) if level in ("0", "1", "2", "3") else 1,
                "heading": data.get(field + "heading", ""),
                "text": data.get(field + "text", ""),
                "deleted": bool(data.get(field + "DELETE")),
            }
        )
    verb, _dash, position = action.partition("-")
    if verb == "add":
        level = rows[-1]["level"] if rows and rows[-1]["level"] else 1
        rows.append({"key": "", "level": level, "heading": "", "text": "", "deleted": False})
    elif verb in ("up", "down") and position.isdigit():
        index = int(position)
        other = index - 1 if verb == "up" else index + 1
        if 0 <= index < len(rows) and 0 <= other < len(rows):
            rows[index], rows[other] = rows[other], rows[index]
    return [{name: value for name, value in row.items() if name != "deleted"} for row in rows if not row["deleted"]]
