"""Emulation clusters and blocks (cụm, khối thi đua): members, the year's leader and deputy, the
criteria sheet, self-scoring with evidence, the review of scores, the ranking, the election of the
next leader and the pledge.

A cluster's year is held together by its review conference, a `congress.Congress` of kind
"cluster review": the roles in that congress decide who sees and changes the year (the leader's
office is its secretariat, each member's focal point a focal point with the member's organisation).
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from congress.models import Congress, Organization, Person

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]
POINTS_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("10000"))]


class Cluster(models.Model):
    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("Emulation cluster")
        BLOCK = "block", _("Emulation block")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CLUSTER)
    founding_body = models.CharField(
        _("founding body"), max_length=255, help_text=_("The body that set the cluster up, as documents write it.")
    )
    rules_number = models.CharField(_("rules decision number"), max_length=60, blank=True)
    rules_date = models.DateField(_("rules decision date"), null=True, blank=True)
    rules_issuer = models.CharField(_("rules decision issued by"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("emulation cluster or block")
        verbose_name_plural = _("emulation clusters and blocks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:detail", args=[self.pk])

    @property
    def leader_titles(self):
        """How documents name the leader and the deputy: of a cluster, of a block."""
        return ("Khối trưởng", "Khối phó") if self.kind == self.Kind.BLOCK else ("Cụm trưởng", "Cụm phó")

    @cached_property
    def terms(self):
        """How the screens and messages name this cluster or block and its leader and deputy."""
        return Terms(self.kind)


class Terms:
    """The words for a cluster or block, its leader and its deputy, by its kind: Cụm trưởng and Cụm
    phó of a cụm, Khối trưởng and Khối phó of a khối (as the printed papers say); both where the
    kind is not known yet (a cluster being created). Translated when read, in the page's language.
    The leader's and the deputy's titles are capitalised in Vietnamese wherever they stand."""

    def __init__(self, kind=None):
        self.kind = kind

    def _pick(self, cluster, block, either):
        if self.kind == Cluster.Kind.CLUSTER:
            return str(cluster)
        return str(block if self.kind == Cluster.Kind.BLOCK else either)

    @property
    def leader(self):
        return self._pick(
            pgettext_lazy("emulation group", "cluster leader"),
            pgettext_lazy("emulation group", "block leader"),
            pgettext_lazy("emulation group", "cluster or block leader"),
        )

    @property
    def deputy(self):
        return self._pick(
            pgettext_lazy("emulation group", "cluster deputy leader"),
            pgettext_lazy("emulation group", "block deputy leader"),
            pgettext_lazy("emulation group", "cluster or block deputy leader"),
        )

    @property
    def different_leaders(self):
        """The refusal when the leader and the deputy would be the same member."""
        return _("The %(leader)s and the %(deputy)s must be different members.") % {
            "leader": self.leader,
            "deputy": self.deputy,
        }

    @property
    def word(self):
        """The group itself, within a sentence: cụm, khối."""
        return self._pick(
            pgettext_lazy("emulation group", "cluster"),
            pgettext_lazy("emulation group", "block"),
            pgettext_lazy("emulation group", "cluster or block"),
        )


class ClusterMember(models.Model):
    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="members")
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="cluster_memberships"
    )
    focal_point = models.ForeignKey(
        Person,
        verbose_name=_("focal point"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cluster_focal_points",
        help_text=_("Scores the member's work; gets the focal point role in each year's review conference."),
    )
    rotation_order = models.PositiveSmallIntegerField(
        _("rotation order"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )

    class Meta:
        ordering = ["cluster", "rotation_order", "pk"]
        verbose_name = _("cluster member")
        verbose_name_plural = _("cluster members")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "organization"],
                name="clusters_member_unique",
                violation_error_message=_("This organisation is already a member of the cluster."),
            )
        ]

    def __str__(self):
        return self.organization.name


class TieRule(models.TextChoices):
    """How members with the same agreed total are ordered, tried in the order the year lists them."""

    FEWER_PENALTIES = "fewer_penalties", _("Fewer penalty points first")
    MORE_BONUS = "more_bonus", _("More bonus points first")
    FIRST_GROUP = "first_group", _("Higher score in the first criteria group first")
    ROTATION = "rotation", _("Rotation order")


class ClusterYear(models.Model):
    cluster = models.ForeignKey(Cluster, verbose_name=_("cluster"), on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    conference = models.OneToOneField(
        Congress, verbose_name=_("review conference"), on_delete=models.PROTECT, related_name="cluster_year"
    )
    conference_date = models.DateField(_("review conference date"))
    leader = models.ForeignKey(
        ClusterMember, verbose_name=_("leader"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        ClusterMember,
        verbose_name=_("deputy leader"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scoring_deadline = models.DateField(_("self-scoring deadline"))
    late_evidence_days = models.PositiveSmallIntegerField(
        _("missing evidence: days before the conference"),
        default=5,
        validators=[MaxValueValidator(365)],
        help_text=_("Missing evidence may be sent until this many days before the review conference."),
    )
    tie_rules = models.JSONField(_("tie rules"), default=list, blank=True)
    members_see_scores = models.BooleanField(
        _("members see every member's scores"),
        default=False,
        help_text=_("When the cluster's rules say so, the members also review each other's scores."),
    )
    pledge_content = models.TextField(_("pledge content"), blank=True)
    criteria_locked = models.BooleanField(_("criteria sheet adopted"), default=False)

    class Meta:
        ordering = ["cluster", "-year"]
        verbose_name = _("year of emulation")
        verbose_name_plural = _("years of emulation")
        constraints = [
            models.UniqueConstraint(
                fields=["cluster", "year"],
                name="clusters_year_unique",
                violation_error_message=_("The cluster already has this year."),
            )
        ]

    def __str__(self):
        return f"{self.cluster.name} - {self.year}"

    def get_absolute_url(self):
        return reverse("clusters:year", args=[self.conference_id])

    @property
    def evidence_deadline(self):
        return self.conference_date - datetime.timedelta(days=self.late_evidence_days)

    def tie_rule_labels(self):
        labels = dict(TieRule.choices)
        return [labels[rule] for rule in self.tie_rules if rule in labels]


class CriteriaGroup(models.Model):
    year = models.ForeignKey(ClusterYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="groups")
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(999)])
    name = models.CharField(_("name"), max_length=255)

    class Meta:
        ordering = ["year", "order", "pk"]
        verbose_name = _("criteria group")
        verbose_name_plural = _("criteria groups")

    def __str__(self):
        return self.name


class Criterion(models.Model):
    class Kind(models.TextChoices):
        STANDARD = "standard", _("Scored criterion")
        BONUS = "bonus", _("Bonus item")
        PENALTY = "penalty", _("Penalty item")

    group = models.ForeignKey(CriteriaGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(999)])
    name = models.CharField(_("criterion"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.STANDARD)
    max_points = models.DecimalField(_("maximum points"), max_digits=7, decimal_places=2, validators=POINTS_VALIDATORS)
    evidence = models.CharField(_("evidence required"), max_length=500, blank=True)

    class Meta:
        ordering = ["group__order", "group_id", "order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_points__gt=0),
                name="clusters_criterion_points_positive",
                violation_error_message=_("The maximum must be more than zero."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def sign(self):
        return -1 if self.kind == self.Kind.PENALTY else 1


class Score(models.Model):
    """One member's points for one criterion: as self-scored, and as agreed after the review."""

    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="scores"
    )
    member = models.ForeignKey(ClusterMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="scores")
    self_points = models.DecimalField(
        _("self-scored points"), max_digits=7, decimal_places=2, validators=POINTS_VALIDATORS
    )
    agreed_points = models.DecimalField(
        _("agreed points"), max_digits=7, decimal_places=2, null=True, blank=True, validators=POINTS_VALIDATORS
    )
    note = models.TextField(_("notes"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["member", "criterion"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        # The ranking sums every member's points per group from this index alone, without reading the rows.
        indexes = [
            models.Index(fields=["criterion", "member", "self_points", "agreed_points"], name="clusters_score_points")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "member"],
                name="clusters_score_unique",
                violation_error_message=_("This member already has a score for this criterion."),
            )
        ]

    def __str__(self):
        return f"{self.member} - {self.criterion}: {self.points}"

    @property
    def points(self):
        return self.self_points if self.agreed_points is None else self.agreed_points


class Evidence(models.Model):
    score = models.ForeignKey(Score, verbose_name=_("score"), on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to="clusters/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"), editable=False)
    content_type = models.CharField(_("type"), max_length=100)
    late = models.BooleanField(_("sent after the self-scoring deadline"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["score", "uploaded_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.name


class Adjustment(models.Model):
    """The history of an agreed score: who changed it, from what, to what, why."""

    score = models.ForeignKey(Score, verbose_name=_("score"), on_delete=models.CASCADE, related_name="adjustments")
    from_points = models.DecimalField(_("from"), max_digits=7, decimal_places=2)
    to_points = models.DecimalField(_("to"), max_digits=7, decimal_places=2)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["score", "at", "pk"]
        verbose_name = _("score adjustment")
        verbose_name_plural = _("score adjustments")

    def __str__(self):
        return f"{self.from_points} → {self.to_points}"


class AdjustmentProposal(models.Model):
    """A member's proposal to change another member's score, when the year's rules let members
    review each other; the leader decides by recording the agreed score, which closes it."""

    score = models.ForeignKey(Score, verbose_name=_("score"), on_delete=models.CASCADE, related_name="proposals")
    member = models.ForeignKey(
        ClusterMember, verbose_name=_("proposed by member"), on_delete=models.CASCADE, related_name="+"
    )
    points = models.DecimalField(_("proposed points"), max_digits=7, decimal_places=2, validators=POINTS_VALIDATORS)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    closed = models.BooleanField(_("closed"), default=False)

    class Meta:
        ordering = ["score", "at", "pk"]
        verbose_name = _("adjustment proposal")
        verbose_name_plural = _("adjustment proposals")

    def __str__(self):
        return f"{self.member}: {self.points}"


class Exclusion(models.Model):
    """A member left out of the year's ranking (a serious violation, no report), with the reason."""

    year = models.ForeignKey(ClusterYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="exclusions")
    member = models.ForeignKey(ClusterMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["year", "member__rotation_order"]
        verbose_name = _("exclusion from the ranking")
        verbose_name_plural = _("exclusions from the ranking")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "member"],
                name="clusters_exclusion_unique",
                violation_error_message=_("This member is already left out of the ranking."),
            )
        ]

    def __str__(self):
        return f"{self.member}: {self.reason}"


class ProposalRule(models.Model):
    """What the cluster proposes for the members ranked from…to…: "the first for the Government's flag"."""

    year = models.ForeignKey(
        ClusterYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="proposal_rules"
    )
    rank_from = models.PositiveSmallIntegerField(
        _("from rank"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    rank_to = models.PositiveSmallIntegerField(_("to rank"), validators=[MinValueValidator(1), MaxValueValidator(999)])
    award_type = models.ForeignKey(
        "awards.AwardType", verbose_name=_("award type"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["year", "rank_from", "pk"]
        verbose_name = _("proposal rule")
        verbose_name_plural = _("proposal rules")
        constraints = [
            models.CheckConstraint(
                condition=Q(rank_to__gte=models.F("rank_from")),
                name="clusters_proposal_ranks_in_order",
                violation_error_message=_("The last rank cannot come before the first."),
            )
        ]

    def __str__(self):
        return f"{self.rank_from}-{self.rank_to}: {self.award_type}"


class Vote(models.Model):
    """One member's vote for the next year's leader and deputy."""

    year = models.ForeignKey(ClusterYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        ClusterMember, verbose_name=_("voting member"), on_delete=models.CASCADE, related_name="+"
    )
    leader = models.ForeignKey(ClusterMember, verbose_name=_("next leader"), on_delete=models.CASCADE, related_name="+")
    deputy = models.ForeignKey(
        ClusterMember, verbose_name=_("next deputy leader"), on_delete=models.CASCADE, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["year", "voter__rotation_order"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "voter"],
                name="clusters_one_vote_per_member",
                violation_error_message=_("This member has already voted."),
            ),
            models.CheckConstraint(
                condition=~Q(leader=models.F("deputy")),
                name="clusters_vote_leader_not_deputy",
                violation_error_message=_("The leader and the deputy must be different members."),
            ),
        ]

    def __str__(self):
        return f"{self.voter}: {self.leader} / {self.deputy}"


class Election(models.Model):
    """The recorded result of the election: the next year's leader and deputy."""

    year = models.OneToOneField(ClusterYear, verbose_name=_("year"), on_delete=models.CASCADE, related_name="election")
    leader = models.ForeignKey(
        ClusterMember, verbose_name=_("elected leader"), on_delete=models.PROTECT, related_name="+"
    )
    deputy = models.ForeignKey(
        ClusterMember, verbose_name=_("elected deputy leader"), on_delete=models.PROTECT, related_name="+"
    )
    leader_votes = models.PositiveSmallIntegerField(_("votes for the leader"), editable=False)
    deputy_votes = models.PositiveSmallIntegerField(_("votes for the deputy"), editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("election result")
        verbose_name_plural = _("election results")

    def __str__(self):
        return f"{self.leader} / {self.deputy}"
