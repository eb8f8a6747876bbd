"""Congresses that units must hold before this (higher) congress."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Congress, CongressSession, Organization


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
    due_phrase = models.CharField(
        _("must be held (as written)"),
        max_length=120,
        blank=True,
        help_text=_("The due date as the plan writes it, such as “Quý I năm 2020”; empty when it is a plain date."),
    )
    # The last acceptable day: the date typed, or the one the phrase gives.
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
