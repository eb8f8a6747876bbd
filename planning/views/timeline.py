"""The schedule drawn in time: a timeline of six months with tasks as bars, and a month calendar of
deadlines and meetings. Both are plain HTML and SVG (no script), and both print."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from congress.permissions import get_congress
from congress.views.common import paginate
from congress.views.congresses import congress_context

from ..timeline import Window, add_months, bar, milestones, month_start, month_tasks, month_weeks, timeline_tasks

TIMELINE_PAGE_SIZE = 40
TASKS_PER_DAY = 4
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


@login_required
def timeline(request, pk):
    congress = get_congress(request.user, pk)
    today = timezone.localdate()
    window = Window(month_start(request.GET.get("start"), add_months(today.replace(day=1), -1)))
    page = paginate(request, timeline_tasks(congress, window), TIMELINE_PAGE_SIZE)
    context = congress_context(request, congress, "schedule")
    context.update(
        window=window,
        page=page,
        bars=[bar(task, window, today=today) for task in page],
        milestones=[
            {"item": milestone, "x": window.x(milestone.day)}
            for milestone in milestones(congress, window.start, window.end)
        ],
        today=today,
        today_x=window.x(today) if window.start <= today <= window.end else None,
    )
    return render(request, "planning/timeline.html", context)


@login_required
def deadline_month(request, pk):
    congress = get_congress(request.user, pk)
    today = timezone.localdate()
    month = month_start(request.GET.get("month"), today.replace(day=1))
    weeks = month_weeks(month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day = {}
    for task in month_tasks(congress, first, last):
        by_day.setdefault(task.due_date, []).append(task)
    for milestone in milestones(congress, first, last):
        by_day.setdefault(milestone.day, []).append(milestone)
    context = congress_context(request, congress, "schedule")
    context.update(
        month=month,
        previous=add_months(month, -1),
        next=add_months(month, 1),
        today=today,
        weeks=[[_day(day, month, today, by_day.get(day, [])) for day in week] for week in weeks],
        weekdays=WEEKDAYS,
    )
    return render(request, "planning/deadline_month.html", context)


def _day(day, month, today, entries):
    meetings = [entry for entry in entries if not hasattr(entry, "deadline_phrase")]
    tasks = [entry for entry in entries if hasattr(entry, "deadline_phrase")]
    for task in tasks:
        task.overdue = task.is_overdue(on=today)
    shown = tasks[:TASKS_PER_DAY]
    return {
        "day": day,
        "outside": day.month != month.month,
        "today": day == today,
        "milestones": meetings,
        "tasks": shown,
        "more": len(tasks) - len(shown),
    }
