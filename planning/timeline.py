"""What the timeline and the month calendar draw: tasks as bars from creation to deadline, sessions and
board meetings as milestones, within a bounded window of months."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import Meeting, Task

WINDOW_MONTHS = 6


def month_start(text, default):
    """ "2020-07" as the first of that month; the default when missing or unreadable."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return datetime.date(year, month, 1)
    except ValueError:
        return default


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass
class Window:
    start: datetime.date
    months: int = WINDOW_MONTHS

    @property
    def end(self):
        """The window's last day."""
        return add_months(self.start, self.months) - datetime.timedelta(days=1)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    def x(self, day):
        """Where a day falls across the window, in percent, clamped to its edges."""
        offset = min(max((day - self.start).days, 0), self.days)
        return round(100 * offset / self.days, 3)

    def month_columns(self):
        columns = []
        for index in range(self.months):
            first = add_months(self.start, index)
            columns.append({"month": first, "x": self.x(first), "width": self.x(add_months(first, 1)) - self.x(first)})
        return columns

    def previous(self):
        return add_months(self.start, -self.months)

    def next(self):
        return add_months(self.start, self.months)


def timeline_tasks(congress, window):
    """The tasks whose bar (creation to last acceptable day) crosses the window, by deadline. A task entered
    after its deadline (a past schedule typed in later) is a bar of its deadline's day."""
    return (
        Task.objects.filter(congress=congress, due_date__gte=window.start)
        .filter(Q(created_at__date__lte=window.end) | Q(due_date__lte=window.end))
        .exclude(status=Task.Status.CANCELLED)
        .select_related("parent")
        .order_by("due_date", "number", "pk")
    )


def bar(task, window, *, today):
    begin = min(timezone.localdate(task.created_at), task.due_date)
    x = window.x(begin)
    return {
        "task": task,
        "x": x,
        "width": max(window.x(task.due_date + datetime.timedelta(days=1)) - x, 0.6),
        "overdue": task.is_overdue(on=today),
        "done": task.status == Task.Status.DONE,
    }


@dataclass
class Milestone:
    day: datetime.date
    label: str
    kind: str  # "session" or "meeting"
    url: str = ""


def milestones(congress, first, last):
    """Sessions and meetings between two days, by day."""
    found = []
    for session in congress.sessions.all():
        day = session.planned_date
        if day and first <= day <= last:
            found.append(Milestone(day, f"{session.name} ({session.when_text})", "session"))
    # A day's margin either side: the database compares UTC days, the page shows Vietnam's.
    margin = datetime.timedelta(days=1)
    meetings = Meeting.objects.filter(
        Q(congress=congress) & Q(starts_at__date__gte=first - margin) & Q(starts_at__date__lte=last + margin)
    )
    for meeting in meetings.order_by("starts_at"):
        day = timezone.localdate(meeting.starts_at)
        if first <= day <= last:
            url = reverse("planning:meeting_detail", args=[congress.pk, meeting.pk])
            found.append(Milestone(day, meeting.title, "meeting", url))
    return sorted(found, key=lambda milestone: milestone.day)


def month_weeks(month):
    """The month's weeks, Monday first, each a list of seven days (days of the neighbour months included)."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)


def month_tasks(congress, first, last):
    return (
        Task.objects.filter(congress=congress, due_date__gte=first, due_date__lte=last)
        .exclude(status=Task.Status.CANCELLED)
        .select_related("parent")
        .order_by("due_date", "number", "pk")
    )
