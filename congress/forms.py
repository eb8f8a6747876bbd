from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .concurrency import ConcurrentEditMixin
from .models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    HeadTerm,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
    would_cycle,
)

DATE_PLACEHOLDER = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
DATETIME_PLACEHOLDER = {"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"}


class DateInput(forms.DateInput):
    def __init__(self, attrs=None):
        super().__init__(attrs={**DATE_PLACEHOLDER, **(attrs or {})}, format="%d/%m/%Y")


class DateTimeInput(forms.DateTimeInput):
    def __init__(self, attrs=None):
        super().__init__(attrs={**DATETIME_PLACEHOLDER, **(attrs or {})}, format="%d/%m/%Y %H:%M")


class OrganizationForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name", "short_name", "abbreviation", "kind", "parent", "head", "address", "phone", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Organization.objects.active()
        self.fields["head"].queryset = Person.objects.active().select_related("organization")

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if would_cycle(self.instance, parent):
            raise ValidationError(_("An organisation cannot be placed under itself or one of its own units."))
        return parent


class PersonForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "full_name",
            "gender",
            "birth_year",
            "ethnicity",
            "position",
            "organization",
            "email",
            "phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.active()


class AccountForm(forms.Form):
    """Gives a person a login; they choose their own password from the e-mailed link."""

    username = forms.CharField(label=_("Username"), max_length=150)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise ValidationError(_("This username is taken. Choose another one."))
        return username

    def clean(self):
        if not self.person.email:
            raise ValidationError(_("Enter the person's e-mail first: the link to set a password is sent there."))
        if self.person.user_id:
            raise ValidationError(_("This person already has an account."))
        return self.cleaned_data


class CongressForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Congress
        fields = [
            "kind",
            "level",
            "area_name",
            "edition",
            "year",
            "name",
            "theme",
            "host",
            "parent",
            "review_period",
            "next_period",
            "format",
            "status",
        ]
        widgets = {"theme": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Organization.objects.active()
        # A congress's name, level and year are public to signed-in users, so any congress may be named
        # as the one this leads to; the current choice is always offered, so saving never drops it.
        self.fields["parent"].queryset = Congress.objects.exclude(pk=self.instance.pk).only(
            "pk", "name", "year", "level"
        )
        self.fields["edition"].widget.attrs["min"] = 1
        # A name that was composed from kind, place, edition and year follows them when they change.
        self.composed_before = self.instance.composed_name() if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        if self.composed_before and "name" not in self.changed_data and cleaned.get("name") == self.composed_before:
            cleaned["name"] = ""
        return cleaned

    def saved_name(self, congress):
        """The saved name as this form cleans it: empty while it is the one composed from the other fields."""
        return "" if congress.name == congress.composed_name() else congress.name

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if would_cycle(self.instance, parent):
            raise ValidationError(_("A congress cannot lead to itself or to a congress that leads to it."))
        return parent

    def clean_edition(self):
        edition = self.cleaned_data["edition"]
        if edition is not None and edition < 1:
            raise ValidationError(_("The edition must be 1 or more."))
        return edition


class CongressSessionForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("connection_points",)

    class Meta:
        model = CongressSession
        fields = [
            "name",
            "kind",
            "order",
            "timing",
            "starts_at",
            "ends_at",
            "planned_month",
            "planned_quarter",
            "planned_year",
            "place",
            "notes",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "timing": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].required = False  # left out, a session is the official one

    def clean_kind(self):
        return self.cleaned_data.get("kind") or CongressSession.Kind.OFFICIAL


MAX_CONNECTION_POINTS = 200

ConnectionPointFormSet = forms.inlineformset_factory(
    CongressSession,
    ConnectionPoint,
    fields=["order", "level", "name", "place", "organization"],
    extra=2,
    can_delete=True,
    # A province's communes may all connect; a posted TOTAL_FORMS never builds more rows than this.
    max_num=MAX_CONNECTION_POINTS,
    absolute_max=MAX_CONNECTION_POINTS,
    validate_max=True,
)


class BoardForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = OrganizingBoard
        fields = ["name", "founding_decision", "founded_on"]
        widgets = {"founded_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        derived = f"Ban Tổ chức {self.instance.congress.name}"
        self.fields["name"].widget.attrs["placeholder"] = derived
        self.fields["name"].help_text = _(
            "Leave empty to name the board after the congress; it then follows the congress's name."
        )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        return "" if name == f"Ban Tổ chức {self.instance.congress.name}" else name


class MemberFormMixin:
    """Board and sub-committee members: a person once per body, told in Vietnamese."""

    body_field = None

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        setattr(self.instance, self.body_field, body)
        self.fields["person"].queryset = Person.objects.active().select_related("organization")

    def clean_person(self):
        person = self.cleaned_data["person"]
        others = self.body.members.exclude(pk=self.instance.pk)
        if others.filter(person=person).exists():
            raise ValidationError(self.duplicate_message)
        return person


class BoardMemberForm(ConcurrentEditMixin, MemberFormMixin, forms.ModelForm):
    body_field = "board"
    duplicate_message = _("This person is already a member of the board.")

    class Meta:
        model = BoardMember
        fields = ["person", "role", "order", "position_text", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 3})}


class SubcommitteeForm(ConcurrentEditMixin, forms.ModelForm):
    class Meta:
        model = Subcommittee
        fields = ["kind", "name", "order", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = self.instance.congress.subcommittees.exclude(pk=self.instance.pk)
        if others.filter(name__iexact=name).exists():
            raise ValidationError(_("The congress already has a sub-committee with this name."))
        return name


class SubcommitteeMemberForm(ConcurrentEditMixin, MemberFormMixin, forms.ModelForm):
    body_field = "subcommittee"
    duplicate_message = _("This person is already a member of the sub-committee.")

    class Meta:
        model = SubcommitteeMember
        fields = ["person", "role", "order", "duties"]
        widgets = {"duties": forms.Textarea(attrs={"rows": 3})}


class CongressRoleForm(forms.ModelForm):
    class Meta:
        model = CongressRole
        fields = ["user", "role", "organization", "subcommittee"]

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["user"].queryset = (
            get_user_model().objects.filter(is_active=True, person__isnull=False).select_related("person")
        )
        self.fields["user"].label_from_instance = lambda user: f"{user.person.full_name} ({user.username})"
        self.fields["organization"].queryset = Organization.objects.active()
        self.fields["subcommittee"].queryset = congress.subcommittees.all()

    def clean(self):
        data = super().clean()
        role = data.get("role")
        if role == CongressRole.Role.FOCAL_POINT and not data.get("organization"):
            self.add_error("organization", _("A focal point needs an organisation."))
        if role == CongressRole.Role.SUBCOMMITTEE_HEAD and not data.get("subcommittee"):
            self.add_error("subcommittee", _("A sub-committee head needs a sub-committee."))
        if role != CongressRole.Role.FOCAL_POINT:
            data["organization"] = None
        if role != CongressRole.Role.SUBCOMMITTEE_HEAD:
            data["subcommittee"] = None
        self.instance.organization = data.get("organization")
        self.instance.subcommittee = data.get("subcommittee")
        duplicate = self.instance.congress.roles.filter(
            user=data.get("user"),
            role=role,
            organization=data.get("organization"),
            subcommittee=data.get("subcommittee"),
        )
        if duplicate.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("This user already has this role in the congress."))
        return data


class InvitationAwarePasswordResetForm(PasswordResetForm):
    """Password reset that also reaches people invited but not yet signed in.

    Django skips users without a usable password; an invited person has none until they
    follow their first link, and must be able to ask for a fresh one when it expires.
    """

    def get_users(self, email):
        users = get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
        return (user for user in users if user.has_usable_password() or hasattr(user, "person"))


MAX_HEAD_TERMS = 50


class HeadTermForm(forms.ModelForm):
    class Meta:
        model = HeadTerm
        fields = ["person", "started_on", "ended_on"]
        widgets = {"started_on": DateInput(), "ended_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.active().select_related("organization")

    def clean(self):
        cleaned = super().clean()
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", _("A term cannot end before it starts."))
        return cleaned


# Who headed an organisation when: a document takes the head of its date (congress/documents.py).
HeadTermFormSet = forms.inlineformset_factory(
    Organization,
    HeadTerm,
    form=HeadTermForm,
    extra=1,
    can_delete=True,
    max_num=MAX_HEAD_TERMS,
    absolute_max=MAX_HEAD_TERMS,
    validate_max=True,
)
