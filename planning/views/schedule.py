import datetime

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone

from congress.links import RowLink
from congress.permissions import get_congress
from congress.views.common import OnePassPaginator
from congress.views.congresses import congress_context

from ..filters import MyWorkFilter, ScheduleFilter, party_organizations
from ..models import Task
from ..models.tallies import top_level_counts
from ..rows import schedule_rows
from ..selectors import (
    annotate_for,
    cards_by_key,
    label_row,
    select_label,
    tasks_for,
    with_subitems,
    work_scope,
)
from ..templatetags.planning_tags import month_heading

SCHEDULE_PAGE_SIZE = 20
MY_WORK_PAGE_SIZE = 10


@login_required
def schedule(request, pk):
    """The congress's schedule as the plan prints it: month rows, then each task with its sub-items."""
    congress = get_congress(request.user, pk)
    can_add = request.user.has_perm("planning.add_task", congress)
    context = congress_context(request, congress, "schedule")
    context.update(schedule_context(request, congress, can_add=can_add))
    return render(request, "planning/schedule.html", context)


@login_required
def party_options(request, pk):
    """The schedule filter's organisations, loaded by its picker when it is opened."""
    congress = get_congress(request.user, pk)
    options = [{"value": str(pk), "text": name} for pk, name in party_organizations(congress)]
    return JsonResponse({"options": options})


class CountedPaginator(Paginator):
    """A paginator told its count, from an aggregate the page has already read."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


NO_DATE = "none"
ALL_MONTHS = "all"
SHOW_ALL_UP_TO = 60  # top-level tasks: a schedule this short opens on every month at once


def month_window(request, counts, today):
    """The month the schedule shows: the one asked for, else every month for a short schedule,
    else the current month (or the next one with work, or the last one). A key of `counts`
    (a month's first day, or None for work without a date), or ALL_MONTHS."""
    asked = request.GET.get("month", "")
    if asked == ALL_MONTHS:
        return ALL_MONTHS
    if asked == NO_DATE:
        return None
    if asked:
        try:
            return datetime.date.fromisoformat(f"{asked}-01")
        except ValueError:
            return ALL_MONTHS
    if sum(counts.values()) <= SHOW_ALL_UP_TO:
        return ALL_MONTHS
    dated = sorted(month for month in counts if month)
    this_month = today.replace(day=1)
    ahead = [month for month in dated if month >= this_month]
    if ahead:
        return ahead[0]
    return dated[-1] if dated else None


def month_key(month):
    return f"{month:%Y-%m}" if month else NO_DATE


def month_pager(counts, window):
    """The months of the schedule with their task counts, and the ones before and after the window."""
    months = sorted((month for month in counts if month), key=lambda month: month)
    if None in counts:
        months.append(None)
    entries = [
        {
            "key": f"{month:%Y-%m}" if month else NO_DATE,
            "month": month,
            "count": counts[month],
            "current": month == window,
        }
        for month in months
    ]
    index = next((n for n, entry in enumerate(entries) if entry["current"]), None)
    return {
        "months": entries,
        "total": sum(counts.values()),
        "all": window == ALL_MONTHS,
        "previous": entries[index - 1] if index else None,
        "next": entries[index + 1] if index is not None and index + 1 < len(entries) else None,
        "window": None if window == ALL_MONTHS else (entries[index] if index is not None else None),
    }


def schedule_context(request, congress, *, can_add):
    """One month of the schedule (or every month of a short one), twenty top-level tasks a page;
    the month pager's counts are the database's own count rows of top-level tasks per month."""
    today = timezone.localdate()
    top_level = Task.objects.filter(congress=congress, parent__isnull=True)
    counts = top_level_counts(congress)
    window = month_window(request, counts, today)
    months = [(month_key(month), month_heading(month)) for month in sorted(month for month in counts if month)]
    if None in counts:
        months.append((NO_DATE, month_heading(None)))
    filterset = ScheduleFilter(
        request.GET,
        queryset=Task.objects.filter(congress=congress),
        congress=congress,
        months=months,
        window=window if window == ALL_MONTHS else month_key(window),
    )
    shown = top_level if window == ALL_MONTHS else top_level.filter(group_month=window)
    filtered = filterset.form.is_valid() and any(
        value for name, value in filterset.form.cleaned_data.items() if name != "month"
    )
    if filtered:
        matching = filterset.qs
        shown = shown.filter(
            Q(pk__in=matching.values("pk")) | Q(pk__in=matching.filter(parent__isnull=False).values("parent_id"))
        )
    shown = shown.order_by(F("group_month").asc(nulls_last=True), "number", "pk")
    if filtered:
        paginator = Paginator(shown, SCHEDULE_PAGE_SIZE)
    else:
        count = sum(counts.values()) if window == ALL_MONTHS else counts.get(window, 0)
        paginator = CountedPaginator(shown, SCHEDULE_PAGE_SIZE, count=count)
    page = paginator.get_page(request.GET.get("page"))
    page.object_list = with_subitems(list(page.object_list))
    user = request.user
    detail_link, edit_link = RowLink("planning:task_detail", 2), RowLink("planning:task_edit", 2)
    rows, month = [], object()
    for task in page.object_list:
        for item in [task, *task.subitems.all()]:
            item.congress = congress
            label_row(item, today=today)
            item.can_change = user.has_perm("planning.change_task", item)
            item.url = detail_link(congress.pk, item.pk)
            item.edit_url = edit_link(congress.pk, item.pk) if item.can_change else ""
            item.select_label = select_label(item)
        rows.append({"new_month": task.group_month != month, "month": task.group_month, "task": task})
        month = task.group_month
    return {
        "filter": filterset,
        "page": page,
        "rows": rows,
        "rows_html": schedule_rows(rows),
        "today": today,
        "can_add": can_add,
        "pager": month_pager(counts, window),
    }


@login_required
def my_work(request):
    """What the signed-in person answers for, in every congress: overdue first, then by deadline."""
    congresses, responsible = work_scope(request.user)
    return render(request, "planning/my_work.html", my_work_context(request, responsible, congresses))


def my_work_context(request, responsible, congresses):
    """The page of My work for the user's responsibilities and the congresses they see ({id: congress},
    as selectors.work_scope reads them)."""
    user = request.user
    today = timezone.localdate()
    filterset = MyWorkFilter(
        request.GET,
        queryset=tasks_for(user, responsible, within=congresses).filter(Q(content__gt="") | Q(parent__isnull=False)),
        congresses=sorted(congresses.values(), key=lambda congress: (-congress.year, congress.name)),
    )
    late = Case(
        When(Q(due_date__lt=today) & ~Q(status__in=Task.FINISHED), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    keys = filterset.qs.annotate(late=late).order_by(
        "late", F("due_date").asc(nulls_last=True), "congress_id", "number", "pk"
    )

    page = OnePassPaginator(keys, MY_WORK_PAGE_SIZE, fetch=cards_by_key).get_page(request.GET.get("page"))
    for task in page:
        task.congress = congresses[task.congress_id]
    annotate_for(user, page, today=today, responsible=responsible)
    return {"filter": filterset, "page": page, "today": today}
