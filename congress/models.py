import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.vietnamese import month_year, short_date, to_roman

from . import search

period_validator = RegexValidator(
    r"^\d{4}(\s*[-–]\s*\d{4})?$",
    _("Enter a period as one year or two years, for example 2019 or 2016-2020."),
)


def ancestors_of(obj, parent_attr="parent"):
    """Walk up the parent chain; stops on a cycle already stored."""
    seen = set()
    node = getattr(obj, parent_attr)
    while node is not None and node.pk not in seen:
        seen.add(node.pk)
        yield node
        node = getattr(node, parent_attr)


def would_cycle(obj, new_parent, parent_attr="parent"):
    if new_parent is None:
        return False
    if obj.pk is not None and new_parent.pk == obj.pk:
        return True
    return obj.pk is not None and any(a.pk == obj.pk for a in ancestors_of(new_parent, parent_attr))


class OrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def search(self, text):
        if not text:
            return self
        return self.filter(search.matching(["name", "short_name", "abbreviation"], text))


class Organization(models.Model):
    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "peoples_committee", _("People's committee")
        DEPARTMENT = "department", _("Department or agency")
        DISTRICT = "district", _("District or town")
        COMMUNE = "commune", _("Commune, ward or township")
        MASS_ORGANIZATION = "mass_organization", _("Mass organisation")
        UNION = "union", _("Trade union")
        MEDIA = "media", _("Press and media")
        ENTERPRISE = "enterprise", _("Enterprise")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=30,
        blank=True,
        help_text=_("Used in document numbers, for example UBND in 54/KH-UBND."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    head = models.ForeignKey(
        "Person",
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = [search.vietnamese("name")]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="congress_organization_not_own_parent",
                violation_error_message=_("An organisation cannot be its own parent."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("congress:organization_detail", args=[self.pk])

    def clean(self):
        if would_cycle(self, self.parent):
            raise ValidationError(
                {"parent": _("An organisation cannot be placed under itself or one of its own units.")}
            )

    @property
    def display_name(self):
        return self.short_name or self.name

    def head_on(self, day):
        """Who headed the organisation on that day: the head term covering it (the latest begun),
        else the head recorded on the organisation."""
        term = (
            self.head_terms.filter(started_on__lte=day)
            .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=day))
            .select_related("person")
            .order_by("-started_on", "-pk")
            .first()
        )
        return term.person if term else self.head


class HeadTerm(models.Model):
    """A person's term at the head of an organisation: a document takes the head of its date."""

    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="head_terms"
    )
    person = models.ForeignKey("Person", verbose_name=_("head"), on_delete=models.PROTECT, related_name="head_terms")
    started_on = models.DateField(_("from"))
    ended_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while the term goes on."))

    class Meta:
        ordering = ["organization", "-started_on", "-pk"]
        verbose_name = _("head term")
        verbose_name_plural = _("head terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="congress_headterm_ends_after_start",
                violation_error_message=_("A term cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return (
            f"{self.person} ({self.started_on:%d/%m/%Y} - {self.ended_on:%d/%m/%Y})"
            if self.ended_on
            else str(self.person)
        )


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def search(self, text, *, by_contact=True):
        if not text:
            return self
        fields = ["full_name", "position", "organization__name", *(["email"] if by_contact else [])]
        return self.filter(search.matching(fields, text))


class Person(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    ethnicity = models.CharField(_("ethnicity"), max_length=60, blank=True)
    position = models.CharField(_("position"), max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    is_active = models.BooleanField(_("active"), default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = [search.vietnamese("full_name")]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("congress:person_detail", args=[self.pk])

    @property
    def title_line(self):
        """The person as a document names them: "Lưu Xuân Vĩnh, Chủ tịch UBND tỉnh"."""
        return ", ".join(part for part in (self.full_name, self.position) if part)


class CongressQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(roles__user=user).distinct()

    def with_list_data(self):
        return (
            self.select_related("host")
            .annotate(session_count=models.Count("sessions", distinct=True))
            .order_by("-year", "name", "pk")
        )


class Congress(models.Model):
    class Kind(models.TextChoices):
        CONGRESS = "congress", _("Patriotic emulation congress")
        ADVANCED_MODELS = "advanced_models", _("Advanced-models conference")
        ANNUAL_REVIEW = "annual_review", _("Annual review conference")
        CLUSTER_REVIEW = "cluster_review", _("Cluster review conference")

    class Level(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("Ministry or province")
        DISTRICT = "district", _("District or town")
        COMMUNE = "commune", _("Commune")
        GRASSROOTS = "grassroots", _("Grassroots unit")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        PLANNING = "planning", _("Planning")
        PREPARING = "preparing", _("Preparing")
        HELD = "held", _("Held")
        CLOSED = "closed", _("Closed")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONGRESS)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.PROVINCE)
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
        help_text=_("Printed in Roman numerals: 7 gives “lần thứ VII”."),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1945), MaxValueValidator(2100)])
    area_name = models.CharField(
        _("area or unit in the name"),
        max_length=150,
        blank=True,
        help_text=_("As it stands in the name, for example “tỉnh Ninh Thuận”."),
    )
    name = models.CharField(
        _("official name"),
        max_length=300,
        blank=True,
        help_text=_("Left empty, it is composed from the kind, area, edition and year."),
    )
    theme = models.TextField(_("theme"), blank=True)
    host = models.ForeignKey(
        Organization,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="hosted_congresses",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("leads to (higher congress)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    review_period = models.CharField(_("review period"), max_length=20, blank=True, validators=[period_validator])
    next_period = models.CharField(_("next period"), max_length=20, blank=True, validators=[period_validator])
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNING)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = CongressQuerySet.as_manager()

    class Meta:
        ordering = ["-year", search.vietnamese("name")]
        verbose_name = _("congress")
        verbose_name_plural = _("congresses")
        constraints = [
            models.CheckConstraint(
                condition=Q(edition__isnull=True) | Q(edition__gte=1),
                name="congress_congress_edition_positive",
                violation_error_message=_("The edition must be 1 or more."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="congress_congress_not_own_parent",
                violation_error_message=_("A congress cannot lead to itself."),
            ),
        ]

    def __str__(self):
        return self.name or self.composed_name()

    def save(self, *args, **kwargs):
        if not self.name:
            self.name = self.composed_name()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("congress:detail", args=[self.pk])

    def last_session(self):
        """The session the preparation leads up to: the last one by order."""
        return self.sessions.order_by("-order", "-pk").first()

    def clean(self):
        if would_cycle(self, self.parent):
            raise ValidationError({"parent": _("A congress cannot lead to itself or to a congress that leads to it.")})

    KIND_TITLES = {
        Kind.CONGRESS: "Đại hội Thi đua yêu nước",
        Kind.ADVANCED_MODELS: "Hội nghị điển hình tiên tiến",
        Kind.ANNUAL_REVIEW: "Hội nghị tổng kết công tác thi đua, khen thưởng",
        Kind.CLUSTER_REVIEW: "Hội nghị tổng kết giao ước thi đua",
    }

    @property
    def edition_roman(self):
        return to_roman(self.edition) if self.edition else ""

    def composed_name(self):
        """The official name the documents use, always in Vietnamese.

        "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020".
        """
        parts = [self.KIND_TITLES.get(self.kind, "")]
        if self.area_name:
            parts.append(self.area_name)
        if self.edition:
            parts.append(f"lần thứ {self.edition_roman}")
        name = " ".join(p for p in parts if p)
        return f"{name} - năm {self.year}" if self.year else name


class CongressSession(models.Model):
    class Kind(models.TextChoices):
        PREPARATORY = "preparatory", _("Preparatory session")
        OFFICIAL = "official", _("Official session")
        PLENARY_ONLINE = "plenary_online", _("Plenary with connection points")

    class Timing(models.TextChoices):
        EXACT = "exact", _("Date and time fixed")
        MONTH = "month", _("Planned month")
        QUARTER = "quarter", _("Planned quarter")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="sessions"
    )
    name = models.CharField(_("name"), max_length=150, help_text=_("For example “Phiên chính thức”."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OFFICIAL)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    timing = models.CharField(_("timing"), max_length=10, choices=Timing.choices, default=Timing.EXACT)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    planned_year = models.PositiveSmallIntegerField(
        _("planned year"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    planned_month = models.PositiveSmallIntegerField(
        _("planned month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    planned_quarter = models.PositiveSmallIntegerField(
        _("planned quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    place = models.CharField(_("place"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["order", "starts_at", "pk"]
        verbose_name = _("congress session")
        verbose_name_plural = _("congress sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="congress_session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.when_text})"

    def clean(self):
        errors = {}
        if self.timing == self.Timing.EXACT and not self.starts_at:
            errors["starts_at"] = _("Enter the date and time, or choose a planned month or quarter.")
        if self.timing == self.Timing.MONTH and not (self.planned_month and self.planned_year):
            errors["planned_month"] = _("Enter the planned month and year.")
        if self.timing == self.Timing.QUARTER and not (self.planned_quarter and self.planned_year):
            errors["planned_quarter"] = _("Enter the planned quarter and year.")
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("A session cannot end before it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def when_text(self):
        """How the documents write the timing: "07:30 ngày 20/8/2020", "tháng 7/2020", "Quý III năm 2020"."""
        if self.timing == self.Timing.MONTH and self.planned_month:
            return f"tháng {month_year(self.planned_month, self.planned_year)}"
        if self.timing == self.Timing.QUARTER and self.planned_quarter:
            return f"Quý {to_roman(self.planned_quarter)} năm {self.planned_year}"
        if not self.starts_at:
            return ""
        start = timezone.localtime(self.starts_at)
        end = timezone.localtime(self.ends_at) if self.ends_at else None
        if end is None:
            return f"{start:%H:%M} ngày {short_date(start)}"
        if end.date() == start.date():
            return f"{start:%H:%M} - {end:%H:%M} ngày {short_date(start)}"
        return f"{start:%H:%M} ngày {short_date(start)} - {end:%H:%M} ngày {short_date(end)}"

    @property
    def planned_date(self):
        """The earliest day the session may fall on, for deadlines counted from it."""
        if self.timing == self.Timing.EXACT and self.starts_at:
            return timezone.localdate(self.starts_at)
        if self.timing == self.Timing.MONTH and self.planned_month and self.planned_year:
            return datetime.date(self.planned_year, self.planned_month, 1)
        if self.timing == self.Timing.QUARTER and self.planned_quarter and self.planned_year:
            return datetime.date(self.planned_year, 3 * self.planned_quarter - 2, 1)
        return None

    @property
    def latest_date(self):
        """The last day the session may fall on: a session dated by a month or a quarter is not
        taken as its first day (a deadline inside the quarter is not "after the session")."""
        start = self.planned_date
        if start is None:
            return None
        if self.timing == self.Timing.MONTH:
            return start.replace(day=calendar.monthrange(start.year, start.month)[1])
        if self.timing == self.Timing.QUARTER:
            last_month = start.month + 2
            return start.replace(month=last_month, day=calendar.monthrange(start.year, last_month)[1])
        return timezone.localdate(self.ends_at) if self.ends_at else start

    @property
    def is_online(self):
        return self.kind == self.Kind.PLENARY_ONLINE or self.congress.format != Congress.Format.IN_PERSON


class ConnectionPoint(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District or town")
        COMMUNE = "commune", _("Commune")
        OTHER = "other", _("Other")

    session = models.ForeignKey(
        CongressSession, verbose_name=_("session"), on_delete=models.CASCADE, related_name="connection_points"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.PROVINCE)
    name = models.CharField(_("connection point"), max_length=255)
    place = models.CharField(_("room"), max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    person_in_charge = models.ForeignKey(
        Person, verbose_name=_("person in charge"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    technical_contact = models.CharField(
        _("technical contact"), max_length=255, blank=True, help_text=_("Name and phone number.")
    )
    test_at = models.DateTimeField(_("test connection at"), null=True, blank=True)
    attendance = models.PositiveIntegerField(
        _("attendance"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("connection point")
        verbose_name_plural = _("connection points")

    def __str__(self):
        return self.name


class OrganizingBoard(models.Model):
    congress = models.OneToOneField(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="board"
    )
    name = models.CharField(_("name"), max_length=300, blank=True)
    founding_decision = models.CharField(
        _("founding decision"), max_length=150, blank=True, help_text=_("For example “Quyết định số 1234/QĐ-UBND”.")
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)

    class Meta:
        verbose_name = _("organising board")
        verbose_name_plural = _("organising boards")

    def __str__(self):
        return self.name or f"Ban Tổ chức {self.congress}"


class BoardMember(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head")
        STANDING_DEPUTY = "standing_deputy", _("Standing deputy head")
        DEPUTY = "deputy", _("Deputy head")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    board = models.ForeignKey(
        OrganizingBoard, verbose_name=_("board"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="board_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    position_text = models.CharField(
        _("position as printed"),
        max_length=255,
        blank=True,
        help_text=_("Left empty, the person's position in the directory is printed."),
    )
    duties = models.TextField(_("duties"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("board member")
        verbose_name_plural = _("board members")
        constraints = [
            models.UniqueConstraint(
                fields=["board", "person"],
                name="congress_boardmember_unique_person",
                violation_error_message=_("This person is already a member of the board."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def position(self):
        return self.position_text or self.person.position

    def get_edit_url(self):
        return reverse("congress:board_member_edit", args=[self.board.congress_id, self.pk])

    def get_delete_url(self):
        return reverse("congress:board_member_delete", args=[self.board.congress_id, self.pk])


class Subcommittee(models.Model):
    class Kind(models.TextChoices):
        CONTENT = "content", _("Content")
        PROPAGANDA = "propaganda", _("Propaganda")
        LOGISTICS = "logistics", _("Service and logistics")
        RECEPTION = "reception", _("Reception")
        SECURITY = "security", _("Security")
        OTHER = "other", _("Other")

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="subcommittees"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    name = models.CharField(_("name"), max_length=150, help_text=_("For example “Tiểu ban Nội dung”."))
    duties = models.TextField(_("duties"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("sub-committee")
        verbose_name_plural = _("sub-committees")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "name"],
                name="congress_subcommittee_unique_name",
                violation_error_message=_("The congress already has a sub-committee with this name."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("congress:subcommittee_detail", args=[self.congress_id, self.pk])


class SubcommitteeMember(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head")
        DEPUTY = "deputy", _("Deputy head")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    subcommittee = models.ForeignKey(
        Subcommittee, verbose_name=_("sub-committee"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="subcommittee_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    duties = models.TextField(_("duties"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("sub-committee member")
        verbose_name_plural = _("sub-committee members")
        constraints = [
            models.UniqueConstraint(
                fields=["subcommittee", "person"],
                name="congress_subcommitteemember_unique_person",
                violation_error_message=_("This person is already a member of the sub-committee."),
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def position(self):
        return self.person.position

    def get_edit_url(self):
        return reverse(
            "congress:subcommittee_member_edit", args=[self.subcommittee.congress_id, self.subcommittee_id, self.pk]
        )

    def get_delete_url(self):
        return reverse(
            "congress:subcommittee_member_delete", args=[self.subcommittee.congress_id, self.subcommittee_id, self.pk]
        )


class CongressRole(models.Model):
    """What one user may see and change in one congress."""

    class Role(models.TextChoices):
        SECRETARIAT = "secretariat", _("Secretariat staff")
        BOARD_MEMBER = "board_member", _("Board member")
        SUBCOMMITTEE_HEAD = "subcommittee_head", _("Sub-committee head")
        FOCAL_POINT = "focal_point", _("Focal point of an organisation")
        COUNCIL_MEMBER = "council_member", _("Emulation council member")
        VIEWER = "viewer", _("Viewer")

    congress = models.ForeignKey(Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="roles")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="congress_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("For a focal point: the organisation whose work they answer for."),
    )
    subcommittee = models.ForeignKey(
        Subcommittee,
        verbose_name=_("sub-committee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("For a sub-committee head: the sub-committee they lead."),
    )

    class Meta:
        ordering = ["congress", "role", "pk"]
        verbose_name = _("congress role")
        verbose_name_plural = _("congress roles")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "user", "role", "organization", "subcommittee"],
                name="congress_role_unique",
                violation_error_message=_("This user already has this role in the congress."),
            ),
            models.UniqueConstraint(
                fields=["congress", "user", "role"],
                condition=Q(organization__isnull=True, subcommittee__isnull=True),
                name="congress_role_unique_plain",
                violation_error_message=_("This user already has this role in the congress."),
            ),
            models.CheckConstraint(
                condition=~Q(role="focal_point") | Q(organization__isnull=False),
                name="congress_role_focal_point_has_organization",
                violation_error_message=_("A focal point needs an organisation."),
            ),
            models.CheckConstraint(
                condition=~Q(role="subcommittee_head") | Q(subcommittee__isnull=False),
                name="congress_role_head_has_subcommittee",
                violation_error_message=_("A sub-committee head needs a sub-committee."),
            ),
        ]

    def __str__(self):
        return f"{self.user} - {self.get_role_display()}"
