"""planning's lists as Excel sheets (documents.spreadsheets writes them).

The schedule's sheet keeps the printed schedule's columns in its order (STT, content, lead,
coordinating, deadline) with its month rows, so that the task import reads it back as it is.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.spreadsheets import Column, Group, Sheet

from .models import Task, TaskParty
from .selectors import decorate, party_prefetch
from .templatetags.planning_tags import month_heading

Status = Task.Status
STATES = ("done", "in_progress", "not_started", "overdue", "cancelled")


def task_columns():
    """The pasted table's five columns first (planning.imports.tables.COLUMNS), then what the app adds."""
    return [
        Column(_("STT"), 7),
        Column(_("Content"), 60),
        Column(_("Lead"), 30),
        Column(_("Coordinating"), 30),
        Column(_("Deadline"), 24),
        Column(_("Last acceptable date"), 14),
        Column(_("Status"), 16),
        Column(_("Completed on"), 14),
    ]


def _task_cells(task, number):
    return [
        number,
        task.content,
        "\n".join(task.leads),
        "\n".join(task.coordinators),
        task.deadline_phrase,
        task.due_date,
        task.get_status_display(),
        task.completed_on,
    ]


def task_template_sheet():
    """The task import's template: the schedule export's columns, a month row, a task and a sub-item."""
    rows = [
        Group(_("Month %(month)s") % {"month": "7/2020"}),
        ["1", "Dự thảo Báo cáo tổng kết", "Sở Nội vụ", "Các cơ quan, đơn vị, địa phương", "Trước ngày 12/7/2020"],
        ["2", "Tổ chức Đại hội cấp cơ sở:", "", "", ""],
        ["2.1", "Đại hội điểm", "Sở Văn hóa, Thể thao và Du lịch", "", "Trước ngày 11/7/2020"],
    ]
    return Sheet(_("Tasks"), task_columns()[:5], rows)


TASK_VALUES = ("pk", "parent_id", "number", "content", "deadline_phrase", "due_date", "status", "completed_on")


def schedule_sheet(congress, tasks):
    """The schedule as its page shows `tasks` (a filtered queryset of the congress): each top-level task that
    matches or holds a matching sub-item, with all its sub-items. Read as plain values in four queries, so that
    ten thousand tasks export in a second or two and little memory."""
    top_level = Task.objects.filter(congress=congress, parent__isnull=True).filter(
        Q(pk__in=tasks.values("pk")) | Q(pk__in=tasks.filter(parent__isnull=False).values("parent_id"))
    )
    top_ids = top_level.values("pk")
    parties = party_labels(TaskParty.objects.filter(Q(task__in=top_ids) | Q(task__parent__in=top_ids)))
    subitems = {}
    for item in Task.objects.filter(parent__in=top_ids).order_by("number", "pk").values(*TASK_VALUES):
        subitems.setdefault(item["parent_id"], []).append(item)
    ordered = top_level.order_by(F("group_month").asc(nulls_last=True), "number", "pk")
    rows = schedule_rows(ordered.values(*TASK_VALUES, "group_month").iterator(chunk_size=2000), subitems, parties)
    return Sheet(_("Schedule"), task_columns(), rows)


def party_labels(parties):
    """task id → (lead labels, coordinating labels), each as the schedule prints it (TaskParty.label)."""
    labels = {}
    fields = ("task_id", "role", "phrase", "organization__short_name", "organization__name", "subcommittee__name")
    for task_id, role, phrase, short_name, name, subcommittee in parties.values_list(*fields):
        leads, coordinators = labels.setdefault(task_id, ([], []))
        (leads if role == TaskParty.Role.LEAD else coordinators).append(phrase or short_name or name or subcommittee)
    return labels


def schedule_rows(top_level, subitems, parties):
    """A month row before each month's first task, then each task and its sub-items ("7.1")."""
    statuses = {value: str(label) for value, label in Status.choices}
    month = object()
    for task in top_level:
        if task["group_month"] != month:
            month = task["group_month"]
            yield Group(month_heading(month))
        yield _value_cells(task, task["number"], parties, statuses)
        for item in subitems.get(task["pk"], ()):
            yield _value_cells(item, f"{task['number']}.{item['number']}", parties, statuses)


def _value_cells(task, number, parties, statuses):
    leads, coordinators = parties.get(task["pk"], ((), ()))
    return [
        number,
        task["content"],
        "\n".join(leads),
        "\n".join(coordinators),
        task["deadline_phrase"],
        task["due_date"],
        statuses.get(task["status"], task["status"]),
        task["completed_on"],
    ]


def my_work_sheet(tasks, congresses, *, today):
    """My work's rows: each task under its congress, the sub-item numbered under its parent."""
    columns = [Column(_("Congress"), 35), *task_columns(), Column(_("Days late"), 10)]

    def rows():
        for task in tasks:
            decorate(task, today=today)
            number = f"{task.parent.number}.{task.number}" if task.parent_id else task.number
            task.leads = task.leads or _parent_leads(task)
            yield [congresses[task.congress_id].name, *_task_cells(task, number), task.days_late or None]

    return Sheet(_("My work"), columns, rows())


def state_of(task, today):
    if task.status in Task.FINISHED:
        return task.status
    return "overdue" if task.due_date and task.due_date < today else task.status


def dashboard_sheets(congress, *, today):
    """The dashboard's tables in full: work by month, by lead body, and every overdue item."""
    items = list(
        Task.objects.filter(congress=congress)
        .exclude(Exists(Task.objects.filter(parent=OuterRef("pk"))))
        .select_related("parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"))
        .order_by(F("due_date").asc(nulls_last=True), "pk")
    )
    by_month, by_lead = {}, {}
    for item in items:
        state = state_of(item, today)
        _count(by_month, item.group_month, state)
        leads = [party.label for party in item.parties.all() if party.role == "lead"] or _parent_leads(item)
        for label in dict.fromkeys(leads):
            _count(by_lead, label, state)
    return [
        _counts_sheet(_("By month"), _("Month"), [(month_heading(m), c) for m, c in _months_in_order(by_month)]),
        _counts_sheet(_("By lead"), _("Lead"), sorted(by_lead.items(), key=_busiest_first)),
        _overdue_sheet(items, today),
    ]


def _busiest_first(pair):
    label, counts = pair
    return -sum(counts.values()), label


def _count(table, key, state):
    counts = table.setdefault(key, dict.fromkeys(STATES, 0))
    counts[state] += 1


def _months_in_order(by_month):
    return sorted(by_month.items(), key=lambda pair: (pair[0] is None, pair[0] or 0))


def state_columns(first, width=40):
    return [
        Column(first, width),
        Column(_("Total"), 10),
        Column(_("Done"), 10),
        Column(_("In progress"), 12),
        Column(_("Not started"), 12),
        Column(_("Overdue"), 10),
        Column(_("Cancelled"), 10),
        Column(_("% done"), 10),
    ]


def _counts_sheet(title, first, pairs):
    def rows():
        for label, counts in pairs:
            total = sum(counts.values())
            counted = total - counts["cancelled"]  # as the dashboard reckons "% done"
            done = round(100 * counts["done"] / counted) if counted else 0
            yield [label, total, *(counts[state] for state in STATES), done]

    return Sheet(title, state_columns(first), rows())


def _overdue_sheet(items, today):
    columns = [Column(_("STT"), 7), Column(_("Content"), 60), Column(_("Lead"), 30), Column(_("Deadline"), 24)]
    columns += [Column(_("Last acceptable date"), 14), Column(_("Days late"), 10), Column(_("Status"), 16)]

    def rows():
        for item in items:
            if state_of(item, today) != "overdue":
                continue
            decorate(item, today=today)
            leads = item.leads or _parent_leads(item)
            number = f"{item.parent.number}.{item.number}" if item.parent_id else item.number
            content = item.content or (item.parent.content if item.parent_id else "")
            status = item.get_status_display()
            yield [number, content, "\n".join(leads), item.deadline_phrase, item.due_date, item.days_late, status]

    return Sheet(_("Overdue"), columns, rows())


def _parent_leads(task):
    """A sub-item without a lead of its own answers through its parent's (as the dashboard counts it)."""
    if not task.parent_id:
        return []
    return [party.label for party in task.parent.parties.all() if party.role == "lead"]


def lower_level_sheet(rows):
    """The lower-level tracking list, as filtered, annotated by LowerLevelCongressQuerySet.with_status."""
    columns = [
        Column(_("Unit"), 40),
        Column(_("Kind"), 28),
        Column(_("Must be held by"), 14),
        Column(_("Held on"), 14),
        Column(_("Status"), 16),
        Column(_("Congress in the app"), 40),
        Column(_("Notes"), 40),
    ]
    labels = dict(rows.model.Status.choices)

    def cells():
        for row in rows:
            yield [
                row.organization.name,
                row.get_kind_display(),
                row.due_date,
                row.held_date,
                labels.get(row.status, row.status),
                row.lower_congress.name if row.lower_congress_id else "",
                row.notes,
            ]

    return Sheet(_("Lower levels"), columns, cells())


def meeting_sheet(meetings):
    columns = [
        Column(_("Body"), 30),
        Column(_("Session number"), 10),
        Column(_("Title"), 50),
        Column(_("Starts at"), 18),
        Column(_("Place"), 30),
        Column(_("Chair"), 25),
        Column(_("Conclusions"), 12),
    ]

    def cells():
        for meeting in meetings:
            starts = timezone.localtime(meeting.starts_at).replace(tzinfo=None) if meeting.starts_at else None
            yield [
                meeting.subcommittee.name if meeting.subcommittee_id else _("Organising board"),
                meeting.number,
                meeting.title,
                starts,
                meeting.place,
                meeting.chair.full_name if meeting.chair_id else "",
                meeting.conclusion_count,
            ]

    return Sheet(_("Meetings"), columns, cells())
