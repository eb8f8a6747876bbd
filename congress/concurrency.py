"""One check against lost updates for every edit form.

A form that edits a saved record carries a fingerprint of the record as it was when the page was
loaded (a hidden `_fingerprint` input). Saving locks the row, computes the fingerprint again and
compares: when someone else saved in between, nothing is written and the page shows both versions
side by side (`templates/_conflict.html`), with everything the user typed still in the form. The
fingerprint of the saved version goes into the form, so saving again, knowingly, replaces theirs.

The fingerprint is a hash of the row's editable columns and of the rows a form edits with it (a formset's
children, a many-to-many set), so no model needs a version column and a save through any path
(the admin, an import, a service) is noticed.

Use: a ModelForm mixes in `ConcurrentEditMixin` (and names the related rows it edits in
`fingerprint_related`); the view saves through `save_guarded(form, save)` and renders `conflict`;
the form template includes `_conflict.html` inside the <form>.

A page that edits only a record's related rows (formsets, no field of the record itself) guards them
with `rows_guard(record, data, {related name: formset})`: a form of no field, rendered as `form`, whose
fingerprint covers those rows only, and whose conflict shows each formset's rows, theirs and the user's.
"""

import hashlib
from datetime import date, datetime

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

FIELD = "_fingerprint"
NOT_YET_SAVED = "0" * 40  # never a hash: any saved version differs from it


def fingerprint(instance, related=(), lock=False, columns=None):
    """A hash of the record's saved columns and of its related rows, read from the database.

    columns: the record's columns that count (None: every editable one; () for a page of its rows only)."""
    model = type(instance)
    # Columns nobody edits (timestamps, a printed page count) change without anyone's edit: left out.
    names = [
        field.attname
        for field in model._meta.concrete_fields
        if field.primary_key or (field.editable and (columns is None or field.name in columns))
    ]
    # No ordering: a model ordered by a related field would join, and PostgreSQL locks no outer join.
    rows = model._default_manager.filter(pk=instance.pk).order_by()
    if lock:
        rows = rows.select_for_update(of=("self",))
    parts = [list(rows.values_list(*names))]
    for name in related:
        if not parts[0]:
            parts.append([])
            continue
        manager = getattr(model._default_manager.get(pk=instance.pk), name)
        # A many-to-many set counts by its members; a one-to-many by the whole rows.
        values = manager.values_list("pk") if hasattr(manager, "through") else manager.values_list()
        parts.append(list(values.order_by("pk")))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


class ConcurrentEditMixin:
    """For a ModelForm: remembers which saved version of the record the user started from."""

    # Related managers (reverse foreign keys, many-to-many) whose rows the page edits with the record.
    fingerprint_related = ()
    # The record's own columns that count; None: every editable one.
    fingerprint_columns = None
    # True for a record that exists once per owner and is created by its first save (a document):
    # a user who loaded it before it existed conflicts with whoever created it meanwhile.
    guard_creation = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            value = self.data.get(FIELD, "")
            self.edit_fingerprint = value if isinstance(value, str) and len(value) == 40 else ""
        elif self.instance.pk:
            self.edit_fingerprint = fingerprint(
                self.instance, self.fingerprint_related, columns=self.fingerprint_columns
            )
        elif self.guard_creation:
            self.edit_fingerprint = NOT_YET_SAVED
        else:
            self.edit_fingerprint = ""


def save_guarded(form, save):
    """Run `save()` in one transaction unless the record changed since the user loaded it.

    Returns (what save returned, None), or (None, conflict) where conflict is what
    `_conflict.html` shows; on a conflict nothing is written.
    """
    instance = form.instance
    related = getattr(form, "fingerprint_related", ())
    columns = getattr(form, "fingerprint_columns", None)
    started_from = getattr(form, "edit_fingerprint", "")
    with transaction.atomic():
        if instance.pk and started_from:
            current = fingerprint(instance, related, lock=True, columns=columns)
            if current != started_from:
                form.edit_fingerprint = current
                return None, describe(form)
        return save(), None


def rows_guard(instance, data, formsets):
    """The guard of a page that edits only `instance`'s related rows: formsets is {related name: formset}."""

    class RowsGuard(ConcurrentEditMixin, forms.ModelForm):
        fingerprint_related = tuple(formsets)
        fingerprint_columns = ()

        class Meta:
            model = type(instance)
            fields = ()

        def describe_saved(self, saved):
            rows = []
            for name, formset in formsets.items():
                columns = _row_columns(formset)
                theirs = [_row_text(columns, row, None) for row in getattr(saved, name).all()] if saved else []
                mine = [
                    _row_text(columns, form.instance, form.cleaned_data)
                    for form in formset.forms
                    if form.cleaned_data
                    and not form.cleaned_data.get("DELETE")
                    and (form.instance.pk or form.has_changed())
                ]
                label = str(formset.model._meta.verbose_name_plural)
                rows.append((label[:1].upper() + label[1:], "\n".join(theirs), "\n".join(mine), theirs != mine))
            return rows

    return RowsGuard(data, instance=instance)


def _row_columns(formset):
    """The formset's columns a user reads, and whether a row is named by itself (rows the page does not add)."""
    fk = getattr(formset, "fk", None)
    skip = {"id", "DELETE", "ORDER", getattr(fk, "name", None)}
    fields = [(name, field) for name, field in formset.empty_form.fields.items() if name not in skip]
    return fields, fk is None


def _row_text(columns, row, cleaned):
    """One related row on a line: its values in the formset's columns (cleaned: the user's values)."""
    fields, named = columns
    values = [
        display(field, cleaned.get(name) if cleaned is not None else getattr(row, name)) for name, field in fields
    ]
    if named and row.pk:
        values.insert(0, str(row))
    return " · ".join(value for value in values if value)


def describe(form):
    """Their saved version next to the user's one, field by field, as the conflict page shows it."""
    model = type(form.instance)
    theirs_record = model._default_manager.filter(pk=form.instance.pk).first()
    saved_at = getattr(theirs_record, "updated_at", None)
    if hasattr(form, "describe_saved"):  # a form whose fields are not the model's says itself
        return {"rows": form.describe_saved(theirs_record), "saved_at": saved_at, "deleted": theirs_record is None}
    rows = []
    for name, field in form.fields.items():
        saved_value = getattr(form, f"saved_{name}", None)  # a form field stored elsewhere says how to read it
        try:
            model_field = None if saved_value else model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field is not None and model_field.one_to_many:
            continue
        if theirs_record is None:
            theirs = ""
        elif saved_value:
            theirs = display(field, saved_value(theirs_record))
        elif model_field.many_to_many:
            theirs = display(field, list(getattr(theirs_record, name).all()))
        else:
            theirs = display(field, getattr(theirs_record, name))
        mine = display(field, form.cleaned_data.get(name))
        rows.append((field.label or name, theirs, mine, theirs != mine))
    # A long form shows what differs; when nothing shown differs (their change was elsewhere), all of it.
    rows = [row for row in rows if row[3]] or rows
    return {"rows": rows, "saved_at": saved_at, "deleted": theirs_record is None}


def display(field, value):
    """A value as the user reads it: choice labels, names, dd/mm/yyyy dates, Yes/No."""
    if value is None or value == "" or (isinstance(value, list | tuple) and not value):
        return ""
    if isinstance(field, forms.ModelMultipleChoiceField) or isinstance(value, list | tuple):
        return "; ".join(sorted(str(item) for item in value))
    if hasattr(value, "_meta"):
        return str(value)
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in _flat(choices)}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%d/%m/%Y %H:%M")
        )
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if hasattr(value, "name") and hasattr(value, "url"):  # a stored file
        return value.name.rsplit("/", 1)[-1]
    return str(value)


def _flat(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield key, label
