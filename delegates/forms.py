from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from congress.concurrency import ConcurrentEditMixin
from congress.forms import DateInput, DateTimeInput
from congress.models import Congress, CongressSession, ConnectionPoint, Organization, Person
from congress.widgets import QuickSelect

from .models import (
    AgendaItem,
    Allocation,
    CompositionTarget,
    Delegate,
    PanelMember,
    Presentation,
    SessionParticipant,
    UnitQuota,
)

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_ROWS = 300


class AllocationForm(forms.ModelForm):
    class Meta:
        model = Allocation
        fields = ["total", "guests", "official", "young_age_limit", "registration_deadline"]
        widgets = {"registration_deadline": DateInput()}


class QuotaBaseFormSet(forms.BaseInlineFormSet):
    def seats_total(self):
        return sum(
            form.cleaned_data.get("seats") or 0
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        )

    def clean(self):
        super().clean()
        units = [
            form.cleaned_data.get("organization")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("organization")
        ]
        if len(units) != len(set(units)):
            raise ValidationError(_("A unit appears twice in the quotas."))
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.delegates.exists():
                raise ValidationError(
                    _("%(unit)s has registered delegates; its quota cannot be removed.")
                    % {"unit": form.instance.organization.display_name}
                )


QuotaFormSet = forms.inlineformset_factory(
    Congress,
    UnitQuota,
    formset=QuotaBaseFormSet,
    fields=["order", "organization", "seats"],
    extra=3,
    can_delete=True,
    max_num=MAX_ROWS,
    absolute_max=MAX_ROWS,
    validate_max=True,
)

TargetFormSet = forms.inlineformset_factory(
    Congress,
    CompositionTarget,
    fields=["order", "criterion", "sector", "min_percent", "min_count"],
    extra=2,
    can_delete=True,
    max_num=50,
    absolute_max=50,
    validate_max=True,
)


def check_quota_sum(allocation_form, quotas):
    """The quotas may not hand out more seats than the official delegates have; an error on the formset."""
    official = allocation_form.cleaned_data.get("official") or 0
    allocated = quotas.seats_total()
    if allocated > official:
        quotas._non_form_errors.append(
            _("The unit quotas add up to %(allocated)s seats, more than the %(official)s official seats.")
            % {"allocated": allocated, "official": official}
        )
        return False
    return True


class DelegateForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Delegate
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "ethnicity",
            "religion",
            "is_religious_dignitary",
            "position",
            "workplace",
            "sector",
            "is_leader",
            "is_hero",
            "is_emulation_fighter",
            "achievements",
            "photo",
            "email",
            "phone",
            "delegation",
        ]
        widgets = {"achievements": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo"].widget.attrs["accept"] = "image/jpeg,image/png,image/webp"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo or photo is False or not hasattr(photo, "image"):
            return photo
        if photo.size > MAX_PHOTO_BYTES:
            raise ValidationError(
                _("The photo is %(size)s; at most %(limit)s is accepted.")
                % {"size": filesizeformat(photo.size), "limit": filesizeformat(MAX_PHOTO_BYTES)}
            )
        # Django's ImageField has opened and verified the file with Pillow: photo.image is real.
        if photo.image.format not in PHOTO_FORMATS:
            raise ValidationError(_("Upload the photo as JPEG, PNG or WebP."))
        width, height = photo.image.size
        if width * height > 40_000_000:
            raise ValidationError(_("The photo is too large in pixels."))
        return photo


class ReviewForm(forms.Form):
    note = forms.CharField(label=_("Note to the unit"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReturnForm(ReviewForm):
    note = forms.CharField(label=_("What the unit must change"), widget=forms.Textarea(attrs={"rows": 3}))


class DelegateFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All"))] + Delegate.Kind.choices, widget=QuickSelect
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"), required=False, queryset=UnitQuota.objects.none(), empty_label=_("All"), widget=QuickSelect
    )

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = congress.delegate_quotas.select_related("organization").only(
            "congress_id", "organization__name", "organization__short_name"
        )
        self.fields["unit"].label_from_instance = lambda quota: quota.organization.display_name


def _rows(model, fields, extra=2, max_num=MAX_ROWS, formset=forms.BaseInlineFormSet):
    return forms.inlineformset_factory(
        CongressSession,
        model,
        formset=formset,
        fields=fields,
        extra=extra,
        can_delete=True,
        max_num=max_num,
        absolute_max=max_num,
        validate_max=True,
    )


class OrganizationRowsFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "organization" in form.fields:
            form.fields["organization"].queryset = Organization.objects.active()
        if "person" in form.fields:
            form.fields["person"].queryset = Person.objects.active().select_related("organization")


ParticipantFormSet = _rows(
    SessionParticipant, ["order", "description", "organization", "person"], formset=OrganizationRowsFormSet
)
AgendaFormSet = _rows(
    AgendaItem,
    ["order", "starts_at", "title", "presenter", "organization", "honours"],
    extra=3,
    formset=OrganizationRowsFormSet,
)


class PanelBaseFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, congress, **kwargs):
        self.congress = congress
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["delegate"].queryset = self.congress.delegates.select_related("quota__organization")
        form.fields["delegate"].label_from_instance = panel_label


def panel_label(delegate):
    return f"{delegate.full_name} ({delegate.delegation_name})"


PanelFormSet = _rows(PanelMember, ["panel", "order", "delegate"], extra=3, max_num=100, formset=PanelBaseFormSet)


class CheckInSearchForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False)


class PointForm(forms.ModelForm):
    class Meta:
        model = ConnectionPoint
        fields = ["person_in_charge", "technical_contact", "test_at", "attendance"]
        widgets = {"test_at": DateTimeInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_in_charge"].queryset = Person.objects.active().select_related("organization")


PointFormSet = forms.modelformset_factory(
    ConnectionPoint, form=PointForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS, validate_max=True
)


DRAFT_KINDS = {"pdf", "doc", "docx", "odt"}


class PresentationForm(ConcurrentEditMixin, forms.ModelForm):
    """Staff assign a presentation to a unit, set the draft deadline and approve the draft."""

    class Meta:
        model = Presentation
        fields = ["organization", "speaker", "draft_deadline", "status"]
        widgets = {"draft_deadline": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.active()

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status != Presentation.Status.AWAITED and not self.instance.draft:
            raise ValidationError(_("No draft was received yet: the presentation can only be awaited."))
        return status


class DraftForm(forms.Form):
    """The presenting unit (or staff) hands in the draft: PDF or Word, its real type and size checked."""

    draft = forms.FileField(label=_("Draft file"), help_text=_("PDF, Word (DOC, DOCX) or OpenDocument text."))

    def clean_draft(self):
        from awards.files import check_file

        return check_file(self.cleaned_data["draft"], DRAFT_KINDS)
