"""Delegates of a congress: seats and quotas, composition targets, registration by units,
the session programme and participants, presidium/secretariat/credentials lists, check-in."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, CongressSession, Organization, Person

MAX_SEATS = 100_000


class Allocation(models.Model):
    """The delegate cap of a congress: the total, split into guests and official delegates."""

    congress = models.OneToOneField(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="delegate_allocation"
    )
    total = models.PositiveIntegerField(_("total seats"), default=0, validators=[MaxValueValidator(MAX_SEATS)])
    guests = models.PositiveIntegerField(_("guest seats"), default=0, validators=[MaxValueValidator(MAX_SEATS)])
    official = models.PositiveIntegerField(
        _("official delegate seats"), default=0, validators=[MaxValueValidator(MAX_SEATS)]
    )
    young_age_limit = models.PositiveSmallIntegerField(
        _("young delegate age limit"),
        default=35,
        validators=[MinValueValidator(16), MaxValueValidator(60)],
        help_text=_("A delegate counts as young up to and including this age in the congress year."),
    )
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)

    class Meta:
        verbose_name = _("delegate allocation")
        verbose_name_plural = _("delegate allocations")
        constraints = [
            models.CheckConstraint(
                condition=Q(total=models.F("guests") + models.F("official")),
                name="delegates_allocation_split_adds_up",
                violation_error_message=_("Guests and official delegates must add up to the total."),
            ),
        ]

    def __str__(self):
        return f"{self.congress}: {self.total}"

    def clean(self):
        if self.guests + self.official != self.total:
            raise ValidationError(
                {
                    "official": _("Guests and official delegates must add up to the total (%(total)s).")
                    % {"total": self.total}
                }
            )


class UnitQuota(models.Model):
    """The official seats allocated to one unit, and the state of the list the unit registers."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being registered")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="delegate_quotas"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="delegate_quotas"
    )
    seats = models.PositiveIntegerField(_("seats"), default=1, validators=[MaxValueValidator(MAX_SEATS)])
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("unit quota")
        verbose_name_plural = _("unit quotas")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "organization"],
                name="delegates_quota_unique_unit",
                violation_error_message=_("This unit already has a quota in the congress."),
            ),
        ]

    def __str__(self):
        return f"{self.organization}: {self.seats}"

    def get_absolute_url(self):
        return reverse("delegates:unit", args=[self.congress_id, self.pk])

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class UnitEvent(models.Model):
    """The history of a unit's list: submitted, returned, accepted, reopened."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")
        REOPENED = "reopened", _("Reopened")

    quota = models.ForeignKey(UnitQuota, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("unit list event")
        verbose_name_plural = _("unit list events")

    def __str__(self):
        return f"{self.quota}: {self.get_action_display()}"


class Sector(models.TextChoices):
    WORKER = "worker", _("Workers")
    FARMER = "farmer", _("Farmers")
    INTELLECTUAL = "intellectual", _("Intellectuals")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneurs")
    ARMED_FORCES = "armed_forces", _("Armed forces")
    PUBLIC_SERVANT = "public_servant", _("Civil servants and public employees")
    UNION_OFFICER = "union_officer", _("Trade union officers")
    OTHER = "other", _("Other")


class CompositionTarget(models.Model):
    """One composition rule of a congress: a minimum share or count of delegates with a trait."""

    class Criterion(models.TextChoices):
        WOMEN = "women", _("Women")
        YOUNG = "young", _("Young delegates")
        ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minorities")
        RELIGIOUS = "religious", _("Religious dignitaries")
        NON_LEADER = "non_leader", _("Not holding a leadership post")
        HERO = "hero", _("Heroes")
        EMULATION_FIGHTER = "emulation_fighter", _("Previous emulation fighters")
        SECTOR = "sector", _("Sector or level")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="composition_targets"
    )
    criterion = models.CharField(_("criterion"), max_length=30, choices=Criterion.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, blank=True)
    min_percent = models.PositiveSmallIntegerField(
        _("minimum share (%)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    min_count = models.PositiveIntegerField(
        _("minimum count"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_SEATS)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("composition target")
        verbose_name_plural = _("composition targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_percent__isnull=True, min_count__isnull=False)
                | Q(min_percent__isnull=False, min_count__isnull=True),
                name="delegates_target_share_or_count",
                violation_error_message=_("Give either a minimum share or a minimum count."),
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        errors = {}
        if (self.min_percent is None) == (self.min_count is None):
            errors["min_percent"] = _("Give either a minimum share or a minimum count.")
        if self.criterion == self.Criterion.SECTOR and not self.sector:
            errors["sector"] = _("Choose the sector this target counts.")
        if self.criterion != self.Criterion.SECTOR:
            self.sector = ""
        if errors:
            raise ValidationError(errors)

    @property
    def label(self):
        if self.criterion == self.Criterion.SECTOR and self.sector:
            return str(Sector(self.sector).label)
        return str(self.get_criterion_display())

    @property
    def goal_text(self):
        return f"≥ {self.min_percent}%" if self.min_percent is not None else f"≥ {self.min_count}"


class Delegate(models.Model):
    class Kind(models.TextChoices):
        GUEST = "guest", _("Guest")
        OFFICIAL = "official", _("Official delegate")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="delegates"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OFFICIAL)
    quota = models.ForeignKey(
        UnitQuota,
        verbose_name=_("registering unit"),
        null=True,
        blank=True,
        # A unit's quota with delegates is not removed on its own; with the whole congress it is.
        on_delete=models.RESTRICT,
        related_name="delegates",
    )
    delegation = models.CharField(
        _("delegation"), max_length=150, blank=True, help_text=_("Seating group; left empty, the unit's name.")
    )
    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Person.Gender.choices)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    ethnicity = models.CharField(_("ethnicity"), max_length=60, default="Kinh")
    religion = models.CharField(_("religion"), max_length=60, blank=True)
    is_religious_dignitary = models.BooleanField(_("religious dignitary"), default=False)
    position = models.CharField(_("position"), max_length=255, blank=True)
    workplace = models.CharField(_("workplace"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, default=Sector.OTHER)
    is_leader = models.BooleanField(_("holds a leadership post"), default=False)
    is_hero = models.BooleanField(_("hero"), default=False)
    is_emulation_fighter = models.BooleanField(_("previous emulation fighter"), default=False)
    achievements = models.TextField(_("achievements"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="delegates/photos/%Y/", blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    person = models.ForeignKey(
        Person, verbose_name=_("person in the directory"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["kind", "full_name", "pk"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        # The list's order: a page of 50 is read from the index, not sorted from every delegate.
        indexes = [models.Index(fields=["congress", "kind", "full_name", "id"], name="delegates_list_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="guest") | Q(quota__isnull=False),
                name="delegates_official_has_unit",
                violation_error_message=_("An official delegate belongs to a unit."),
            ),
        ]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("delegates:delegate_edit", args=[self.congress_id, self.pk])

    @property
    def delegation_name(self):
        if self.delegation:
            return self.delegation
        if self.quota_id:
            return self.quota.organization.display_name
        return str(self.Kind.GUEST.label)

    @property
    def is_ethnic_minority(self):
        return bool(self.ethnicity) and self.ethnicity.strip().casefold() != "kinh"


class DelegateChange(models.Model):
    """Who changed which delegate, when, and what."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="delegate_changes")
    delegate = models.ForeignKey(Delegate, null=True, on_delete=models.SET_NULL, related_name="changes")
    delegate_name = models.CharField(_("delegate"), max_length=150)
    summary = models.TextField(_("what changed"))
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("delegate change")
        verbose_name_plural = _("delegate changes")

    def __str__(self):
        return f"{self.delegate_name}: {self.summary}"


# Sessions: participants, programme, presidium and check-in ----------------------------------------


class SessionParticipant(models.Model):
    """Who takes part in a session: a role ("Thường trực Tỉnh ủy"), a unit, or a person."""

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="participant_lines"
    )
    description = models.CharField(_("participants"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("session participant")
        verbose_name_plural = _("session participants")
        constraints = [
            models.CheckConstraint(
                condition=~Q(description="") | Q(organization__isnull=False) | Q(person__isnull=False),
                name="delegates_participant_named",
                violation_error_message=_("Name a role, a unit or a person."),
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        if not (self.description or self.organization_id or self.person_id):
            raise ValidationError(_("Name a role, a unit or a person."))

    @property
    def text(self):
        if self.person_id:
            return self.person.title_line
        if self.description:
            return self.description
        return self.organization.name if self.organization_id else ""


class AgendaItem(models.Model):
    """One timed line of a session's programme."""

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    starts_at = models.TimeField(_("start time"), null=True, blank=True)
    title = models.CharField(_("item"), max_length=500)
    presenter = models.CharField(_("presented or chaired by"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("presenting unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a presentation (tham luận): the unit that prepares it."),
    )
    honours = models.BooleanField(
        _("honours"),
        default=False,
        help_text=_("The item where awards are presented: it lists the congress's approved award dossiers."),
    )

    class Meta:
        ordering = ["order", "starts_at", "pk"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self):
        return self.title

    @property
    def presenter_text(self):
        if self.presenter:
            return self.presenter
        return self.organization.name if self.organization_id else ""


class PanelMember(models.Model):
    """A name on the presidium, the secretariat or the credentials committee of a session."""

    class Panel(models.TextChoices):
        PRESIDIUM = "presidium", _("Presidium")
        SECRETARIAT = "secretariat", _("Secretariat")
        CREDENTIALS = "credentials", _("Credentials committee")

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="panel_members"
    )
    panel = models.CharField(_("list"), max_length=20, choices=Panel.choices)
    delegate = models.ForeignKey(
        Delegate, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="panel_seats"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["panel", "order", "pk"]
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "panel", "delegate"],
                name="delegates_panel_unique_delegate",
                violation_error_message=_("This delegate is already on the list."),
            ),
        ]

    def __str__(self):
        return f"{self.get_panel_display()}: {self.delegate}"


class CheckIn(models.Model):
    class Method(models.TextChoices):
        QR = "qr", _("QR code")
        NAME = "name", _("Name search")

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="check_ins"
    )
    delegate = models.ForeignKey(
        Delegate, verbose_name=_("delegate"), on_delete=models.CASCADE, related_name="check_ins"
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, default=Method.NAME)
    at = models.DateTimeField(_("checked in at"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "delegate"],
                name="delegates_checkin_once_per_session",
                violation_error_message=_("This delegate is already checked in to this session."),
            ),
        ]

    def __str__(self):
        return f"{self.delegate} @ {self.session_id}"


class InvitationMail(models.Model):
    """An invitation of a session sent through the outbox, to a guest or to a unit."""

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="invitation_mails"
    )
    mail = models.OneToOneField(
        "reminders.OutboxMail", verbose_name=_("mail"), on_delete=models.CASCADE, related_name="invitation"
    )
    addressee = models.CharField(_("addressee"), max_length=300)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("invitation mail")
        verbose_name_plural = _("invitation mails")

    def __str__(self):
        return self.addressee


class Presentation(models.Model):
    """A presentation (tham luận) on a programme item: the unit that prepares it, who reads it, the
    deadline for its draft, the draft file, and where it stands. Removed from its item, it is kept
    (with its draft) under its session, with the item it was on and who removed it when."""

    class Status(models.TextChoices):
        AWAITED = "awaited", _("Draft awaited")
        RECEIVED = "received", _("Draft received")
        APPROVED = "approved", _("Approved")

    item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("programme item"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="presentation",
    )
    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="presentations"
    )
    organization = models.ForeignKey(
        Organization, verbose_name=_("presenting unit"), on_delete=models.PROTECT, related_name="+"
    )
    speaker = models.CharField(_("presented by"), max_length=300, blank=True)
    draft_deadline = models.DateField(_("draft deadline"), null=True, blank=True)
    draft = models.FileField(_("draft"), upload_to="delegates/presentations/%Y/", blank=True)
    draft_name = models.CharField(_("file name"), max_length=255, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.AWAITED)
    received_at = models.DateTimeField(_("received at"), null=True, blank=True)
    removed_from = models.CharField(_("removed from the item"), max_length=300, blank=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("removed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")

    def __str__(self):
        return self.item.title if self.item_id else self.removed_from

    def save(self, *args, **kwargs):
        if self.session_id is None and self.item_id:
            self.session_id = self.item.session_id
        super().save(*args, **kwargs)
