"""The congress dashboard: countdown to the session, counts by status, overdue work, progress per
lead body, a timeline by month and the latest progress updates.

Figures count work items: every task and sub-item of the congress, except a task with sub-items,
which its sub-items stand for. Every figure is counted in the database, so the page reads the same
number of queries for ten tasks or ten thousand.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import CongressSession, Organization
from congress.permissions import get_congress
from congress.views.congresses import congress_context
from documents.liststyle import item_text
from documents.vietnamese import month_year

from ..models import Attachment, LeadItem, ProgressUpdate, Task, TaskParty
from ..models.tallies import settling

OVERDUE_SHOWN = 10
AGENCIES_SHOWN = 12
UPDATES_SHOWN = 8
DUE_SOON_DAYS = 7
MONTHS_FILLED = 24  # a longer timeline shows only the months that hold work

Status = Task.Status
OPEN = [Status.NOT_STARTED, Status.IN_PROGRESS]
LEAD = TaskParty.Role.LEAD
STATES = ("done", "in_progress", "not_started", "overdue")


def local_today():
    """Today in the project's time zone; tests patch this to fix the day."""
    return timezone.localdate()


@login_required
def dashboard(request, pk):
    congress = get_congress(request.user, pk)
    today = local_today()
    context = congress_context(request, congress, "dashboard")
    context.update(dashboard_context(request, congress, today))
    return render(request, "planning/dashboard.html", context)


def dashboard_context(request, congress, today):
    items = work_items(congress)
    months = monthly_counts(items, today)
    countdown = Countdown.of(congress, today)
    context = {
        "congress": congress,
        "today": today,
        "due_soon_days": DUE_SOON_DAYS,
        "agencies_shown": AGENCIES_SHOWN,
        "countdown": countdown,
        "totals": status_totals(months),
        "timeline": timeline(months, today, countdown.session if countdown else None),
        "overdue": overdue_items(items, today),
        "latest_updates": latest_updates(congress),
        **lead_figures(congress, today, all_agencies=request.GET.get("agencies") == "all"),
    }
    return context


def work_items(congress):
    """Every task of the congress but those with sub-items (their parents' ids read once, as a list
    the database hashes or probes, not a lookup per task)."""
    parents = Task.objects.filter(congress=congress, parent__isnull=False).values("parent_id")
    return Task.objects.filter(congress=congress).exclude(pk__in=parents)


def state_filters(today):
    """Four states that never overlap, for the pictures: done, and open work split into
    overdue, in progress and not started. Cancelled work is in none of them. (lead_rows says the
    same in SQL; a test holds the two together.)"""
    on_time = Q(due_date__isnull=True) | Q(due_date__gte=today)
    return {
        "done": Q(status=Status.DONE),
        "in_progress": Q(status=Status.IN_PROGRESS) & on_time,
        "not_started": Q(status=Status.NOT_STARTED) & on_time,
        "overdue": Q(status__in=OPEN, due_date__lt=today),
    }


def state_counts(today):
    return {state: Count("pk", filter=condition) for state, condition in state_filters(today).items()}


# Pictures


@dataclass
class Figures:
    """Work in the four states, drawn as one stacked bar or one ring."""

    label: str = ""
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0
    kind: str = ""
    counts: dict = field(default_factory=dict)

    @property
    def total(self):
        return self.done + self.in_progress + self.not_started + self.overdue

    @property
    def percent_done(self):
        return round(100 * self.done / self.total) if self.total else 0

    def add(self, row):
        for state in STATES:
            setattr(self, state, getattr(self, state) + row[state])
        return self

    def segments(self, scale=1.0):
        """Each non-empty state's start and length in percent of the whole (times `scale`), as
        strings with a dot for SVG attributes in any language: `start`/`length` for a bar from the
        left, `top` for a column from the bottom, `dash`/`offset` for a ring from 12 o'clock."""
        parts, start = [], 0.0
        for state in STATES:
            count = getattr(self, state)
            if count:
                length = 100 * scale * count / self.total
                parts.append(
                    {
                        "state": state,
                        "count": count,
                        "start": f"{start:.3f}",
                        "length": f"{length:.3f}",
                        "top": f"{100 - start - length:.3f}",
                        "dash": f"{length:.3f} {100 - length:.3f}",
                        "offset": f"{(25 - start) % 100:.3f}",
                    }
                )
                start += length
        return parts


def monthly_counts(items, today):
    """Every count the page shows, per month of deadlines (None for work without one), in one
    query; the totals are the sums of a few rows.

    The query groups by month and status, in the order of the tasks' counting index, and counts
    only what the status cannot tell (late, due soon); the four states and the rest follow here."""
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    groups = (
        items.values_list("group_month", "status")
        .annotate(
            n=Count("status"),
            late=Count("status", filter=Q(due_date__lt=today)),
            soon=Count("status", filter=Q(due_date__gte=today, due_date__lte=soon)),
        )
        .order_by("group_month", "status")
    )
    names = ["all", *(f"status_{value}" for value in Status.values), "late", "due_soon", *STATES]
    rows = {}
    for month, status, n, late, due_soon in groups:
        row = rows.setdefault(month, dict.fromkeys(names, 0) | {"group_month": month})
        row["all"] += n
        row[f"status_{status}"] += n
        if status == Status.DONE:
            row["done"] += n
        elif status in OPEN:
            row["late"] += late
            row["overdue"] += late
            row["due_soon"] += due_soon
            row[status] += n - late  # in progress / not started, on time
    return {"names": names, "rows": list(rows.values())}


def status_totals(months):
    counts = {name: sum(row[name] for row in months["rows"]) for name in months["names"]}
    counts["no_deadline"] = sum(row["all"] for row in months["rows"] if row["group_month"] is None)
    figures = Figures(counts=counts).add(counts)
    figures.by_status = [(value, label, counts[f"status_{value}"]) for value, label in Status.choices]
    return figures


# Countdown


def session_window(session):
    """The first and the last day the session may fall on; None, None while it has no date."""
    start = session.planned_date
    if start is None:
        return None, None
    if session.timing == CongressSession.Timing.MONTH:
        return start, start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if session.timing == CongressSession.Timing.QUARTER:
        last_month = start.month + 2
        return start, start.replace(month=last_month, day=calendar.monthrange(start.year, last_month)[1])
    end = timezone.localdate(session.ends_at) if session.ends_at else start
    return start, max(start, end)


@dataclass
class Countdown:
    session: CongressSession
    start: datetime.date
    end: datetime.date
    today: datetime.date

    @classmethod
    def of(cls, congress, today):
        """The next session still to come (or under way), else the last one held; None if no
        session has a date yet."""
        dated = [cls(session, *session_window(session), today) for session in congress.sessions.all()]
        dated = [countdown for countdown in dated if countdown.start]
        ahead = [countdown for countdown in dated if countdown.end >= today]
        if ahead:
            return min(ahead, key=lambda countdown: (countdown.start, countdown.session.order))
        return max(dated, key=lambda countdown: (countdown.end, countdown.session.order), default=None)

    @property
    def state(self):
        if self.today < self.start:
            return "ahead"
        return "now" if self.today <= self.end else "past"

    @property
    def days_to_go(self):
        return (self.start - self.today).days

    @property
    def days_ago(self):
        return (self.today - self.end).days

    @property
    def is_exact(self):
        return self.session.timing == CongressSession.Timing.EXACT


# Timeline


def month_after(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def timeline(months, today, session):
    """One column per month of deadlines, plus the work without a deadline; the session's month
    and the current month are marked."""
    by_month = {row["group_month"]: Figures().add(row) for row in months["rows"]}
    undated = by_month.pop(None, Figures())
    session_month = session.planned_date.replace(day=1) if session else None
    tallest = max((figures.total for figures in by_month.values()), default=0)
    columns = []
    for month in timeline_months(by_month, session_month):
        figures = by_month.get(month, Figures())
        figures.label = _("Month %(month)s") % {"month": month_year(month.month, month.year)}
        figures.is_session_month = month == session_month
        figures.is_current_month = month == today.replace(day=1)
        figures.bars = figures.segments(scale=figures.total / tallest) if figures.total else []
        columns.append(figures)
    return {"columns": columns, "undated": undated}


def timeline_months(by_month, session_month):
    """The months that hold work and the session's, with the months between filled in unless
    the span is too long to draw."""
    months = sorted(by_month)
    if months and session_month:
        months = sorted({*months, session_month})
    if not months or (months[-1].year - months[0].year) * 12 + months[-1].month - months[0].month >= MONTHS_FILLED:
        return months
    filled = [months[0]]
    while filled[-1] < months[-1]:
        filled.append(month_after(filled[-1]))
    return filled


# Lead bodies


def lead_figures(congress, today, *, all_agencies=False):
    """Work per lead sub-committee and per lead agency (a lead named only by a phrase counts
    under the phrase). A sub-item without a lead of its own counts under its parent's lead. The
    busiest agencies come first; the rest only when asked for, to keep the page light."""
    rows = lead_rows(congress, today)
    by_subcommittee = {
        pk: Figures(label=name, kind="subcommittee") for pk, name in congress.subcommittees.values_list("pk", "name")
    }
    agencies = {}
    for row in rows:
        if row["subcommittee"] in by_subcommittee:
            by_subcommittee[row["subcommittee"]].add(row)
        if row["organization"]:
            label = row["short_name"] or row["name"]
            agencies.setdefault(("organization", row["organization"]), Figures(label, kind="organization")).add(row)
        elif row["phrase"]:
            agencies.setdefault(("phrase", row["phrase"]), Figures(row["phrase"], kind="phrase")).add(row)
    ranked = sorted(agencies.values(), key=lambda figures: (-figures.total, figures.label))
    return {
        "subcommittees": list(by_subcommittee.values()),
        "agencies": ranked if all_agencies else ranked[:AGENCIES_SHOWN],
        "agency_count": len(ranked),
        "all_agencies": all_agencies,
    }


def lead_rows(congress, today):
    """Counts per lead party body, in one query over the congress's lead items (models.tallies:
    each work item under its own lead parties, and a sub-item without a lead of its own under its
    parent's), read in the order of their index; the organisations' names are joined to the few
    rows of counts, not to every item.

    Written as SQL because the page reads it on every visit and the ORM's version cost more to
    build than to run. Its four states are state_filters' (a test holds the two together)."""
    params = {
        "congress": congress.pk,
        "today": connection.ops.adapt_datefield_value(today),
        "done": Status.DONE,
        "in_progress": Status.IN_PROGRESS,
        "not_started": Status.NOT_STARTED,
    }
    with connection.cursor() as cursor:
        cursor.execute(settling(LEAD_COUNTS), params)
        return [dict(zip(LEAD_COLUMNS, row, strict=True)) for row in cursor.fetchall()]


LEAD_COLUMNS = ("organization", "subcommittee", "phrase", *STATES, "name", "short_name")
LEAD_COUNTS = f"""
    SELECT c.*, o.name, o.short_name
    FROM (
        SELECT organization_id, subcommittee_id, phrase,
               COUNT(*) FILTER (WHERE status = %(done)s),
               COUNT(*) FILTER (WHERE status = %(in_progress)s AND (due_date IS NULL OR due_date >= %(today)s)),
               COUNT(*) FILTER (WHERE status = %(not_started)s AND (due_date IS NULL OR due_date >= %(today)s)),
               COUNT(*) FILTER (WHERE status IN (%(not_started)s, %(in_progress)s) AND due_date < %(today)s)
        FROM {LeadItem._meta.db_table}
        WHERE congress_id = %(congress)s
        GROUP BY organization_id, subcommittee_id, phrase
    ) c
    LEFT JOIN {Organization._meta.db_table} o ON o.id = c.organization_id
"""


# Lists


def overdue_items(items, today):
    shown = list(
        items.overdue(on=today)
        .select_related("parent")
        .order_by("due_date", "parent__number", "number", "pk")[:OVERDUE_SHOWN]
    )
    leads = lead_parties({task.pk for task in shown} | {task.parent_id for task in shown if task.parent_id})
    for task in shown:
        task.days_overdue = (today - task.due_date).days
        task.first_line = first_line(task.content)
        task.leads = leads.get(task.pk) or leads.get(task.parent_id, [])
    return shown


def lead_parties(task_ids):
    """The lead parties of these tasks, by task, in one query (none for no tasks)."""
    by_task = {}
    if task_ids:
        parties = TaskParty.objects.filter(role=LEAD, task__in=task_ids).select_related("organization", "subcommittee")
        for party in parties:
            by_task.setdefault(party.task_id, []).append(party)
    return by_task


def first_line(text):
    return item_text(next((line for line in text.splitlines() if line.strip()), ""))


# What the list shows of an update, its task (and parent, for "6.1"), and its author.
UPDATE_FIELDS = (
    "task_id",
    "author_id",
    "text",
    "new_status",
    "created_at",
    "task__number",
    "task__content",
    "task__parent_id",
    "task__congress_id",
    "task__parent__number",
    "task__parent__content",
    "author__username",
    "author__first_name",
    "author__last_name",
    "author__person__full_name",
    "author__person__user_id",
    "author__person__organization_id",
    "author__person__organization__name",
    "author__person__organization__short_name",
)


def latest_updates(congress):
    # A subquery, not a join and GROUP BY: only the rows shown get their files counted.
    files = Attachment.objects.filter(update=OuterRef("pk")).order_by().values("update").annotate(n=Count("pk"))
    updates = list(
        ProgressUpdate.objects.filter(congress=congress)
        .select_related("task__parent", "author__person__organization")
        .only(*UPDATE_FIELDS)
        .annotate(attachment_count=Coalesce(Subquery(files.values("n")), 0))
        .order_by("-created_at", "-pk")[:UPDATES_SHOWN]
    )
    for update in updates:
        update.task.first_line = first_line(update.task.content)
    return updates
