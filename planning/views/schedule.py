from django.contrib.auth.decorators import login_required
from django.db.models import Case, F, IntegerField, Prefetch, Q, Subquery, Value, When
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from congress.models import Congress
from congress.permissions import get_congress
from congress.views.common import paginate
from congress.views.congresses import congress_context

from ..filters import MyWorkFilter, ScheduleFilter
from ..models import Task
from ..selectors import (
    annotate_for,
    assignee_prefetch,
    decorate,
    party_prefetch,
    responsibilities,
    tasks_for,
)

SCHEDULE_PAGE_SIZE = 20
MY_WORK_PAGE_SIZE = 10
FINISHED = [Task.Status.DONE, Task.Status.CANCELLED]


@login_required
def schedule(request, pk):
    """The congress's schedule as the plan prints it: month rows, then each task with its sub-items."""
    congress = get_congress(request.user, pk)
    can_add = request.user.has_perm("planning.add_task", congress)
    context = congress_context(request, congress, "schedule")
    context.update(schedule_context(request, congress, can_add=can_add))
    return render(request, "planning/schedule.html", context)


def schedule_context(request, congress, *, can_add):
    today = timezone.localdate()
    filterset = ScheduleFilter(request.GET, queryset=Task.objects.filter(congress=congress), congress=congress)
    matching = filterset.qs.values("pk")
    top_level = (
        Task.objects.filter(congress=congress, parent__isnull=True)
        .filter(Q(pk__in=Subquery(matching)) | Q(subitems__in=Subquery(matching)))
        .distinct()
        .order_by(F("group_month").asc(nulls_last=True), "number", "pk")
        .prefetch_related(
            party_prefetch(),
            Prefetch("subitems", queryset=Task.objects.prefetch_related(party_prefetch()).order_by("number", "pk")),
        )
    )
    page = paginate(request, top_level, SCHEDULE_PAGE_SIZE)
    user = request.user
    rows, month = [], object()
    for task in page:
        for item in [task, *task.subitems.all()]:
            item.congress = congress
            decorate(item, today=today)
            item.can_change = user.has_perm("planning.change_task", item)
            item.url = item.get_absolute_url()
            item.edit_url = reverse("planning:task_edit", args=[congress.pk, item.pk]) if item.can_change else ""
        rows.append({"new_month": task.group_month != month, "month": task.group_month, "task": task})
        month = task.group_month
    context = {
        "congress": congress,
        "filter": filterset,
        "page": page,
        "rows": rows,
        "today": today,
        "can_add": can_add,
    }
    return context


@login_required
def my_work(request):
    """What the signed-in person answers for, in every congress: overdue first, then by deadline."""
    user = request.user
    return render(request, "planning/my_work.html", my_work_context(request, responsibilities(user)))


def my_work_context(request, responsible):
    user = request.user
    today = timezone.localdate()
    congresses = {congress.pk: congress for congress in Congress.objects.visible_to(user).only("id", "name", "year")}
    filterset = MyWorkFilter(
        request.GET,
        queryset=tasks_for(user, responsible).filter(Q(content__gt="") | Q(parent__isnull=False)),
        congresses=sorted(congresses.values(), key=lambda congress: (-congress.year, congress.name)),
    )
    late = Case(
        When(Q(due_date__lt=today) & ~Q(status__in=FINISHED), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    tasks = (
        filterset.qs.filter(congress_id__in=congresses)
        .annotate(late=late)
        .order_by("late", F("due_date").asc(nulls_last=True), "congress_id", "number", "pk")
        .select_related("parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"), assignee_prefetch())
    )
    page = paginate(request, tasks, MY_WORK_PAGE_SIZE)
    for task in page:
        task.congress = congresses[task.congress_id]
    annotate_for(user, page, today=today, responsible=responsible)
    return {"filter": filterset, "page": page, "today": today}
