from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.forms import DateInput
from congress.models import Organization, Person
from congress.widgets import QuickSelect, QuickSelectMultiple
from documents.liststyle import clean_list_text

from . import attachments, deadlines
from .models import Task, TaskParty


class TaskForm(forms.ModelForm):
    deadline = forms.CharField(
        label=_("Deadline"),
        required=False,
        max_length=120,
        help_text=_("As the plan writes it, for example: %(forms)s. Leave empty when sub-items carry the deadlines.")
        % {"forms": "; ".join(deadlines.ACCEPTED_FORMS)},
    )
    # The version the user started from: a save on top of someone else's newer save is a conflict.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31 - 1)

    class Meta:
        model = Task
        fields = ["number", "content", "deadline", "deadline_session", "status", "completed_on", "assignees"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 8, "class": "app-list-text", "data-emphasis-paste": ""}),
            "completed_on": DateInput(),
            "assignees": QuickSelectMultiple(attrs={"size": 8}),
            "deadline_session": QuickSelect,
            "status": QuickSelect,
        }

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.congress = congress
        self.fields["deadline"].initial = self.instance.deadline_phrase
        self.fields["version"].initial = self.instance.version
        self.fields["deadline_session"].queryset = congress.sessions.all()
        self.fields["deadline_session"].help_text = _(
            "Only for a deadline counted from a session (“10 ngày trước Đại hội”); empty means the last session."
        )
        self.fields["assignees"].queryset = Person.objects.active().select_related("organization")
        self.fields["assignees"].required = False
        self.fields["number"].help_text = _("Giving a number that is taken moves the following tasks down by one.")

    def clean_content(self):
        return clean_list_text(self.cleaned_data["content"])

    def clean_deadline(self):
        phrase = self.cleaned_data["deadline"].strip()
        if phrase:
            try:
                deadlines.parse_deadline(phrase)
            except deadlines.DeadlineError as error:
                raise ValidationError(str(error)) from error
        return phrase

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == Task.Status.DONE and not cleaned.get("completed_on"):
            cleaned["completed_on"] = timezone.localdate()
        elif status and status != Task.Status.DONE:
            cleaned["completed_on"] = None
        if not cleaned.get("content") and not (self.instance.pk and self.instance.subitems.exists()):
            self.add_error("content", _("Write what must be done."))
        return cleaned


PARTY_FIELDS = ("role", "organization", "subcommittee", "phrase")


class TaskPartyForm(forms.ModelForm):
    class Meta:
        model = TaskParty
        fields = PARTY_FIELDS
        widgets = {"role": QuickSelect, "organization": QuickSelect, "subcommittee": QuickSelect}

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.active()
        self.fields["subcommittee"].queryset = congress.subcommittees.all()
        self.fields["phrase"].help_text = ""
        self.fields["phrase"].widget.attrs["placeholder"] = _("or as written, e.g. “Các cơ quan, đơn vị, địa phương”")


MAX_TASK_PARTIES = 40


class BaseTaskPartyFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, congress, **kwargs):
        self.congress = congress
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "congress": self.congress}

    def _construct_form(self, i, **kwargs):
        # An empty row starts as lead when the task has no party yet, else as coordinating,
        # so rows left untouched count as unchanged and are skipped.
        if i >= self.initial_form_count():
            first_row = i == self.initial_form_count() == 0
            kwargs.setdefault("initial", {"role": TaskParty.Role.LEAD if first_row else TaskParty.Role.COORDINATING})
        return super()._construct_form(i, **kwargs)

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            congress=self.congress,
        )
        self.add_fields(form, None)
        return form

    def parties(self):
        """The parties kept, in their order on the page, as the values `services.save_task` stores."""
        kept = [form.cleaned_data for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        return [{name: values[name] for name in PARTY_FIELDS} for values in kept]


TaskPartyFormSet = forms.inlineformset_factory(
    Task,
    TaskParty,
    form=TaskPartyForm,
    formset=BaseTaskPartyFormSet,
    fields=PARTY_FIELDS,
    extra=2,
    can_delete=True,
    # A task names a lead and a few coordinating parties; a posted TOTAL_FORMS never builds more rows.
    max_num=MAX_TASK_PARTIES,
    absolute_max=MAX_TASK_PARTIES,
    validate_max=True,
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": attachments.ACCEPT}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ProgressForm(forms.Form):
    text = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, strip=True
    )
    new_status = forms.ChoiceField(label=_("Status"), required=False)
    files = MultipleFileField(
        label=_("Files"),
        required=False,
        help_text=_("PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG; at most %(size)s each.")
        % {"size": filesizeformat(settings.TASK_ATTACHMENT_MAX_BYTES)},
    )

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        self.task = task
        choices = [("", _("Unchanged (%(status)s)") % {"status": task.get_status_display()})]
        choices += [(value, label) for value, label in Task.Status.choices if value != task.status]
        self.fields["new_status"].choices = choices

    def clean_files(self):
        checked = []
        errors = []
        for upload in self.cleaned_data["files"]:
            try:
                checked.append(attachments.check_upload(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked
