"""The form of the bulk change: which change, and its value."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from congress.models import Person

from .bulk import ASSIGN, MOVE, STATUS
from .models import Task

# A selection longer than this is better narrowed by a filter first.
MAX_TASKS = 200


class BulkChangeForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Change"),
        widget=forms.RadioSelect,
        choices=[
            (STATUS, gettext_lazy("Set the status")),
            (ASSIGN, gettext_lazy("Assign to one person")),
            (MOVE, gettext_lazy("Move the deadlines by a number of days")),
        ],
    )
    status = forms.ChoiceField(label=gettext_lazy("New status"), required=False, choices=Task.Status.choices)
    person = forms.ModelChoiceField(label=gettext_lazy("Assign to"), required=False, queryset=Person.objects.none())
    days = forms.IntegerField(
        label=gettext_lazy("Days"),
        required=False,
        validators=[MinValueValidator(-365), MaxValueValidator(365)],
        help_text=gettext_lazy("A negative number moves them earlier. Only deadlines that name a day move."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().order_by("full_name", "pk")

    def clean(self):
        data = super().clean()
        needed = {STATUS: "status", ASSIGN: "person", MOVE: "days"}.get(data.get("action"))
        if needed and data.get(needed) in (None, ""):
            self.add_error(needed, _("Fill this in for the change you chose."))
        if needed == "days" and data.get("days") == 0:
            self.add_error("days", _("Enter a number of days other than 0."))
        return data

    def values(self):
        data = self.cleaned_data
        return {"action": data["action"], "status": data["status"], "person": data["person"], "days": data["days"]}


def task_ids(data):
    """The selected task ids; ValidationError when there are none, too many, or one is not a number."""
    ids = data.getlist("task")
    if not ids:
        raise ValidationError(_("Select at least one task."))
    if len(ids) > MAX_TASKS or not all(value.isdigit() for value in ids):
        raise ValidationError(_("Select at most %(count)s tasks.") % {"count": MAX_TASKS})
    return sorted({int(value) for value in ids})
