"""The schedule's tasks, their lead and coordinating parties and their history."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, CongressSession, Organization, Person, Subcommittee

from .. import deadlines
from .meetings import Meeting

DEADLINE_PARTS = ("day", "month", "quarter", "year", "offset_days")


class TaskQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)

    def open(self):
        return self.exclude(status__in=Task.FINISHED)

    def overdue(self, *, on):
        return self.open().filter(due_date__lt=on)


class Task(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    FINISHED = (Status.DONE, Status.CANCELLED)  # no longer work to do: never late, never reminded

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
    number = models.PositiveIntegerField(_("number (STT)"), default=1, validators=[MaxValueValidator(9999)])
    content = models.TextField(
        _("content"), blank=True, help_text=_("Plain text; lines starting “- ” and “+ ” are list levels.")
    )
    meeting = models.OneToOneField(
        Meeting, verbose_name=_("meeting"), null=True, blank=True, on_delete=models.SET_NULL, related_name="task"
    )
    deadline_phrase = models.CharField(_("deadline"), max_length=120, blank=True)
    deadline_kind = models.CharField(_("deadline kind"), max_length=20, choices=DeadlineKind.choices, blank=True)
    deadline_day = models.DateField(_("deadline day"), null=True, blank=True)
    deadline_month = models.PositiveSmallIntegerField(
        _("deadline month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    deadline_quarter = models.PositiveSmallIntegerField(
        _("deadline quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    deadline_year = models.PositiveSmallIntegerField(
        _("deadline year"), null=True, blank=True, validators=[MinValueValidator(1945), MaxValueValidator(2100)]
    )
    deadline_offset_days = models.SmallIntegerField(
        _("days from the session"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-3650), MaxValueValidator(3650)],
    )
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
        indexes = [
            models.Index(fields=["congress", "group_month", "number"], name="planning_task_schedule"),
            # The schedule's top-level tasks: its month pager counts them per month from the index
            # alone, and a month's page reads them in order.
            models.Index(
                fields=["congress", "group_month", "number"],
                condition=models.Q(parent__isnull=True),
                name="planning_task_top_level",
            ),
            # A congress's tasks with sub-items, read without passing over the others.
            models.Index(fields=["congress", "parent"], name="planning_task_parents"),
        ]
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

    @property
    def display_number(self):
        """The number every page and message shows: "6" for a task, "6.1" for its first sub-item."""
        return f"{self.parent.number}.{self.number}" if self.parent_id else str(self.number)

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
        return self.status not in self.FINISHED and bool(self.due_date) and self.due_date < on


class TaskParty(models.Model):
    """A lead or coordinating party: an organisation, a sub-committee, or a phrase as written."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        COORDINATING = "coordinating", _("Coordinating")

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    # Indexed with the task below (planning_party_by_organization, planning_party_by_subcommittee).
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisation"), null=True, blank=True, on_delete=models.PROTECT, db_index=False
    )
    subcommittee = models.ForeignKey(
        Subcommittee,
        verbose_name=_("sub-committee"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        db_index=False,
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
        # The dashboard's counts per lead body find a task's lead parties without reading them; My
        # work finds the tasks of an organisation or a sub-committee from the index alone.
        indexes = [
            models.Index(fields=["task", "role", "organization", "subcommittee"], name="planning_party_by_task_role"),
            models.Index(fields=["organization", "task"], name="planning_party_by_organization"),
            models.Index(fields=["subcommittee", "task"], name="planning_party_by_subcommittee"),
        ]
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
