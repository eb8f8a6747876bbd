import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, CongressRole, CongressSession, Organization, Person, Subcommittee

from . import deadlines

DEADLINE_PARTS = ("day", "month", "quarter", "year", "offset_days")


class Meeting(models.Model):
    """A session of the organising board or of a sub-committee ("phiên thứ nhất")."""

    congress = models.ForeignKey(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="meetings"
    )
    subcommittee = models.ForeignKey(
        Subcommittee,
        verbose_name=_("sub-committee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
        help_text=_("Empty for a meeting of the organising board."),
    )
    number = models.PositiveSmallIntegerField(_("session number"))
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.ForeignKey(
        Person, verbose_name=_("chair"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    participants = models.ManyToManyField(Person, verbose_name=_("participants"), blank=True, related_name="meetings")
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["congress", "subcommittee", "number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "subcommittee", "number"],
                name="planning_meeting_unique_number",
                violation_error_message=_("This body already has a meeting with this number."),
            ),
        ]

    def __str__(self):
        return self.title


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda")
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["meeting", "parent_id", "order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.text[:80]


class Conclusion(models.Model):
    """A conclusion of a meeting; one step turns it into a task of the schedule."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="conclusions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    text = models.TextField(_("conclusion"))
    task = models.OneToOneField(
        "Task", verbose_name=_("task"), null=True, blank=True, on_delete=models.SET_NULL, related_name="conclusion"
    )

    class Meta:
        ordering = ["meeting", "order", "pk"]
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self):
        return self.text[:80]


class TaskQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def open(self):
        return self.exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])

    def overdue(self, *, on):
        return self.open().filter(due_date__lt=on)


class Task(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    class DeadlineKind(models.TextChoices):
        ON_DAY = "on_day", _("On a day")
        BEFORE_DAY = "before_day", _("Before a day")
        BY_DAY = "by_day", _("At the latest on a day")
        IN_MONTH = "in_month", _("Within a month")
        IN_QUARTER = "in_quarter", _("Within a quarter")
        ONGOING = "ongoing", _("Ongoing")
        RELATIVE = "relative", _("Relative to a congress session")
        IN_YEAR = "in_year", _("Within a year")
        HALF_YEAR = "half_year", _("Within a half-year")
        MONTH_END = "month_end", _("At the end of a month")
        FIRST_WEEK = "first_week", _("In the first week of a month")
        QUARTER_START = "quarter_start", _("At the start of a quarter")

    congress = models.ForeignKey(Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("sub-item of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subitems",
    )
    number = models.PositiveIntegerField(_("number (STT)"), default=1)
    content = models.TextField(
        _("content"), blank=True, help_text=_("Plain text; lines starting “- ” and “+ ” are list levels.")
    )
    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), null=True, blank=True, on_delete=models.SET_NULL, related_name="task"
    )
    deadline_phrase = models.CharField(_("deadline"), max_length=120, blank=True)
    deadline_kind = models.CharField(_("deadline kind"), max_length=20, choices=DeadlineKind.choices, blank=True)
    deadline_day = models.DateField(_("deadline day"), null=True, blank=True)
    deadline_month = models.PositiveSmallIntegerField(_("deadline month"), null=True, blank=True)
    deadline_quarter = models.PositiveSmallIntegerField(_("deadline quarter"), null=True, blank=True)
    deadline_year = models.PositiveSmallIntegerField(_("deadline year"), null=True, blank=True)
    deadline_offset_days = models.SmallIntegerField(_("days from the session"), null=True, blank=True)
    deadline_session = models.ForeignKey(
        CongressSession,
        verbose_name=_("session the deadline counts from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="relative_tasks",
    )
    # Derived from the deadline fields on save, stored so lists sort and filter in the database.
    due_date = models.DateField(_("last acceptable date"), null=True, blank=True, db_index=True)
    group_month = models.DateField(_("month group"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    assignees = models.ManyToManyField(Person, verbose_name=_("assignees"), blank=True, related_name="tasks")
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["congress", "parent_id", "number", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["congress", "group_month", "number"], name="planning_task_schedule")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | Q(completed_on__isnull=False),
                name="planning_task_done_has_date",
                violation_error_message=_("A finished task needs its completion date."),
            ),
        ]

    def __str__(self):
        first_line = self.content.splitlines()[0] if self.content else ""
        return f"{self.number}. {first_line[:80]}"

    def save(self, *args, **kwargs):
        self.refresh_dates()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("planning:task_detail", args=[self.congress_id, self.pk])

    def first_line(self):
        """The content's first line without its list marker; a task without text borrows its parent's."""
        for line in self.content.splitlines():
            if line.strip():
                return line.lstrip("-+ ").strip()
        return self.parent.first_line() if self.parent_id else ""

    def set_deadline(self, phrase):
        """Read a deadline phrase into the deadline fields; raises DeadlineError when unreadable."""
        parsed = deadlines.parse_deadline(phrase) if phrase.strip() else None
        self.deadline_phrase = parsed.phrase if parsed else ""
        self.deadline_kind = parsed.kind if parsed else ""
        for field in DEADLINE_PARTS:
            setattr(self, f"deadline_{field}", getattr(parsed, field) if parsed else None)

    def deadline(self):
        if not self.deadline_kind:
            return None
        parts = {field: getattr(self, f"deadline_{field}") for field in DEADLINE_PARTS}
        return deadlines.Deadline(kind=self.deadline_kind, phrase=self.deadline_phrase, **parts)

    def anchor_session(self):
        """The session a relative deadline counts from: the chosen one, else the congress's last."""
        if self.deadline_session_id:
            return self.deadline_session
        return self.congress.last_session()

    def refresh_dates(self):
        """Derive the last acceptable date and the month group; a parent without its own deadline
        takes its latest sub-item's."""
        deadline = self.deadline()
        if deadline is None:
            latest = self.subitems.exclude(due_date=None).order_by("-due_date").first() if self.pk else None
            self.due_date = latest.due_date if latest else None
        else:
            session = self.anchor_session() if deadline.kind == deadlines.Kind.RELATIVE else None
            self.due_date = deadline.last_date(session.planned_date if session else None)
        self.group_month = self.due_date.replace(day=1) if self.due_date else None

    def is_overdue(self, *, on):
        return (
            self.status not in (self.Status.DONE, self.Status.CANCELLED) and bool(self.due_date) and self.due_date < on
        )


class TaskParty(models.Model):
    """A lead or coordinating party: an organisation, a sub-committee, or a phrase as written."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        COORDINATING = "coordinating", _("Coordinating")

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT
    )
    subcommittee = models.ForeignKey(
        Subcommittee, verbose_name=_("sub-committee"), null=True, blank=True, on_delete=models.CASCADE
    )
    phrase = models.CharField(
        _("as written"),
        max_length=255,
        blank=True,
        help_text=_("A collective phrase such as “Các cơ quan, đơn vị, địa phương”, or the name as printed."),
    )

    class Meta:
        ordering = ["task", "-role", "order", "pk"]  # lead before coordinating
        verbose_name = _("task party")
        verbose_name_plural = _("task parties")
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | Q(subcommittee__isnull=False) | ~Q(phrase=""),
                name="planning_taskparty_names_someone",
                violation_error_message=_("Choose an organisation or a sub-committee, or write the party's name."),
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self):
        """What the schedule prints: the phrase as written, else the body's short name."""
        if self.phrase:
            return self.phrase
        if self.organization_id:
            return self.organization.display_name
        return self.subcommittee.name


class TaskEvent(models.Model):
    """One entry of a task's history: who changed what, and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        PROGRESS = "progress", _("Progress update")

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["task", "-at", "-pk"]
        verbose_name = _("task history entry")
        verbose_name_plural = _("task history")

    def __str__(self):
        return f"{self.task_id} {self.kind} {self.at:%d/%m/%Y %H:%M}"


class ProgressUpdate(models.Model):
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("progress"))
    new_status = models.CharField(_("new status"), max_length=20, choices=Task.Status.choices, blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        ordering = ["task", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return self.text[:80]


class Attachment(models.Model):
    update = models.ForeignKey(
        ProgressUpdate, verbose_name=_("progress update"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="tasks/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


def new_calendar_token():
    """A fresh secret for a calendar address: 43 URL-safe characters."""
    import secrets

    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def renew(self, person):
        """Give the person a new address; the old one stops working at once."""
        self.filter(person=person).delete()
        return self.create(person=person)


class CalendarFeed(models.Model):
    """A person's private calendar address (iCal). Whoever holds the token reads the feed
    without logging in, so the token is the only secret: revoking deletes it."""

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("planning:calendar_feed", args=[self.token])


class LowerLevelCongressQuerySet(models.QuerySet):
    def with_status(self, *, today):
        """Annotate `held_date` and `status` (a `LowerLevelCongress.Status`), so lists filter,
        sort and count by them in the database.

        The held date is the one recorded, else the day the linked congress opened (its
        earliest fixed session start, once that day has come); a cancelled congress was not held.
        """
        Status = LowerLevelCongress.Status
        opened_on = (
            CongressSession.objects.filter(
                congress=models.OuterRef("lower_congress"),
                timing=CongressSession.Timing.EXACT,
                starts_at__isnull=False,
            )
            .exclude(congress__status=Congress.Status.CANCELLED)
            .order_by("starts_at")
            .values("starts_at__date")[:1]
        )
        held_date = models.Case(
            models.When(held_on__isnull=False, then=models.F("held_on")),
            models.When(opened_on__lte=today, then=models.F("opened_on")),
            default=None,
            output_field=models.DateField(),
        )
        marked_held = Q(held=True) | Q(lower_congress__status__in=[Congress.Status.HELD, Congress.Status.CLOSED])
        status = models.Case(
            models.When(held_date__lte=models.F("due_date"), then=models.Value(Status.ON_TIME)),
            models.When(held_date__isnull=False, then=models.Value(Status.LATE)),
            models.When(marked_held, then=models.Value(Status.HELD)),
            models.When(due_date__lt=today, then=models.Value(Status.OVERDUE)),
            default=models.Value(Status.UPCOMING),
            output_field=models.CharField(),
        )
        return (
            self.annotate(opened_on=models.Subquery(opened_on, output_field=models.DateField()))
            .annotate(held_date=held_date)
            .annotate(status=status)
        )

    def summary(self):
        """Counts over a `with_status()` queryset: total, held, late, overdue, upcoming."""
        Status = LowerLevelCongress.Status
        return self.aggregate(
            total=models.Count("pk"),
            held=models.Count("pk", filter=Q(status__in=Status.held_values())),
            late=models.Count("pk", filter=Q(status=Status.LATE)),
            overdue=models.Count("pk", filter=Q(status=Status.OVERDUE)),
            upcoming=models.Count("pk", filter=Q(status=Status.UPCOMING)),
        )


class LowerLevelCongress(models.Model):
    """A congress or conference that a unit must hold before this (higher) congress: the unit,
    the date it must be held by, and whether and when it was held."""

    class Status(models.TextChoices):
        ON_TIME = "on_time", _("Held on time")
        LATE = "late", _("Held late")
        HELD = "held", _("Held, date not recorded")
        OVERDUE = "overdue", _("Overdue")
        UPCOMING = "upcoming", _("Upcoming")

        @classmethod
        def held_values(cls):
            return [cls.ON_TIME, cls.LATE, cls.HELD]

    congress = models.ForeignKey(
        Congress, verbose_name=_("higher congress"), on_delete=models.CASCADE, related_name="lower_levels"
    )
    organization = models.ForeignKey(Organization, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Congress.Kind.choices, default=Congress.Kind.CONGRESS)
    due_date = models.DateField(_("must be held by"))
    held = models.BooleanField(
        _("held"), default=False, help_text=_("Tick it when the unit has held it but the date is not known.")
    )
    held_on = models.DateField(_("held on"), null=True, blank=True)
    lower_congress = models.ForeignKey(
        Congress,
        verbose_name=_("the unit's congress in this app"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("When it is planned in this app too; its first session then gives the date it was held."),
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = LowerLevelCongressQuerySet.as_manager()

    class Meta:
        ordering = ["congress", "due_date", "pk"]
        verbose_name = _("lower-level congress")
        verbose_name_plural = _("lower-level congresses")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "organization"],
                name="planning_lowerlevel_unique_unit",
                violation_error_message=_("This unit is already in the list."),
            ),
            models.CheckConstraint(
                condition=~Q(lower_congress=models.F("congress")),
                name="planning_lowerlevel_not_itself",
                violation_error_message=_("A congress cannot be its own lower level."),
            ),
        ]

    def __str__(self):
        return f"{self.organization.display_name}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.held_on:
            self.held = True
        super().save(*args, **kwargs)

    def get_edit_url(self):
        return reverse("planning:lower_level_edit", args=[self.congress_id, self.pk])

    def get_delete_url(self):
        return reverse("planning:lower_level_delete", args=[self.congress_id, self.pk])

    def get_status_display(self):
        """The label of the `status` that `with_status()` annotates."""
        return self.Status(self.status).label


# Reminders: each congress's policy, each person's choice, the reminders planned, the mails sent.
# The planner and the delivery live in planning/reminders/.


def validate_days_before(value):
    from .reminders.policy import parse_days_before

    parse_days_before(value)


class ReminderPolicy(models.Model):
    """When a congress reminds: the defaults are what the issue asked for; staff change them."""

    congress = models.OneToOneField(
        Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="reminder_policy"
    )
    is_active = models.BooleanField(_("send reminders"), default=True)
    days_before = models.CharField(
        _("days before the deadline"),
        max_length=60,
        default="7, 3, 1",
        validators=[validate_days_before],
        help_text=_("Whole days, separated by commas, for example “7, 3, 1”."),
    )
    on_the_day = models.BooleanField(_("remind on the day"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("while overdue, remind every (days)"), default=2, help_text=_("0 stops reminders once a deadline has passed.")
    )
    overdue_for_days = models.PositiveSmallIntegerField(_("stop reminding after (days overdue)"), default=30)
    escalate_after_days = models.PositiveSmallIntegerField(
        _("escalate after (days overdue)"),
        default=5,
        help_text=_("To the head of the lead organisation and the board's standing deputy; 0 never escalates."),
    )
    digest_time = models.TimeField(_("time of the daily digest"), default=datetime.time(7, 30))
    working_days_only = models.BooleanField(
        _("working days only"),
        default=True,
        help_text=_("Saturdays, Sundays and public holidays move a reminder to a working day."),
    )
    remind_coordinating = models.BooleanField(_("remind coordinating organisations too"), default=False)
    remind_meetings = models.BooleanField(_("remind participants the day before a meeting"), default=True)
    grace_hours = models.PositiveSmallIntegerField(
        _("grace window (hours)"),
        default=12,
        help_text=_("A digest that could not go out within this many hours is marked missed, not sent late."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(grace_hours__gte=1, grace_hours__lte=24),
                name="planning_reminderpolicy_grace_within_a_day",
                violation_error_message=_("The grace window is between 1 and 24 hours."),
            ),
            models.CheckConstraint(
                condition=Q(overdue_every_days__lte=31, overdue_for_days__lte=366, escalate_after_days__lte=366),
                name="planning_reminderpolicy_sensible_days",
                violation_error_message=_("Remind at most monthly, and for at most a year after the deadline."),
            ),
        ]

    def __str__(self):
        return str(self.congress)

    def offsets(self):
        """Days before the deadline that remind, the day itself included when chosen."""
        from .reminders.policy import parse_days_before

        return sorted({*parse_days_before(self.days_before), *([0] if self.on_the_day else [])}, reverse=True)


class ReminderPreference(models.Model):
    """A person's choice of reminder mail; without a row, they get the daily digest."""

    class Choice(models.TextChoices):
        DIGEST = "digest", _("One digest a day")
        NONE = "none", _("No e-mail")

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="reminder_preference"
    )
    choice = models.CharField(_("reminder e-mail"), max_length=10, choices=Choice.choices, default=Choice.DIGEST)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder preference")
        verbose_name_plural = _("reminder preferences")

    def __str__(self):
        return f"{self.person}: {self.get_choice_display()}"


class OutboxMailQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Mails of the congresses the user keeps as secretariat, and mails addressed to them."""
        if user.is_superuser:
            return self
        kept = CongressRole.objects.filter(user=user, role=CongressRole.Role.SECRETARIAT).values("congress_id")
        through = OutboxMail.congresses.through.objects.filter(outboxmail=models.OuterRef("pk"), congress_id__in=kept)
        return self.filter(models.Exists(through) | Q(person__user=user))


class OutboxMail(models.Model):
    """One e-mail, from the moment it is decided until it is sent, failed, withheld or missed."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        WITHHELD = "withheld", _("Withheld")
        MISSED = "missed", _("Missed")

        @classmethod
        def resendable(cls):
            return [cls.FAILED, cls.WITHHELD, cls.MISSED]

    person = models.ForeignKey(Person, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="mails")
    to = models.EmailField(_("address"))
    congresses = models.ManyToManyField(Congress, verbose_name=_("congresses"), related_name="+")
    digest_date = models.DateField(_("digest of"))
    subject = models.CharField(_("subject"), max_length=400)
    body_text = models.TextField(_("text"), blank=True)
    body_html = models.TextField(_("HTML"), blank=True)
    calendar = models.TextField(_("calendar attachment"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    enqueued_at = models.DateTimeField(_("handed to a worker at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    sending_since = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    not_after = models.DateTimeField(_("send no later than"))

    objects = OutboxMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbox mail")
        verbose_name_plural = _("outbox")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="planning_outbox_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "digest_date"],
                name="planning_outboxmail_one_digest_a_day",
                violation_error_message=_("This person already has a digest for this day."),
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("planning:outbox_detail", args=[self.pk])

    def message_id(self):
        """The same Message-ID on every attempt, so a mail delivered twice can be recognised."""
        from urllib.parse import urlsplit

        return f"<outbox-{self.pk}@{urlsplit(settings.SITE_URL).hostname or 'localhost'}>"


class ScheduledReminderQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ScheduledReminder.Status.PENDING)


class ScheduledReminder(models.Model):
    """One reminder of one thing to one person on one day; it exists once or not at all."""

    class Kind(models.TextChoices):
        UPCOMING = "upcoming", _("Deadline coming")
        DUE = "due", _("Due today")
        OVERDUE = "overdue", _("Overdue")
        ESCALATION = "escalation", _("Escalated: long overdue")
        MEETING = "meeting", _("Meeting coming")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        MAILED = "mailed", _("In a digest")
        SKIPPED = "skipped", _("Not mailed")
        MISSED = "missed", _("Missed")

    congress = models.ForeignKey(Congress, verbose_name=_("congress"), on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    remind_on = models.DateField(_("day"))
    deadline = models.DateField(_("deadline when planned"))
    due_at = models.DateTimeField(_("due at"))
    not_after = models.DateTimeField(_("send no later than"))
    task = models.ForeignKey(
        Task, verbose_name=_("task"), null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), null=True, blank=True, on_delete=models.CASCADE, related_name="reminders"
    )
    # What another app handed over through planning.reminders.registry.
    source = models.CharField(_("source"), max_length=50, blank=True)
    source_key = models.CharField(_("key in the source"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    phrase = models.CharField(_("deadline as written"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    note = models.CharField(_("note"), max_length=200, blank=True)
    mail = models.ForeignKey(
        OutboxMail, verbose_name=_("mail"), null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    created_at = models.DateTimeField(_("planned at"), auto_now_add=True)

    objects = ScheduledReminderQuerySet.as_manager()

    class Meta:
        ordering = ["-remind_on", "person", "pk"]
        verbose_name = _("scheduled reminder")
        verbose_name_plural = _("scheduled reminders")
        indexes = [models.Index(fields=["status", "due_at"], name="planning_reminder_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "person", "kind", "remind_on"],
                condition=Q(task__isnull=False),
                name="planning_reminder_once_per_task",
                violation_error_message=_("This person is already reminded of this task on this day."),
            ),
            models.UniqueConstraint(
                fields=["meeting", "person", "kind", "remind_on"],
                condition=Q(meeting__isnull=False),
                name="planning_reminder_once_per_meeting",
                violation_error_message=_("This person is already reminded of this meeting on this day."),
            ),
            models.UniqueConstraint(
                fields=["source", "source_key", "person", "kind", "remind_on"],
                condition=~Q(source=""),
                name="planning_reminder_once_per_item",
                violation_error_message=_("This person is already reminded of this item on this day."),
            ),
            models.CheckConstraint(
                condition=Q(task__isnull=False, meeting__isnull=True, source="")
                | Q(task__isnull=True, meeting__isnull=False, source="")
                | Q(task__isnull=True, meeting__isnull=True, source__gt="", source_key__gt=""),
                name="planning_reminder_of_one_thing",
                violation_error_message=_("A reminder is of a task, a meeting or one registered item."),
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.get_kind_display()} · {self.remind_on:%d/%m/%Y}"

    def days_left(self):
        """Days from the reminder's day to the deadline; negative once it has passed."""
        return (self.deadline - self.remind_on).days
