"""Meetings of the board and its sub-committees: agenda and conclusions."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, Person, Subcommittee
from documents.emphasis import plain


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
    number = models.PositiveSmallIntegerField(
        _("session number"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    # The title keeps the author's *italic* and **bold** (documents.emphasis): pages and documents print them.
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
        return self.plain_title

    @property
    def plain_title(self):
        """The title as a reader sees it, without its emphasis marks: for page titles, mails and calendars."""
        return plain(self.title)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda")
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
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
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
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
