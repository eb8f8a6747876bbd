"""Honours: the catalogue of award types, nomination rounds and dossiers, their files and
history, the award history of people and units, and the emulation council's sessions and ballots.

Everything the law or a province may change (titles, prerequisites, thresholds, required
documents, prize multiples) is a row here, loaded from awards/catalogue.py and edited by staff.
"""

import math

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, Organization, Person
from congress.search import stored_sort_key

from .prerequisites import describe_prerequisites

percent_validators = [MinValueValidator(0), MaxValueValidator(100)]
ballot_validators = [MaxValueValidator(999)]


class AwardTypeQuerySet(models.QuerySet):
    def nominable(self):
        """Types a dossier may propose: not the yearly ratings that only feed the history."""
        return self.filter(is_active=True).exclude(kind=AwardType.Kind.RATING)


class AwardType(models.Model):
    class Kind(models.TextChoices):
        TITLE = "title", _("Emulation title")
        COMMENDATION = "commendation", _("Form of commendation")
        RATING = "rating", _("Yearly rating of duties")

    class Scope(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COLLECTIVE = "collective", _("Collective")
        HOUSEHOLD = "household", _("Household")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80, help_text=_("As reasons and lists write it."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TITLE)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, default=Scope.INDIVIDUAL)
    authority = models.CharField(_("granting authority"), max_length=200, blank=True)
    criteria = models.TextField(_("criteria"), blank=True)
    prerequisites = models.JSONField(
        _("prerequisites"),
        default=list,
        blank=True,
        help_text=_("Titles already held, checked against the award history of the nominee."),
    )
    secret_ballot = models.BooleanField(_("secret ballot"), default=False)
    approval_threshold = models.PositiveSmallIntegerField(
        _("approval threshold (% of all council members)"), default=50, validators=percent_validators
    )
    quorum = models.PositiveSmallIntegerField(
        _("quorum (% of council members present)"), default=80, validators=percent_validators
    )
    prize_multiple = models.DecimalField(
        _("prize (multiple of the base salary)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    is_active = models.BooleanField(_("active"), default=True)

    objects = AwardTypeQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("award type")
        verbose_name_plural = _("award types")
        constraints = [
            models.CheckConstraint(
                condition=Q(approval_threshold__lte=100) & Q(quorum__lte=100),
                name="awards_awardtype_percentages",
                violation_error_message=_("Thresholds are percentages from 0 to 100."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:awardtype_detail", args=[self.pk])

    @property
    def is_collective(self):
        return self.scope != self.Scope.INDIVIDUAL

    def prerequisite_lines(self, names=None):
        return describe_prerequisites(self.prerequisites, names or {})

    def votes_needed(self, members):
        """Votes in favour needed out of `members` council members: the threshold, rounded up."""
        return math.ceil(self.approval_threshold * members / 100)

    def quorum_needed(self, members):
        return math.ceil(self.quorum * members / 100)


class RequiredDocument(models.Model):
    """One document a dossier for the award type must (or may) contain."""

    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award type"), on_delete=models.CASCADE, related_name="documents"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    name = models.CharField(_("document"), max_length=200)
    template_code = models.CharField(_("template"), max_length=60, blank=True, help_text=_("For example “Mẫu số 01”."))
    mandatory = models.BooleanField(_("mandatory"), default=True)
    file_kinds = models.CharField(
        _("accepted file types"),
        max_length=100,
        default="pdf,doc,docx",
        help_text=_("Comma-separated, among: pdf, doc, docx, odt, xls, xlsx, jpg, png."),
    )

    class Meta:
        ordering = ["award_type", "order", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self):
        return f"{self.name} ({self.template_code})" if self.template_code else self.name

    @property
    def kinds(self):
        return [kind.strip().lower() for kind in self.file_kinds.split(",") if kind.strip()]


class NominationRound(models.Model):
    """A call for dossiers: per congress, or per year's review (a congress of kind annual review)."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="nomination_rounds"
    )
    name = models.CharField(_("name"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    deadline = models.DateField(_("submission deadline"))
    award_types = models.ManyToManyField(AwardType, verbose_name=_("award types accepted"), related_name="rounds")
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["congress", "-year", "deadline", "pk"]
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:nomination_list", args=[self.congress_id]) + f"?round={self.pk}"


class NominationQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        """Fills each dossier's sort fields, as `save()` does."""
        objs = list(objs)
        for nomination in objs:
            nomination.fill_sort_fields()
        return super().bulk_create(objs, *args, **kwargs)

    def with_list_data(self):
        return self.select_related("award_type", "person", "organization", "proposing_organization", "round").defer(
            "achievements"
        )


class Nomination(models.Model):
    """A dossier proposing one nominee (a person, or a unit or household) for one award type."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for revision")
        RESUBMITTED = "resubmitted", _("Resubmitted")
        COMPLETE = "complete", _("Complete")
        IN_COUNCIL = "in_council", _("In council")
        APPROVED = "approved", _("Approved by the council")
        NOT_APPROVED = "not_approved", _("Not approved by the council")
        PROPOSED = "proposed", _("Proposed to the higher level")
        DECIDED = "decided", _("Decided")
        DECLINED = "declined", _("Declined")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    SORT_FIELDS = ("nominee_key", "nominee_text")
    UNDER_REVIEW = (Status.SUBMITTED, Status.RESUBMITTED)
    IN_OR_AFTER_COUNCIL = (
        Status.IN_COUNCIL,
        Status.APPROVED,
        Status.NOT_APPROVED,
        Status.PROPOSED,
        Status.DECIDED,
        Status.DECLINED,
    )

    round = models.ForeignKey(
        NominationRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="nominations"
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("award type"), on_delete=models.PROTECT, related_name="nominations"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("nominee"), null=True, blank=True, on_delete=models.PROTECT, related_name="nominations"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("nominated unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    household = models.CharField(_("household"), max_length=200, blank=True)
    # The list's order on the nominee, without joining the person or the unit (SORT_FIELDS). SQLite
    # sorts nominee_key (congress.search.stored_sort_key) in plain binary order instead of calling
    # its Vietnamese collation, a Python function, per comparison; PostgreSQL sorts nominee_text (the
    # name) in ICU's Vietnamese collation. Kept by save(), bulk_create() and, when a person or unit
    # is renamed, awards/signals.py.
    nominee_key = models.TextField(_("nominee sort key"), default="", editable=False)
    nominee_text = models.TextField(_("nominee's name"), default="", editable=False)
    proposing_organization = models.ForeignKey(
        Organization, verbose_name=_("proposing unit"), on_delete=models.PROTECT, related_name="proposed_nominations"
    )
    year_from = models.PositiveSmallIntegerField(
        _("from year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    year_to = models.PositiveSmallIntegerField(
        _("to year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    achievements = models.TextField(_("summary of achievements"))
    women_share = models.PositiveSmallIntegerField(
        _("share of women (%)"),
        null=True,
        blank=True,
        validators=percent_validators,
        help_text=_("For a collective: where candidates tie, collectives with 70% women or more are preferred."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["round", "award_type__order", "pk"]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes = [
            models.Index(fields=["round", "status"], name="awards_nomination_round_status"),
            # The dossier list: its keys in a round's order, and the proposing units of a round,
            # read from the index alone (SQLite)
            models.Index(fields=["round", "award_type", "nominee_key"], name="awards_nomination_list_keys"),
            models.Index(fields=["round", "proposing_organization"], name="awards_nomination_proposers"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, organization__isnull=True, household="")
                    | Q(person__isnull=True, organization__isnull=False, household="")
                    | (Q(person__isnull=True, organization__isnull=True) & ~Q(household=""))
                ),
                name="awards_nomination_one_nominee",
                violation_error_message=_("A dossier names exactly one nominee: a person, a unit or a household."),
            ),
            models.CheckConstraint(
                condition=Q(year_to__gte=models.F("year_from")),
                name="awards_nomination_period_in_order",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.nominee_name} - {self.award_type.short_name}"

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"person", "person_id", "organization", "organization_id", "household"} & set(
            update_fields
        ):
            self.fill_sort_fields()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *self.SORT_FIELDS}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("awards:nomination_detail", args=[self.round.congress_id, self.pk])

    def fill_sort_fields(self):
        self.nominee_text = self.nominee_name or ""
        self.nominee_key = stored_sort_key(self.nominee_text)

    @property
    def nominee_name(self):
        if self.person_id:
            return self.person.full_name
        if self.organization_id:
            return self.organization.name
        return self.household

    @property
    def period(self):
        return str(self.year_to) if self.year_from == self.year_to else f"{self.year_from}-{self.year_to}"

    @property
    def prefers_women(self):
        """The tie rule: a woman, or a collective with at least 70% women."""
        if self.person_id:
            return self.person.gender == Person.Gender.FEMALE
        return self.women_share is not None and self.women_share >= 70

    @property
    def is_editable_status(self):
        return self.status in self.EDITABLE


class NominationFile(models.Model):
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="files"
    )
    requirement = models.ForeignKey(
        RequiredDocument,
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="files",
    )
    file = models.FileField(_("file"), upload_to="awards/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["nomination", "requirement__order", "uploaded_at", "pk"]
        verbose_name = _("dossier file")
        verbose_name_plural = _("dossier files")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:file_download", args=[self.nomination.round.congress_id, self.pk])


class NominationEvent(models.Model):
    """One step of a dossier's path: who, when, from which status to which, and why."""

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    from_status = models.CharField(_("from"), max_length=20, choices=Nomination.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=Nomination.Status.choices)
    comment = models.TextField(_("comment"), blank=True)
    # Set when the step went ahead although the nominee does not meet the award type's conditions.
    eligibility_override = models.TextField(_("reason for going ahead without the conditions met"), blank=True)

    class Meta:
        ordering = ["nomination", "at", "pk"]
        verbose_name = _("dossier history entry")
        verbose_name_plural = _("dossier history")

    def __str__(self):
        return f"{self.nomination_id}: {self.from_status} → {self.to_status}"


class AwardRecord(models.Model):
    """A title or honour a person or unit already holds: what eligibility is checked against."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.CASCADE, related_name="award_records"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="award_records",
    )
    award_type = models.ForeignKey(
        AwardType, verbose_name=_("title or honour"), on_delete=models.PROTECT, related_name="records"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    decision = models.CharField(_("decision"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "award_type__order", "pk"]
        verbose_name = _("award record")
        verbose_name_plural = _("award history")
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organization__isnull=True)
                | Q(person__isnull=True, organization__isnull=False),
                name="awards_record_one_holder",
                violation_error_message=_("A record belongs to one person or one unit."),
            ),
            models.UniqueConstraint(
                fields=["person", "award_type", "year"],
                condition=Q(person__isnull=False),
                name="awards_record_unique_person_year",
                violation_error_message=_("This person already holds this title for this year."),
            ),
            models.UniqueConstraint(
                fields=["organization", "award_type", "year"],
                condition=Q(organization__isnull=False),
                name="awards_record_unique_unit_year",
                violation_error_message=_("This unit already holds this title for this year."),
            ),
        ]

    def __str__(self):
        holder = self.person or self.organization
        return f"{holder}: {self.award_type.short_name} {self.year}"


class CouncilMember(models.Model):
    """A seat on the emulation council that reviews the congress's dossiers."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Council chair")
        VICE_CHAIR = "vice_chair", _("Vice chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Member and secretary")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="council_members"
    )
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["congress", "order", "pk"]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "person"],
                name="awards_councilmember_unique_person",
                violation_error_message=_("This person already sits on the council."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"


class CouncilSession(models.Model):
    """A meeting of the council that reviews and votes on dossiers of a round."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    round = models.ForeignKey(
        NominationRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(
        _("session number"), default=1, validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    held_at = models.DateTimeField(_("held at"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    nominations = models.ManyToManyField(
        Nomination, verbose_name=_("dossiers"), blank=True, related_name="council_sessions"
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["round", "number", "pk"]
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "number"],
                name="awards_session_unique_number",
                violation_error_message=_("The round already has a session with this number."),
            ),
        ]

    def __str__(self):
        return f"Phiên họp số {self.number} - {self.round}"

    def get_absolute_url(self):
        return reverse("awards:session_detail", args=[self.round.congress_id, self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class Attendance(models.Model):
    session = models.ForeignKey(
        CouncilSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="attendance"
    )
    member = models.ForeignKey(CouncilMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        ordering = ["session", "member__order", "pk"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "member"],
                name="awards_attendance_unique_member",
                violation_error_message=_("This member's attendance is already recorded."),
            ),
        ]

    def __str__(self):
        return f"{self.member}: {'có mặt' if self.present else 'vắng'}"


class Ballot(models.Model):
    """The council's vote on one dossier in one session, as the secretary counted it.

    A secret ballot keeps only the counts of the members present; an open ballot and every
    written opinion of an absent member are kept per member (Vote).
    """

    session = models.ForeignKey(
        CouncilSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="ballots"
    )
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="ballots"
    )
    votes_for = models.PositiveSmallIntegerField(_("for"), default=0, validators=ballot_validators)
    votes_against = models.PositiveSmallIntegerField(_("against"), default=0, validators=ballot_validators)
    abstentions = models.PositiveSmallIntegerField(_("abstain"), default=0, validators=ballot_validators)
    written_for = models.PositiveSmallIntegerField(_("written opinions for"), default=0, validators=ballot_validators)
    written_against = models.PositiveSmallIntegerField(
        _("written opinions against"), default=0, validators=ballot_validators
    )
    members_total = models.PositiveSmallIntegerField(_("council members"), validators=ballot_validators)
    members_present = models.PositiveSmallIntegerField(_("members present"), validators=ballot_validators)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entered by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered at"), auto_now=True)

    class Meta:
        ordering = ["session", "nomination__award_type__order", "pk"]
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"],
                name="awards_ballot_unique_dossier",
                violation_error_message=_("This dossier already has a ballot in this session."),
            ),
            models.CheckConstraint(
                condition=Q(
                    members_present__gte=models.F("votes_for") + models.F("votes_against") + models.F("abstentions")
                ),
                name="awards_ballot_not_more_votes_than_present",
                violation_error_message=_("There are more votes than members present."),
            ),
        ]

    def __str__(self):
        return f"{self.nomination}: {self.approvals}/{self.members_total}"

    @property
    def approvals(self):
        return self.votes_for + self.written_for

    @property
    def votes_needed(self):
        return self.nomination.award_type.votes_needed(self.members_total)

    @property
    def approval_share(self):
        return 100 * self.approvals / self.members_total if self.members_total else 0

    @property
    def quorum_met(self):
        return self.members_present >= self.nomination.award_type.quorum_needed(self.members_total)

    @property
    def approved(self):
        return self.quorum_met and self.approvals >= self.votes_needed


class Vote(models.Model):
    """A named vote: a member's open vote, or an absent member's written opinion."""

    class Choice(models.TextChoices):
        FOR = "for", _("In favour")
        AGAINST = "against", _("Against")
        ABSTAIN = "abstain", _("Abstain")

    ballot = models.ForeignKey(Ballot, verbose_name=_("ballot"), on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(CouncilMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="votes")
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    written = models.BooleanField(_("written opinion of an absent member"), default=False)

    class Meta:
        ordering = ["ballot", "member__order", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["ballot", "member"],
                name="awards_vote_unique_member",
                violation_error_message=_("This member has already voted on this dossier."),
            ),
        ]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"
