"""planning's lists as Excel downloads: each exports every row its page's filter shows, not one page."""

import datetime

from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import Congress
from congress.permissions import get_congress
from documents.spreadsheets import dated_name, workbook_bytes, xlsx_response

from .. import exports
from ..filters import MyWorkFilter, ScheduleFilter
from ..forms_meetings import MeetingFilter
from ..models import Task
from ..selectors import party_prefetch, responsibilities, tasks_for
from ..templatetags.planning_tags import month_heading
from .lower_levels import LowerLevelFilter, lower_level_rows
from .schedule import ALL_MONTHS, NO_DATE, month_key


def _download(sheets, name, congress=None):
    filename = dated_name(f"{name} - {congress.name}" if congress else name)
    return xlsx_response(workbook_bytes(sheets), filename)


@login_required
def schedule_export(request, pk):
    """What the schedule's filter shows: every month, unless one month was asked for."""
    congress = get_congress(request.user, pk)
    top_level = Task.objects.filter(congress=congress, parent__isnull=True)
    present = set(top_level.order_by().values_list("group_month", flat=True).distinct())
    months = [(month_key(month), month_heading(month)) for month in sorted(month for month in present if month)]
    if None in present:
        months.append((NO_DATE, month_heading(None)))
    asked = request.GET.get("month") or ALL_MONTHS
    window = asked if asked in {key for key, _heading in months} else ALL_MONTHS
    filterset = ScheduleFilter(
        request.GET, queryset=Task.objects.filter(congress=congress), congress=congress, months=months, window=window
    )
    tasks = filterset.qs
    if window != ALL_MONTHS:
        month = None if window == NO_DATE else datetime.date.fromisoformat(f"{window}-01")
        tasks = tasks.filter(Q(parent__isnull=True, group_month=month) | Q(parent__group_month=month))
    return _download([exports.schedule_sheet(congress, tasks)], _("Schedule"), congress)


@login_required
def my_work_export(request):
    user = request.user
    today = timezone.localdate()
    congresses = {congress.pk: congress for congress in Congress.objects.visible_to(user).only("id", "name", "year")}
    filterset = MyWorkFilter(
        request.GET,
        queryset=tasks_for(user, responsibilities(user)).filter(Q(content__gt="") | Q(parent__isnull=False)),
        congresses=sorted(congresses.values(), key=lambda congress: (-congress.year, congress.name)),
    )
    tasks = (
        filterset.qs.filter(congress_id__in=congresses)
        .order_by(F("due_date").asc(nulls_last=True), "congress_id", "number", "pk")
        .select_related("parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"))
    )
    return _download([exports.my_work_sheet(tasks, congresses, today=today)], _("My work"))


@login_required
def dashboard_export(request, pk):
    congress = get_congress(request.user, pk)
    return _download(exports.dashboard_sheets(congress, today=timezone.localdate()), _("Dashboard"), congress)


@login_required
def lower_level_export(request, pk):
    congress = get_congress(request.user, pk)
    filterset = LowerLevelFilter(request.GET, queryset=lower_level_rows(congress, request.user, timezone.localdate()))
    return _download([exports.lower_level_sheet(filterset.qs)], _("Lower levels"), congress)


@login_required
def meeting_export(request, pk):
    congress = get_congress(request.user, pk)
    meetings = (
        congress.meetings.select_related("subcommittee", "chair")
        .annotate(conclusion_count=Count("conclusions"))
        .order_by(F("subcommittee__order").asc(nulls_first=True), "subcommittee_id", "number", "pk")
    )
    filterset = MeetingFilter(request.GET, queryset=meetings, subcommittees=list(congress.subcommittees.all()))
    return _download([exports.meeting_sheet(filterset.qs)], _("Meetings"), congress)
