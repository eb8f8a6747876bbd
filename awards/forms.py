import json

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from congress.concurrency import ConcurrentEditMixin
from congress.filters import SearchFilter, SortFilter
from congress.forms import DateInput, DateTimeInput
from congress.models import Organization, Person
from congress.search import matching
from congress.widgets import QuickSelect

from . import files
from .imports import read_rows
from .models import (
    AwardType,
    Ballot,
    CouncilMember,
    CouncilSession,
    Nomination,
    NominationRound,
    RequiredDocument,
    Vote,
)
from .prerequisites import EXAMPLE, validate_prerequisites
from .widgets import FlatSelect, SearchInput, SortSelect

EMPTY_CHOICE = "---------"


class RoundForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("award_types",)

    class Meta:
        model = NominationRound
        fields = ["name", "year", "deadline", "award_types", "notes"]
        widgets = {
            "deadline": DateInput(),
            "award_types": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["award_types"].queryset = AwardType.objects.nominable()


class NominationForm(ConcurrentEditMixin, forms.ModelForm):
    new_person_name = forms.CharField(label=_("or a person not yet in the directory: full name"), required=False)
    new_person_gender = forms.ChoiceField(
        label=_("Gender"), required=False, choices=[("", EMPTY_CHOICE), *Person.Gender.choices]
    )
    new_person_position = forms.CharField(label=_("Position"), required=False, max_length=255)

    class Meta:
        model = Nomination
        fields = [
            "award_type",
            "person",
            "organization",
            "household",
            "proposing_organization",
            "year_from",
            "year_to",
            "achievements",
            "women_share",
        ]
        widgets = {
            "award_type": QuickSelect,
            "person": QuickSelect,
            "organization": QuickSelect,
            "proposing_organization": QuickSelect,
            "achievements": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, nomination_round, proposers, **kwargs):
        """proposers: the organisations the user may propose for (None: any)."""
        super().__init__(*args, **kwargs)
        self.round = nomination_round
        self.fields["award_type"].queryset = nomination_round.award_types.all()
        organizations = Organization.objects.active()
        people = Person.objects.active()
        if proposers is not None:
            organizations = organizations.filter(pk__in=proposers)
            people = people.filter(Q(organization__in=proposers) | Q(organization__parent__in=proposers))
        self.fields["proposing_organization"].queryset = organizations
        self.fields["person"].queryset = people.select_related("organization")
        self.fields["person"].label_from_instance = lambda person: ", ".join(
            part for part in (person.full_name, person.position) if part
        )
        self.fields["organization"].queryset = Organization.objects.active()
        self.fields["organization"].help_text = _("For a collective.")
        self.fields["household"].help_text = _("For a household: the head's name and the address.")
        if not self.instance.pk:
            self.initial["year_from"] = self.initial.get("year_from") or nomination_round.year
            self.initial["year_to"] = self.initial.get("year_to") or nomination_round.year
            if proposers is not None and len(proposers) == 1:
                self.initial["proposing_organization"] = next(iter(proposers))

    # Which fields name the nominee for each scope of award type; the page shows only the chosen one's.
    NOMINEE_FIELDS = {
        AwardType.Scope.INDIVIDUAL: ["person", "new_person_name", "new_person_gender", "new_person_position"],
        AwardType.Scope.COLLECTIVE: ["organization", "women_share"],
        AwardType.Scope.HOUSEHOLD: ["household"],
    }

    def scopes(self):
        """{award type id: scope}, for the page script that shows the fields of the chosen scope."""
        return {str(pk): scope for pk, scope in self.fields["award_type"].queryset.values_list("pk", "scope")}

    def nominee_groups(self):
        """(scope, bound fields) per scope, in the order the form lists them."""
        return [(scope, [self[name] for name in names]) for scope, names in self.NOMINEE_FIELDS.items()]

    def other_fields(self):
        nominee = {name for names in self.NOMINEE_FIELDS.values() for name in names}
        return [field for field in self if field.name not in nominee]

    def clean(self):
        cleaned = super().clean()
        award_type = cleaned.get("award_type")
        if award_type is None:
            return cleaned
        if award_type.scope == AwardType.Scope.INDIVIDUAL:
            self._clean_person(cleaned)
            self._refuse_other_nominees(cleaned, award_type, ["organization", "household"])
            cleaned["women_share"] = None
        elif award_type.scope == AwardType.Scope.COLLECTIVE:
            if not cleaned.get("organization"):
                self.add_error("organization", _("Choose the unit proposed for %(award)s.") % {"award": award_type})
            self._refuse_other_nominees(cleaned, award_type, ["person", "new_person_name", "household"])
        else:
            if not cleaned.get("household"):
                self.add_error("household", _("Write the household proposed for %(award)s.") % {"award": award_type})
            self._refuse_other_nominees(cleaned, award_type, ["person", "new_person_name", "organization"])
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_to < year_from:
            self.add_error("year_to", _("The period cannot end before it starts."))
        return cleaned

    def _clean_person(self, cleaned):
        if cleaned.get("person") and cleaned.get("new_person_name"):
            self.add_error("new_person_name", _("Choose a person or write a new name, not both."))
        elif not cleaned.get("person") and not cleaned.get("new_person_name"):
            self.add_error("person", _("Choose the person proposed, or write the name of a person not yet listed."))

    def _refuse_other_nominees(self, cleaned, award_type, names):
        """A dossier names one nominee (awards_nomination_one_nominee): other kinds of nominee are refused."""
        for name in names:
            if cleaned.get(name):
                self.add_error(
                    name,
                    _("%(award)s is given to %(scope)s: leave this field empty.")
                    % {"award": award_type, "scope": award_type.get_scope_display().lower()},
                )

    def new_person(self):
        """The person typed in, to be created with the dossier (services.save_nomination); None if none."""
        if not self.cleaned_data.get("new_person_name"):
            return None
        return {
            "full_name": self.cleaned_data["new_person_name"].strip(),
            "gender": self.cleaned_data["new_person_gender"],
            "position": self.cleaned_data["new_person_position"],
        }

    def _get_validation_exclusions(self):
        # A person typed in is created on save; until then the one-nominee constraint cannot see them.
        excluded = super()._get_validation_exclusions()
        if self.cleaned_data.get("new_person_name"):
            excluded.add("person")
        return excluded

    def save(self, commit=True):
        nomination = super().save(commit=False)
        nomination.round = self.round
        for name in ("person", "organization", "household", "women_share"):
            setattr(nomination, name, self.cleaned_data.get(name))
        nomination.household = nomination.household or ""
        if commit:
            raise ValueError(
                "Save a dossier through awards.services.save_nomination(..., new_person=form.new_person())."
            )
        return nomination


class FileForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, requirement, **kwargs):
        super().__init__(*args, **kwargs)
        self.requirement = requirement
        kinds = requirement.kinds
        self.fields["file"].widget.attrs["accept"] = files.accept_attribute(kinds)
        self.fields["file"].help_text = _("%(kinds)s; at most %(size)s.") % {
            "kinds": files.kinds_text(kinds),
            "size": filesizeformat(files.max_bytes()),
        }

    def clean_file(self):
        return files.check_file(self.cleaned_data["file"], self.requirement.kinds)


class ActionForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    decision_number = forms.CharField(label=_("Decision number"), required=False, max_length=60)
    decision_date = forms.DateField(label=_("Decision date"), required=False, widget=DateInput())

    def __init__(self, *args, action, unmet=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.unmet = list(unmet) if action.checks_eligibility else []
        if self.unmet:
            self.fields["confirm_ineligible"] = forms.BooleanField(
                label=_("I confirm moving this dossier forward although its conditions are not met"), required=True
            )
            self.fields["eligibility_override"] = forms.CharField(
                label=_("Why it goes ahead all the same"),
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Kept in the dossier's history with your name."),
            )
        self.fields["comment"].required = action.needs_comment
        if action.needs_decision:
            self.fields["decision_number"].required = True
            self.fields["decision_date"].required = True
            self.fields["decision_number"].help_text = _("For example “Quyết định số 1234/QĐ-UBND”.")
        else:
            del self.fields["decision_number"], self.fields["decision_date"]

    def step_values(self):
        """What the service step takes: the cleaned values without the confirmation box."""
        return {name: value for name, value in self.cleaned_data.items() if name != "confirm_ineligible"}


class PlainChoices(BaseChoiceIterator):
    """Choices that are already (value, label) pairs: Django does not normalise them again, one
    by one, each time the field validates or renders them (the proposing units run to hundreds)."""

    def __init__(self, choices):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


class NominationFilter(django_filters.FilterSet):
    q = SearchFilter(widget=SearchInput)
    round = django_filters.TypedChoiceFilter(label=_("Round"), field_name="round_id", coerce=int, widget=FlatSelect)
    award_type = django_filters.TypedChoiceFilter(
        label=_("Award type"), field_name="award_type_id", coerce=int, widget=FlatSelect
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Nomination.Status.choices, widget=FlatSelect)
    proposing = django_filters.TypedChoiceFilter(
        label=_("Proposing unit"), field_name="proposing_organization_id", coerce=int, widget=FlatSelect
    )
    order = SortFilter(
        fields=(
            ("nominee_sort", "nominee"),
            ("award_type__order", "award_type"),
            ("status", "status"),
            ("proposing_organization__name", "proposing"),
            ("submitted_at", "submitted"),
        ),
        field_labels={
            "nominee_sort": _("Nominee"),
            "award_type__order": _("Award type"),
            "status": _("Status"),
            "proposing_organization__name": _("Proposing unit"),
            "submitted_at": _("Submitted on"),
        },
        label=_("Sort by"),
        widget=SortSelect,
    )

    class Meta:
        model = Nomination
        fields = ["q", "round", "award_type", "status", "proposing"]

    def __init__(self, *args, rounds, award_types, proposers, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["round"].choices = PlainChoices([("", _("All")), *rounds])
        self.form.fields["award_type"].choices = PlainChoices([("", _("All")), *award_types])
        self.form.fields["proposing"].choices = PlainChoices([("", _("All")), *proposers])

    def get_form_class(self):
        """The form class is the same on every request (the filters' fields do not depend on it):
        built once, not six fields and a class per visit. Each form still copies its fields."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    def filter_search(self, queryset, name, value):
        return queryset.filter(matching(["person__full_name", "organization__name", "household"], value))


class CouncilMemberForm(forms.ModelForm):
    class Meta:
        model = CouncilMember
        fields = ["person", "role", "order"]
        widgets = {"person": QuickSelect, "role": QuickSelect}

    def __init__(self, *args, congress, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.congress = congress
        self.fields["person"].queryset = Person.objects.active().select_related("organization")
        self.fields["person"].label_from_instance = lambda person: person.title_line


class SessionForm(forms.ModelForm):
    class Meta:
        model = CouncilSession
        fields = ["number", "held_at", "place", "notes"]
        widgets = {"held_at": DateTimeInput(), "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, nomination_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.round = nomination_round


class AttendanceForm(forms.Form):
    present = forms.MultipleChoiceField(label=_("Members present"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, attendance, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [(row.member_id, str(row.member)) for row in attendance]
        self.initial.setdefault("present", [row.member_id for row in attendance if row.present])


class AddDossiersForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Complete dossiers"), queryset=Nomination.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = (
            Nomination.objects.filter(round=session.round, status=Nomination.Status.COMPLETE)
            .select_related("award_type", "person", "organization")
            .order_by("award_type__order", "pk")
        )
        self.fields["nominations"].label_from_instance = lambda n: f"{n.nominee_name} - {n.award_type.name}"


WRITTEN_CHOICES = [
    ("", _("No written opinion")),
    (Vote.Choice.FOR, _("In favour")),
    (Vote.Choice.AGAINST, _("Against")),
]


class BallotForm(ConcurrentEditMixin, forms.Form):
    """A secret ballot gives counts of the members present; an open one a vote per member present.
    Absent members may have sent a written opinion. A ballot entered or corrected by someone else
    since the page was loaded (even a first one) is a conflict, not overwritten."""

    fingerprint_related = ("votes",)
    guard_creation = True

    def __init__(self, *args, nomination, attendance, ballot=None, **kwargs):
        self.instance = ballot if ballot is not None else Ballot(nomination=nomination)
        super().__init__(*args, **kwargs)
        self.secret = nomination.award_type.secret_ballot
        named = {vote.member_id: vote.choice for vote in ballot.votes.all()} if ballot else {}
        if self.secret:
            for name, label, value in (
                ("votes_for", _("In favour"), ballot.votes_for if ballot else 0),
                ("votes_against", _("Against"), ballot.votes_against if ballot else 0),
                ("abstentions", _("Abstain"), ballot.abstentions if ballot else 0),
            ):
                self.fields[name] = forms.IntegerField(label=label, min_value=0, max_value=999, initial=value)
        for row in attendance:
            if row.present and not self.secret:
                self.fields[f"member_{row.member_id}"] = forms.ChoiceField(
                    label=str(row.member), choices=Vote.Choice.choices, initial=named.get(row.member_id)
                )
            elif not row.present:
                self.fields[f"written_{row.member_id}"] = forms.ChoiceField(
                    label=_("%(member)s (absent): written opinion") % {"member": row.member},
                    choices=WRITTEN_CHOICES,
                    required=False,
                    initial=named.get(row.member_id, ""),
                )

    def describe_saved(self, saved):
        """Their saved ballot beside the user's, field by field, for the conflict page."""
        counts = {"votes_for": "votes_for", "votes_against": "votes_against", "abstentions": "abstentions"}
        named = {vote.member_id: vote.choice for vote in saved.votes.all()} if saved else {}
        rows = []
        for name, field in self.fields.items():
            if name in counts:
                theirs = str(getattr(saved, counts[name])) if saved else ""
                mine = str(self.cleaned_data.get(name, ""))
            else:
                labels = dict(field.choices)
                theirs = str(labels.get(named.get(int(name.split("_", 1)[1]), ""), ""))
                mine = str(labels.get(self.cleaned_data.get(name, ""), ""))
            rows.append((field.label, theirs, mine, theirs != mine))
        return [row for row in rows if row[3]] or rows

    def counts(self):
        if not self.secret:
            return {}
        data = self.cleaned_data
        return {
            Vote.Choice.FOR: data["votes_for"],
            Vote.Choice.AGAINST: data["votes_against"],
            Vote.Choice.ABSTAIN: data["abstentions"],
        }

    def votes(self):
        """{member id: (choice, written)}."""
        found = {}
        for name, value in self.cleaned_data.items():
            if value and name.startswith(("member_", "written_")):
                kind, member_id = name.split("_", 1)
                found[int(member_id)] = (value, kind == "written")
        return found


class PrerequisitesField(forms.JSONField):
    widget = forms.Textarea(attrs={"rows": 5, "class": "font-monospace"})

    def prepare_value(self, value):
        return json.dumps(value, ensure_ascii=False, indent=1) if not isinstance(value, str) else value


class AwardTypeForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("documents",)

    prerequisites = PrerequisitesField(
        label=_("Prerequisites"),
        required=False,
        help_text=_(
            "A list of conditions, all of which must hold, for example %(example)s (3 consecutive years); "
            "or {“titles”: […], “count”: 3, “within”: 5} (3 times in 5 years). Codes are those of the catalogue."
        )
        % {"example": EXAMPLE},
    )

    class Meta:
        model = AwardType
        fields = [
            "code",
            "name",
            "short_name",
            "kind",
            "scope",
            "authority",
            "criteria",
            "prerequisites",
            "secret_ballot",
            "approval_threshold",
            "quorum",
            "prize_multiple",
            "order",
            "is_active",
        ]
        widgets = {"criteria": forms.Textarea(attrs={"rows": 4})}

    def clean_prerequisites(self):
        value = self.cleaned_data["prerequisites"] or []
        codes = set(AwardType.objects.values_list("code", flat=True))
        codes.add(self.cleaned_data.get("code") or self.instance.code)
        validate_prerequisites(value, codes)
        return value


class RequiredDocumentForm(forms.ModelForm):
    class Meta:
        model = RequiredDocument
        fields = ["order", "name", "template_code", "mandatory", "file_kinds"]

    def clean_file_kinds(self):
        kinds = [kind.strip().lower() for kind in self.cleaned_data["file_kinds"].split(",") if kind.strip()]
        unknown = [kind for kind in kinds if kind not in files.KIND_NAMES]
        if unknown or not kinds:
            raise ValidationError(_("Choose among: %(kinds)s.") % {"kinds": ", ".join(files.KIND_NAMES)})
        return ",".join(kinds)


MAX_REQUIRED_DOCUMENTS = 30

RequiredDocumentFormSet = forms.inlineformset_factory(
    AwardType,
    RequiredDocument,
    form=RequiredDocumentForm,
    extra=2,
    can_delete=True,
    max_num=MAX_REQUIRED_DOCUMENTS,
    absolute_max=MAX_REQUIRED_DOCUMENTS,
    validate_max=True,
)


class HistoryImportForm(forms.Form):
    file = forms.FileField(
        label=_("Excel sheet (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        help_text=_(
            "Columns: Họ và tên / Tên tập thể, Đơn vị, Danh hiệu, Năm, Quyết định. The first row holds the headings."
        ),
    )

    def clean_file(self):
        upload = files.check_file(self.cleaned_data["file"], ["xlsx"])
        self.rows = read_rows(upload)
        return upload
