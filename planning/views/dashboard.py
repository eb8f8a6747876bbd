"""The congress dashboard: countdown to the session, counts by status, overdue work, progress per
lead body, a timeline by month and the latest progress updates.

Figures count work items: every task and sub-item of the congress, except a task with sub-items,
which its sub-items stand for. The work items, each under the lead bodies it counts for, and their
numbers per month and per lead body are kept by the database (models.tallies); the page reads
those numbers and only the late and soon-due items, without joining tasks to parties or looking
for sub-items on each visit.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from congress.models import CongressSession, Organization, Person, Subcommittee
from congress.permissions import get_congress
from congress.views.congresses import congress_context
from documents.liststyle import item_text
from documents.vietnamese import month_year

from ..models import Attachment, LeadCount, LeadItem, MonthCount, ProgressUpdate, Task, TaskParty, WorkItem, tallies
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
    months = monthly_counts(congress, today)
    countdown = Countdown.of(congress, today)
    context = {
        "congress": congress,
        "today": today,
        "due_soon_days": DUE_SOON_DAYS,
        "agencies_shown": AGENCIES_SHOWN,
        "countdown": countdown,
        "totals": status_totals(months),
        "timeline": timeline(months, today, countdown.session if countdown else None),
        "overdue": overdue_items(congress, today),
        "latest_updates": latest_updates(congress),
        **lead_figures(congress, today, all_agencies=request.GET.get("agencies") == "all"),
    }
    return context


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


def monthly_counts(congress, today):
    """Every count the page shows, per month of deadlines (None for work without one), in one
    query; the totals are the sums of a few rows.

    The number of work items per month and status is kept by the database (models.tallies); only
    the open items due before the end of the "due soon" window are read, to tell the late from
    the soon due. The four states and the rest follow here."""
    params = {
        "congress": congress.pk,
        "today": connection.ops.adapt_datefield_value(today),
        "soon": connection.ops.adapt_datefield_value(today + datetime.timedelta(days=DUE_SOON_DAYS)),
        "not_started": Status.NOT_STARTED,
        "in_progress": Status.IN_PROGRESS,
    }
    with connection.cursor() as cursor:
        cursor.execute(settling(MONTH_COUNTS), params)  # the first tally the page reads
        groups = cursor.fetchall()
    names = ["all", *(f"status_{value}" for value in Status.values), "late", "due_soon", *STATES]
    rows = {}
    for month, status, n, late, due_soon in groups:
        month = tallies.column_date(month)
        month = None if month == NO_MONTH else month
        row = rows.setdefault(month, dict.fromkeys(names, 0) | {"group_month": month})
        row["all"] += n
        row[f"status_{status}"] += n
        if status in OPEN:
            row["late"] += late
            row["due_soon"] += due_soon
        add_states(row, status, n, late)
    return {"names": names, "rows": [rows[month] for month in sorted(rows, key=lambda month: month or NO_MONTH)]}


def add_states(row, status, n, late):
    """Count `n` work items of a status, `late` of them past their date, in the four states:
    done, overdue, and in progress or not started on time (cancelled work in none)."""
    if status == Status.DONE:
        row["done"] += n
    elif status in OPEN:
        row[status] += n - late
        row["overdue"] += late


NO_MONTH = tallies.NO_MONTH_DATE
TASKS = Task._meta.db_table
MONTH_COUNTS = f"""
    SELECT month, status, n, 0, 0 FROM {MonthCount._meta.db_table} WHERE congress_id = %(congress)s AND n > 0
    UNION ALL
    SELECT COALESCE(group_month, '{tallies.NO_MONTH}'), status, 0,
           COUNT(*) FILTER (WHERE due_date < %(today)s), COUNT(*) FILTER (WHERE due_date >= %(today)s)
    FROM {WorkItem._meta.db_table}
    WHERE congress_id = %(congress)s AND status IN (%(not_started)s, %(in_progress)s) AND due_date <= %(soon)s
    GROUP BY group_month, status
"""


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
    """Counts per lead party body (each work item under its own lead parties, and a sub-item
    without a lead of its own under its parent's): the numbers per body and status are kept by the
    database (models.tallies), and only the late items are read, to tell them from the rest; the
    organisations' names are joined to the few rows of counts, not to every item.

    Written as SQL because the page reads it on every visit and the ORM's version cost more to
    build than to run. Its four states are those of the monthly counts (a test holds the two together)."""
    params = {
        "congress": congress.pk,
        "today": connection.ops.adapt_datefield_value(today),
        "not_started": Status.NOT_STARTED,
        "in_progress": Status.IN_PROGRESS,
    }
    with connection.cursor() as cursor:
        cursor.execute(LEAD_COUNTS, params)
        found = cursor.fetchall()
    rows = {}
    for organization, subcommittee, phrase, status, n, late, name, short_name in found:
        key = (organization, subcommittee, phrase)
        row = rows.setdefault(
            key,
            {"organization": organization, "subcommittee": subcommittee, "phrase": phrase, "name": name}
            | {"short_name": short_name}
            | dict.fromkeys(STATES, 0),
        )
        add_states(row, status, n, late)
    return list(rows.values())


LEAD_COUNTS = f"""
    SELECT c.*, o.name, o.short_name
    FROM (
        SELECT organization_id AS organization, subcommittee_id AS subcommittee, phrase, status, n, 0 AS late
        FROM {LeadCount._meta.db_table} WHERE congress_id = %(congress)s AND n > 0
        UNION ALL
        SELECT COALESCE(organization_id, 0), COALESCE(subcommittee_id, 0), phrase, status, 0, COUNT(*)
        FROM {LeadItem._meta.db_table}
        WHERE congress_id = %(congress)s AND status IN (%(not_started)s, %(in_progress)s) AND due_date < %(today)s
        GROUP BY organization_id, subcommittee_id, phrase, status
    ) c
    LEFT JOIN {Organization._meta.db_table} o ON o.id = c.organization
"""


# Lists


@dataclass
class Overdue:
    """A row of the most overdue work: the task, its deadline, how late, and its lead bodies' names."""

    pk: int
    number: int
    parent_id: int | None
    display_number: str
    first_line: str
    deadline_phrase: str
    status: str
    days_overdue: int
    leads: list = field(default_factory=list)

    @property
    def status_label(self):
        return Status(self.status).label


def overdue_items(congress, today):
    """The most overdue work items, the longest late first, each with its lead bodies' names (a
    sub-item without a lead of its own shows its parent's): two queries, the second only when
    something is late."""
    params = {
        "congress": congress.pk,
        "today": connection.ops.adapt_datefield_value(today),
        "not_started": Status.NOT_STARTED,
        "in_progress": Status.IN_PROGRESS,
    }
    with connection.cursor() as cursor:
        cursor.execute(OVERDUE, params)
        rows = cursor.fetchall()
    shown = []
    for pk, number, content, phrase, status, due_date, parent_id, parent_number in rows:
        due_date = tallies.column_date(due_date)
        shown.append(
            Overdue(
                pk=pk,
                number=number,
                parent_id=parent_id,
                display_number=f"{parent_number}.{number}" if parent_id else str(number),
                first_line=first_line(content),
                deadline_phrase=phrase,
                status=status,
                days_overdue=(today - due_date).days,
            )
        )
    leads = lead_names({task.pk for task in shown} | {task.parent_id for task in shown if task.parent_id})
    for task in shown:
        task.leads = leads.get(task.pk) or leads.get(task.parent_id, [])
    return shown


OVERDUE = f"""
    SELECT t.id, t.number, t.content, t.deadline_phrase, t.status, t.due_date, t.parent_id, p.number
    FROM {WorkItem._meta.db_table} w
    JOIN {TASKS} t ON t.id = w.item_id
    LEFT JOIN {TASKS} p ON p.id = t.parent_id
    WHERE w.congress_id = %(congress)s AND w.status IN (%(not_started)s, %(in_progress)s) AND w.due_date < %(today)s
    ORDER BY w.due_date, p.number, t.number, t.id
    LIMIT {OVERDUE_SHOWN}
"""


def lead_names(task_ids):
    """The names of these tasks' lead parties as the schedule prints them, by task, in the
    parties' order; no query for no tasks."""
    by_task = {}
    if task_ids:
        ids = sorted(task_ids)
        with connection.cursor() as cursor:
            cursor.execute(LEAD_NAMES.format(ids=", ".join(["%s"] * len(ids))), [LEAD, *ids])
            for task_id, phrase, name, short_name, subcommittee in cursor.fetchall():
                by_task.setdefault(task_id, []).append(phrase or short_name or name or subcommittee)
    return by_task


LEAD_NAMES = f"""
    SELECT p.task_id, p.phrase, o.name, o.short_name, s.name
    FROM {TaskParty._meta.db_table} p
    LEFT JOIN {Organization._meta.db_table} o ON o.id = p.organization_id
    LEFT JOIN {Subcommittee._meta.db_table} s ON s.id = p.subcommittee_id
    WHERE p.role = %s AND p.task_id IN ({{ids}})
    ORDER BY p.task_id, p."order", p.id
"""


def first_line(text):
    return item_text(next((line for line in text.splitlines() if line.strip()), ""))


@dataclass
class LatestUpdate:
    """A progress update as the dashboard lists it: who (and their body), when, on which task."""

    text: str
    new_status: str
    created_at: datetime.datetime
    attachment_count: int
    task: SimpleNamespace  # pk, display_number, first_line
    author: str
    organization: str

    @property
    def new_status_label(self):
        return Status(self.new_status).label if self.new_status else ""


def latest_updates(congress):
    """The congress's newest progress updates, read from their (congress, time) index; each
    update's files counted by a subquery, only for the rows shown."""
    with connection.cursor() as cursor:
        cursor.execute(LATEST_UPDATES, {"congress": congress.pk})
        rows = cursor.fetchall()
    updates = []
    for row in rows:
        text, new_status, created_at, files, task_pk, number, content, parent_id, parent_number, *author = row
        username, first_name, last_name, full_name, organization, short_name = author
        if timezone.is_naive(created_at):  # SQLite keeps UTC without its zone
            created_at = timezone.make_aware(created_at, datetime.UTC)
        account_name = f"{first_name or ''} {last_name or ''}".strip()  # User.get_full_name
        updates.append(
            LatestUpdate(
                text=text,
                new_status=new_status,
                created_at=created_at,
                attachment_count=files,
                task=SimpleNamespace(
                    pk=task_pk,
                    display_number=f"{parent_number}.{number}" if parent_id else str(number),
                    first_line=first_line(content),
                ),
                author=full_name or account_name or username or _("Unknown author"),
                organization=(short_name or organization or "") if full_name is not None else "",
            )
        )
    return updates


LATEST_UPDATES = f"""
    SELECT u.text, u.new_status, u.created_at,
           (SELECT COUNT(*) FROM {Attachment._meta.db_table} f WHERE f.update_id = u.id),
           t.id, t.number, t.content, t.parent_id, p.number,
           a.username, a.first_name, a.last_name, person.full_name, o.name, o.short_name
    FROM {ProgressUpdate._meta.db_table} u
    JOIN {TASKS} t ON t.id = u.task_id
    LEFT JOIN {TASKS} p ON p.id = t.parent_id
    LEFT JOIN {get_user_model()._meta.db_table} a ON a.id = u.author_id
    LEFT JOIN {Person._meta.db_table} person ON person.user_id = a.id
    LEFT JOIN {Organization._meta.db_table} o ON o.id = person.organization_id
    WHERE u.congress_id = %(congress)s
    ORDER BY u.created_at DESC, u.id DESC
    LIMIT {UPDATES_SHOWN}
"""
