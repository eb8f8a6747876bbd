"""The clusters' forms: they only validate; the services write."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from awards.files import accept_attribute, check_file
from congress.concurrency import ConcurrentEditMixin
from congress.forms import DateInput
from congress.models import Organization, Person
from congress.widgets import QuickSelect

from .models import Cluster, ClusterMember, ClusterYear, CriteriaGroup, Criterion, ProposalRule, TieRule

EVIDENCE_KINDS = ("pdf", "docx", "xlsx", "doc", "xls", "jpg", "png", "odt")
MAX_MEMBERS = 200
MAX_CRITERIA_PER_GROUP = 200


class ClusterForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("members",)

    class Meta:
        model = Cluster
        fields = ["name", "kind", "founding_body", "rules_number", "rules_date", "rules_issuer", "notes"]
        widgets = {"rules_date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}


class MemberForm(forms.ModelForm):
    class Meta:
        model = ClusterMember
        fields = ["rotation_order", "organization", "focal_point"]
        widgets = {"organization": QuickSelect, "focal_point": QuickSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.filter(is_active=True)
        self.fields["focal_point"].queryset = Person.objects.filter(is_active=True).select_related("organization")


MemberFormSet = forms.inlineformset_factory(
    Cluster,
    ClusterMember,
    form=MemberForm,
    extra=3,
    can_delete=True,
    max_num=MAX_MEMBERS,
    absolute_max=MAX_MEMBERS,
    validate_max=True,
)


def name_leaders(form, terms, *, next_year=False):
    """The leader and deputy fields labelled as the cluster's kind names them (Cụm trưởng, Khối
    trưởng…), for this year or for the next."""
    for name, title in (("leader", terms.leader), ("deputy", terms.deputy)):
        title = capfirst(title)
        form.fields[name].label = _("%(title)s next year") % {"title": title} if next_year else title


class YearOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1945, max_value=2100)
    conference_date = forms.DateField(label=_("Review conference date"), widget=DateInput())
    scoring_deadline = forms.DateField(label=_("Self-scoring deadline"), widget=DateInput())
    late_evidence_days = forms.IntegerField(
        label=_("Missing evidence: days before the conference"), min_value=0, max_value=365, initial=5
    )
    leader = forms.ModelChoiceField(queryset=ClusterMember.objects.none())
    deputy = forms.ModelChoiceField(queryset=ClusterMember.objects.none())

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster
        members = cluster.members.select_related("organization")
        self.fields["leader"].queryset = members
        self.fields["deputy"].queryset = members
        name_leaders(self, cluster.terms)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if self.cluster.years.filter(year=year).exists():
            raise ValidationError(_("The %(group)s already has this year.") % {"group": self.cluster.terms.word})
        return year

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leader") and cleaned.get("leader") == cleaned.get("deputy"):
            self.add_error("deputy", self.cluster.terms.different_leaders)
        conference, deadline = cleaned.get("conference_date"), cleaned.get("scoring_deadline")
        if conference and deadline and deadline > conference:
            self.add_error("scoring_deadline", _("The self-scoring deadline must come before the conference."))
        days = cleaned.get("late_evidence_days")
        if conference and deadline and days is not None and conference - datetime.timedelta(days=days) < deadline:
            self.add_error(
                "late_evidence_days",
                _("The deadline for missing evidence cannot come before the self-scoring deadline."),
            )
        return cleaned


class YearForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("proposal_rules",)

    tie_rules = forms.MultipleChoiceField(
        label=_("Tie rules"),
        choices=TieRule.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Applied in the order listed when members have the same total; the rotation order decides last."),
    )

    class Meta:
        model = ClusterYear
        fields = [
            "conference_date",
            "scoring_deadline",
            "late_evidence_days",
            "leader",
            "deputy",
            "members_see_scores",
            "criteria_locked",
            "tie_rules",
            "pledge_content",
        ]
        widgets = {
            "conference_date": DateInput(),
            "scoring_deadline": DateInput(),
            "pledge_content": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = self.instance.cluster.members.select_related("organization")
        self.fields["leader"].queryset = members
        self.fields["deputy"].queryset = members
        name_leaders(self, self.instance.cluster.terms)
        self.fields["members_see_scores"].help_text = _(
            "When the rules of the %(group)s say so, the members also review each other's scores."
        ) % {"group": self.instance.cluster.terms.word}
        self.fields["criteria_locked"].help_text = _("Once adopted, the criteria sheet can no longer change.")

    def clean_tie_rules(self):
        chosen = self.cleaned_data["tie_rules"]
        return [rule for rule in TieRule.values if rule in chosen]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leader") and cleaned.get("leader") == cleaned.get("deputy"):
            self.add_error("deputy", self.instance.cluster.terms.different_leaders)
        conference, deadline = cleaned.get("conference_date"), cleaned.get("scoring_deadline")
        if conference and deadline and deadline > conference:
            self.add_error("scoring_deadline", _("The self-scoring deadline must come before the conference."))
        return cleaned


class ProposalRuleForm(forms.ModelForm):
    class Meta:
        model = ProposalRule
        fields = ["rank_from", "rank_to", "award_type"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from awards.models import AwardType

        self.fields["award_type"].queryset = AwardType.objects.filter(is_active=True, scope="collective")


ProposalRuleFormSet = forms.inlineformset_factory(
    ClusterYear,
    ProposalRule,
    form=ProposalRuleForm,
    extra=2,
    can_delete=True,
    max_num=20,
    absolute_max=20,
    validate_max=True,
)


class GroupForm(ConcurrentEditMixin, forms.ModelForm):
    fingerprint_related = ("criteria",)

    class Meta:
        model = CriteriaGroup
        fields = ["order", "name"]


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["order", "name", "kind", "max_points", "evidence"]
        localized_fields = ["max_points"]


CriterionFormSet = forms.inlineformset_factory(
    CriteriaGroup,
    Criterion,
    form=CriterionForm,
    extra=3,
    can_delete=True,
    max_num=MAX_CRITERIA_PER_GROUP,
    absolute_max=MAX_CRITERIA_PER_GROUP,
    validate_max=True,
)


class CopySheetForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Copy the sheet of"), queryset=ClusterYear.objects.none())

    def __init__(self, *args, cluster_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = (
            cluster_year.cluster.years.exclude(pk=cluster_year.pk).filter(groups__isnull=False).distinct()
        )
        self.fields["source"].label_from_instance = lambda y: str(y.year)


class SelfScoreForm(forms.Form):
    """One row per criterion: points, note and an evidence file; which parts are open depends on the phase."""

    def __init__(self, *args, sheet, phase, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        self.phase = phase
        accept = accept_attribute(EVIDENCE_KINDS)
        for criterion, score in sheet:
            key = criterion.pk
            self.fields[f"points_{key}"] = forms.DecimalField(
                label=_("Points"),
                required=False,
                min_value=0,
                max_value=criterion.max_points,
                decimal_places=2,
                localize=True,
                initial=score.self_points if score else None,
                disabled=phase != "open",
            )
            self.fields[f"note_{key}"] = forms.CharField(
                label=_("Notes"),
                required=False,
                max_length=2000,
                initial=score.note if score else "",
                disabled=phase != "open",
                widget=forms.TextInput,
            )
            self.fields[f"file_{key}"] = forms.FileField(
                label=_("Evidence"),
                required=False,
                disabled=phase == "closed",
                widget=forms.ClearableFileInput(attrs={"accept": accept}),
            )

    def rows(self):
        return [
            (
                criterion,
                score,
                self[f"points_{criterion.pk}"],
                self[f"note_{criterion.pk}"],
                self[f"file_{criterion.pk}"],
            )
            for criterion, score in self.sheet
        ]

    def clean(self):
        cleaned = super().clean()
        for criterion, score in self.sheet:
            upload = cleaned.get(f"file_{criterion.pk}")
            if upload:
                try:
                    check_file(upload, EVIDENCE_KINDS)
                except ValidationError as error:
                    self.add_error(f"file_{criterion.pk}", error)
                    continue
                points = cleaned.get(f"points_{criterion.pk}")
                if score is None and points is None:
                    self.add_error(f"file_{criterion.pk}", _("Score the criterion before sending its evidence."))
        return cleaned

    def cleaned_rows(self):
        return [
            (
                criterion,
                self.cleaned_data.get(f"points_{criterion.pk}"),
                self.cleaned_data.get(f"note_{criterion.pk}") or "",
                self.cleaned_data.get(f"file_{criterion.pk}") or None,
            )
            for criterion, _score in self.sheet
        ]


class AdjustForm(forms.Form):
    points = forms.DecimalField(label=_("Agreed points"), min_value=0, decimal_places=2, localize=True)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)

    def __init__(self, *args, score, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["points"] = forms.DecimalField(
            label=_("Agreed points"),
            min_value=0,
            max_value=score.criterion.max_points,
            decimal_places=2,
            localize=True,
            initial=score.points,
        )


class ProposeAdjustmentForm(AdjustForm):
    member = forms.ModelChoiceField(label=_("Proposed by"), queryset=ClusterMember.objects.none())

    def __init__(self, *args, score, members, **kwargs):
        super().__init__(*args, score=score, **kwargs)
        self.fields["points"].label = _("Proposed points")
        self.fields["member"].queryset = members
        self.fields["member"].label_from_instance = lambda member: member.organization.name
        choices = list(members)
        if len(choices) == 1:
            self.fields["member"].initial = choices[0].pk
        self.order_fields(["member", "points", "reason"])


class ExclusionForm(forms.Form):
    member = forms.ModelChoiceField(label=_("Member"), queryset=ClusterMember.objects.none())
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a serious violation, or no report sent."),
    )

    def __init__(self, *args, cluster_year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = cluster_year.cluster.members.select_related("organization").exclude(
            pk__in=cluster_year.exclusions.values("member")
        )


class VoteForm(forms.Form):
    leader = forms.ModelChoiceField(queryset=ClusterMember.objects.none())
    deputy = forms.ModelChoiceField(queryset=ClusterMember.objects.none())

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster
        members = cluster.members.select_related("organization")
        self.fields["leader"].queryset = members
        self.fields["deputy"].queryset = members
        name_leaders(self, cluster.terms, next_year=True)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("leader") and cleaned.get("leader") == cleaned.get("deputy"):
            self.add_error("deputy", self.cluster.terms.different_leaders)
        return cleaned


class ProposalForm(forms.Form):
    round = forms.ModelChoiceField(label=_("Awards round"), queryset=None)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = rounds
        self.fields["round"].label_from_instance = lambda r: f"{r.name} ({r.congress.name})"
