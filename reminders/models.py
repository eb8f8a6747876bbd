import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, CongressRole, Person

from .policy import parse_days_before

# Reminders: each congress's policy, each person's choice, the reminders planned, the mails sent.


def validate_days_before(value):
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
        _("while overdue, remind every (days)"),
        default=2,
        validators=[MaxValueValidator(365)],
        help_text=_("0 stops reminders once a deadline has passed."),
    )
    overdue_for_days = models.PositiveSmallIntegerField(
        _("stop reminding after (days overdue)"), default=30, validators=[MaxValueValidator(365)]
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("escalate after (days overdue)"),
        default=5,
        validators=[MaxValueValidator(365)],
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
        validators=[MaxValueValidator(720)],
        help_text=_("A digest that could not go out within this many hours is marked missed, not sent late."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policies")
        constraints = [
            models.CheckConstraint(
                condition=Q(grace_hours__gte=1, grace_hours__lte=24),
                name="reminders_reminderpolicy_grace_within_a_day",
                violation_error_message=_("The grace window is between 1 and 24 hours."),
            ),
            models.CheckConstraint(
                condition=Q(overdue_every_days__lte=31, overdue_for_days__lte=366, escalate_after_days__lte=366),
                name="reminders_reminderpolicy_sensible_days",
                violation_error_message=_("Remind at most monthly, and for at most a year after the deadline."),
            ),
        ]

    def __str__(self):
        return str(self.congress)

    def offsets(self):
        """Days before the deadline that remind, the day itself included when chosen."""
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

    class Kind(models.TextChoices):
        DIGEST = "digest", _("Reminder digest")
        INVITATION = "invitation", _("Invitation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.DIGEST)
    # A digest goes to a person of the directory; an invitation may go to a guest or a unit known
    # only by its name and address.
    person = models.ForeignKey(
        Person, verbose_name=_("recipient"), null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    recipient_name = models.CharField(_("recipient name"), max_length=300, blank=True)
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
    attachment = models.BinaryField(_("attachment"), blank=True, default=b"")
    attachment_name = models.CharField(_("attachment name"), max_length=200, blank=True)

    objects = OutboxMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outbox mail")
        verbose_name_plural = _("outbox")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="reminders_outbox_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "digest_date"],
                condition=Q(kind="digest"),
                name="reminders_outboxmail_one_digest_a_day",
                violation_error_message=_("This person already has a digest for this day."),
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("reminders:outbox_detail", args=[self.pk])

    @property
    def recipient_label(self):
        return self.person.full_name if self.person_id else self.recipient_name

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
    # What an app handed over through reminders.registry (planning's tasks and meetings too).
    source = models.CharField(_("source"), max_length=50)
    source_key = models.CharField(_("key in the source"), max_length=100)
    title = models.CharField(_("title"), max_length=300, blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    phrase = models.CharField(_("deadline as written"), max_length=120, blank=True)
    # The item's category, details and calendar event, as the registry's DeadlineItem gave them.
    details = models.JSONField(_("details"), default=dict, blank=True)
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
        indexes = [models.Index(fields=["status", "due_at"], name="reminders_reminder_due")]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_key", "person", "kind", "remind_on"],
                name="reminders_reminder_once_per_item",
                violation_error_message=_("This person is already reminded of this item on this day."),
            ),
            models.CheckConstraint(
                condition=Q(source__gt="", source_key__gt=""),
                name="reminders_reminder_of_one_item",
                violation_error_message=_("A reminder is of one registered item."),
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.get_kind_display()} · {self.remind_on:%d/%m/%Y}"

    @property
    def category(self):
        """ "task", "meeting" or "" (another deadline), as the digest groups it."""
        if self.kind == self.Kind.MEETING:
            return "meeting"
        return (self.details or {}).get("category", "")

    def days_left(self):
        """Days from the reminder's day to the deadline; negative once it has passed."""
        return (self.deadline - self.remind_on).days
