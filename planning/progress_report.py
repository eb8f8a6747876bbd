"""The progress report (báo cáo tiến độ chuẩn bị Đại hội): where the preparation stands on the report's date.

What is done, in progress, not started and late, per sub-committee and per agency; each late task with the
reason its last progress update gave; the lower levels' congresses. The figures are as of the record's date
(today while the draft has none): a task finished after that day counts as not yet finished.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.documents import CongressDocument, board_letter_defaults, board_series
from documents.blocks import Column, Content, Heading, Item, Paragraph, Row, Table
from documents.layer import register
from documents.vietnamese import short_date

from .models import LowerLevelCongress, ProgressUpdate, Task
from .selectors import party_prefetch

DONE, IN_PROGRESS, NOT_STARTED, LATE = "done", "in_progress", "not_started", "late"
COUNT_COLUMNS = (
    Column("STT", 8, "center"),
    Column("Đơn vị chủ trì", 32, "left"),
    Column("Tổng số nhiệm vụ", 12, "center"),
    Column("Đã hoàn thành", 12, "center"),
    Column("Đang thực hiện", 12, "center"),
    Column("Chưa thực hiện", 12, "center"),
    Column("Chậm tiến độ", 12, "center"),
)
LATE_COLUMNS = (
    Column("STT", 8, "center"),
    Column("Nội dung công việc", 30, "justify"),
    Column("Cơ quan chủ trì", 17, "center"),
    Column("Thời hạn", 14, "center"),
    Column("Số ngày chậm", 10, "center"),
    Column("Lý do, tình hình thực hiện", 21, "justify"),
)


@dataclass
class Tally:
    name: str
    counts: dict = field(default_factory=lambda: {DONE: 0, IN_PROGRESS: 0, NOT_STARTED: 0, LATE: 0})

    @property
    def total(self):
        return sum(self.counts.values())


def state_on(task, day):
    """Where a task stood on the day: done (by then), late (its last day passed), in progress or not started;
    a task finished after the day was still in progress on it."""
    if task.status == Task.Status.DONE and task.completed_on and task.completed_on <= day:
        return DONE
    if task.due_date and task.due_date < day:
        return LATE
    return IN_PROGRESS if task.status in (Task.Status.IN_PROGRESS, Task.Status.DONE) else NOT_STARTED


def work_items(congress):
    """The tasks that are work to do: every task but cancelled ones and the parents that only group
    sub-items; a sub-item without lead parties answers through its parent's. Three queries."""
    tasks = list(
        Task.objects.filter(congress=congress)
        .exclude(status=Task.Status.CANCELLED)
        .select_related("parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"))
        .order_by("parent_id", "number", "pk")
    )
    parents = {task.parent_id for task in tasks if task.parent_id}
    return [task for task in tasks if task.pk not in parents]


def leads(task):
    parties = [party for party in task.parties.all() if party.role == "lead"]
    if not parties and task.parent_id:
        parties = [party for party in task.parent.parties.all() if party.role == "lead"]
    return parties


def tallies(items, day):
    """(per sub-committee, per agency, all): counts of each state, by name in first-seen order."""
    by_subcommittee, by_agency, overall = {}, {}, Tally("Tất cả nhiệm vụ của Đại hội")
    for task in items:
        state = state_on(task, day)
        overall.counts[state] += 1
        for party in leads(task):
            if party.subcommittee_id:
                by_subcommittee.setdefault(party.subcommittee.name, Tally(party.subcommittee.name)).counts[state] += 1
            elif party.organization_id:
                name = party.organization.name
                by_agency.setdefault(name, Tally(name)).counts[state] += 1
    ordered = sorted(by_agency.values(), key=lambda tally: (-tally.counts[LATE], tally.name))
    return list(by_subcommittee.values()), ordered, overall


def latest_updates(tasks, day):
    """Each task's last progress update posted by the end of the day: one query."""
    updates = ProgressUpdate.objects.filter(task__in=tasks, created_at__date__lte=day).order_by(
        "task_id", "-created_at"
    )
    latest = {}
    for update in updates.only("task_id", "text", "created_at"):
        latest.setdefault(update.task_id, update)
    return latest


def count_table(tallies_, overall):
    rows = []
    for number, tally in enumerate(tallies_, start=1):
        rows.append(_count_row(str(number), tally))
    rows.append(_count_row("", overall, bold=True))
    return Table(COUNT_COLUMNS, rows)


def _count_row(number, tally, *, bold=False):
    counts = tally.counts
    values = [tally.total, counts[DONE], counts[IN_PROGRESS], counts[NOT_STARTED], counts[LATE]]
    cells = [number, tally.name, *[str(value) for value in values]]
    return Row(tuple([Paragraph(cell, bold=bold, indent=False)] if cell else [] for cell in cells))


def late_table(late, updates, day):
    rows = []
    for number, task in enumerate(late, start=1):
        update = updates.get(task.pk)
        reason = f"{update.text} ({short_date(timezone.localdate(update.created_at))})" if update else "Chưa báo cáo"
        cells = (
            str(number),
            task.first_line(),
            ", ".join(party.label for party in leads(task)),
            task.deadline_phrase,
            str((day - task.due_date).days),
            reason,
        )
        rows.append(Row(tuple([Paragraph(cell, indent=False)] if cell else [] for cell in cells)))
    return Table(LATE_COLUMNS, rows)


def lower_level_blocks(congress, day):
    levels = congress.lower_levels.with_status(today=day)
    summary = levels.summary()
    if not summary["total"]:
        return [Paragraph("Không có Đại hội, Hội nghị cấp dưới phải tổ chức trước Đại hội.")]
    blocks = [
        Item("-", f"Tổng số đơn vị phải tổ chức Đại hội, Hội nghị: {summary['total']}."),
        Item("-", f"Đã tổ chức: {summary['held']} (trong đó chậm so với thời hạn: {summary['late']})."),
        Item("-", f"Quá thời hạn nhưng chưa tổ chức: {summary['overdue']}."),
        Item("-", f"Chưa đến thời hạn: {summary['upcoming']}."),
    ]
    overdue = levels.filter(status=LowerLevelCongress.Status.OVERDUE).select_related("organization")
    names = [f"{item.organization.name} (thời hạn {short_date(item.due_date)})" for item in overdue]
    if names:
        blocks.append(Paragraph("Các đơn vị quá thời hạn chưa tổ chức: " + "; ".join(names) + "."))
    return blocks


def report_day(record):
    return record.date or timezone.localdate()


@register
class ProgressReport(CongressDocument):
    key = "progress-report"
    label = _("Progress report")

    def series(self, owner):
        return board_series(owner)

    def defaults(self, owner):
        subject = f"Tiến độ chuẩn bị tổ chức {owner.name}"
        values = board_letter_defaults(owner, type_code="BC", type_name="Báo cáo", subject=subject)
        values["recipients"] = [
            ["Thường trực Hội đồng Thi đua - Khen thưởng", "(để báo cáo)"],
            ["Thành viên Ban Tổ chức", ""],
            ["Các Tiểu ban giúp việc Ban Tổ chức", ""],
        ]
        return values

    def content(self, owner, record):
        day = report_day(record)
        items = work_items(owner)
        by_subcommittee, by_agency, overall = tallies(items, day)
        late = sorted((task for task in items if state_on(task, day) == LATE), key=lambda task: task.due_date)
        counts = overall.counts
        body = [
            Paragraph(
                f"{record.issuing_body or 'Ban Tổ chức'} báo cáo tiến độ chuẩn bị tổ chức {owner.name}, "
                f"số liệu tính đến ngày {short_date(day)}, như sau:"
            ),
            Heading(1, "Tình hình chung"),
            Paragraph(
                f"Tổng số nhiệm vụ: {overall.total}; đã hoàn thành: {counts[DONE]}; đang thực hiện: "
                f"{counts[IN_PROGRESS]}; chưa thực hiện: {counts[NOT_STARTED]}; chậm tiến độ: {counts[LATE]}."
            ),
            Heading(1, "Tiến độ theo Tiểu ban"),
            count_table(by_subcommittee, overall) if by_subcommittee else Paragraph("Chưa phân công Tiểu ban."),
            Heading(1, "Tiến độ theo cơ quan, đơn vị chủ trì"),
            count_table(by_agency, overall) if by_agency else Paragraph("Chưa phân công cơ quan, đơn vị chủ trì."),
            Heading(1, "Các nhiệm vụ chậm tiến độ"),
        ]
        if late:
            body.append(late_table(late, latest_updates(late, day), day))
        else:
            body.append(Paragraph("Không có nhiệm vụ chậm tiến độ."))
        body += [Heading(1, "Tình hình tổ chức Đại hội, Hội nghị cấp dưới"), *lower_level_blocks(owner, day)]
        body.append(
            Paragraph(
                "Đề nghị các cơ quan, đơn vị có nhiệm vụ chậm tiến độ khẩn trương triển khai thực hiện và báo cáo "
                "kết quả về Ban Tổ chức."
            )
        )
        return Content(body=body, landscape=False)
