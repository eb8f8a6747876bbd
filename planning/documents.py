"""planning's documents: the task schedule (standalone or as the plan's annex) and a board
meeting's notice and conclusions. See documents/layer.py for how a document kind works.
"""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.documents import CongressDocument, board_letter_defaults, board_name, board_series, earliest_date
from congress.models import Congress
from documents.blocks import Column, Content, GroupRow, Heading, Item, Paragraph, Row, Table, text_blocks
from documents.layer import DocumentKind, register
from documents.liststyle import item_text
from documents.vietnamese import join_words, month_year, short_date

from .forms_meetings import agenda_text, session_ordinal
from .models import Meeting, Task
from .selectors import party_prefetch

# The columns of seed 000, landscape.
SCHEDULE_COLUMNS = (
    Column("STT", 6, "center"),
    Column("NỘI DUNG CÔNG VIỆC", 44, "justify"),
    Column("Cơ quan chủ trì; triển khai thực hiện", 18, "center"),
    Column("Cơ quan phối hợp", 18, "center"),
    Column("Thời gian hoàn thành", 14, "center"),
)
# Tasks with no month: those the plan calls ongoing, then those whose deadline is not set yet.
ONGOING = "NHIỆM VỤ THƯỜNG XUYÊN:"
NO_DEADLINE = "NHIỆM VỤ CHƯA XÁC ĐỊNH THỜI HẠN:"


def schedule_tasks(congress):
    """Top-level tasks in the printed order with their parties and sub-items: four queries."""
    subitems = Task.objects.prefetch_related(party_prefetch()).order_by("number", "pk")
    return (
        Task.objects.filter(congress=congress, parent__isnull=True)
        .exclude(status=Task.Status.CANCELLED)
        .order_by(F("group_month").asc(nulls_last=True), "number", "pk")
        .prefetch_related(party_prefetch(), Prefetch("subitems", queryset=subitems))
    )


def month_row(month):
    """The group heading: a month, or (with no month) ongoing tasks or tasks not yet given a deadline."""
    if month == Task.DeadlineKind.ONGOING:
        return GroupRow(ONGOING)
    return GroupRow(f"THÁNG {month_year(month.month, month.year)}:" if month else NO_DEADLINE)


def _group(task):
    if task.group_month:
        return task.group_month
    return Task.DeadlineKind.ONGOING if task.deadline_kind == Task.DeadlineKind.ONGOING else None


def parties_text(task):
    leads = [party.label for party in task.parties.all() if party.role == "lead"]
    coordinators = [party.label for party in task.parties.all() if party.role != "lead"]
    return ", ".join(leads), "; ".join(coordinators)


def cell(text, *, dash=False):
    """A cell's lines; a sub-item's single line takes "- " as seed 000 prints it."""
    if not text:
        return []
    if dash and "\n" not in text.strip():
        return [Item("-", item_text(text))]
    return text_blocks(text)


def task_rows(task):
    """The task's row, then one row per sub-item (the first shares the task's row when it has no text)."""
    subitems = list(task.subitems.all())
    rows = []
    if task.content or not subitems:
        lead, coordinating = parties_text(task)
        rows.append(_row(str(task.number), task.content, lead, coordinating, task.deadline_phrase, dash=False))
    for subitem in subitems:
        lead, coordinating = parties_text(subitem)
        number = str(task.number) if not rows else ""
        many = len(subitems) > 1
        rows.append(_row(number, subitem.content, lead, coordinating, subitem.deadline_phrase, dash=many))
    return rows


def _row(number, content, lead, coordinating, deadline, *, dash):
    return Row(
        (
            [Paragraph(number, indent=False)] if number else [],
            cell(content, dash=dash),
            cell(lead, dash=dash),
            cell(coordinating, dash=dash),
            cell(deadline, dash=dash),
        )
    )


def schedule_table(tasks):
    dated = [task for task in tasks if task.group_month]
    ongoing = [task for task in tasks if not task.group_month and _group(task)]
    undated = [task for task in tasks if not _group(task)]
    rows, month = [], object()
    for task in [*dated, *ongoing, *undated]:
        if _group(task) != month:
            month = _group(task)
            rows.append(month_row(month))
        rows += task_rows(task)
    return Table(SCHEDULE_COLUMNS, rows)


def period_line(tasks):
    months = [task.group_month for task in tasks if task.group_month]
    if not months:
        return ""
    first, last = min(months), max(months)
    if first == last:
        return f"(Tháng {month_year(first.month, first.year)})"
    return f"(Từ tháng {month_year(first.month, first.year)} đến tháng {month_year(last.month, last.year)})"


@register
class Schedule(CongressDocument):
    key = "schedule"
    label = _("Task schedule")

    def series(self, owner):
        return board_series(owner)

    def defaults(self, owner):
        subject = f"Phân công và tiến trình thực hiện các nhiệm vụ trọng tâm chuẩn bị cho {owner.name}"
        return board_letter_defaults(owner, type_code="CTr", type_name="Chương trình", subject=subject)

    def content(self, owner, record):
        tasks = list(schedule_tasks(owner))
        return Content(body=[schedule_table(tasks)], landscape=True, subtitle=period_line(tasks), closing_mark=False)

    def as_annex(self, owner, record):
        annex = super().as_annex(owner, record)
        annex.title = (
            f"Chương trình, phân công và tiến trình thực hiện các nhiệm vụ trọng tâm chuẩn bị cho {owner.name}"
        )
        return annex


# Board meetings --------------------------------------------------------------------------------


def meeting_time(meeting):
    if not meeting.starts_at:
        return "sẽ thông báo sau"
    start = timezone.localtime(meeting.starts_at)
    return f"{start:%H} giờ {start:%M} ngày {short_date(start)}"


def chair_line(meeting):
    chair = meeting.chair
    return f"đồng chí {chair.title_line}" if chair else "đồng chí Trưởng ban Ban Tổ chức"


class MeetingDocument(DocumentKind):
    """A document of one board meeting; its scope is the congress."""

    owner_model = "planning.Meeting"

    def owners(self, scope):
        return list(scope.meetings.filter(subcommittee__isnull=True).order_by("number"))

    def find_owner(self, scope, owner_pk):
        meeting = get_object_or_404(
            Meeting.objects.select_related("chair"), congress=scope, subcommittee__isnull=True, pk=owner_pk
        )
        meeting.congress = scope
        return meeting

    def series(self, owner):
        return board_series(owner.congress)

    def earliest_date(self, owner):
        return earliest_date(owner.congress)

    def draft_year(self, owner):
        return timezone.localtime(owner.starts_at).year if owner.starts_at else owner.congress.year

    def filename(self, owner, record):
        return f"{self.key}-{owner.congress_id}-{owner.number}"


@register
class MeetingNotice(MeetingDocument):
    key = "meeting-notice"
    label = _("Meeting notice")

    def issue_problems(self, owner, record):
        missing = [
            label
            for label, value in (
                (_("the meeting's time"), owner.starts_at),
                (_("the meeting's place"), owner.place),
                (_("the meeting's chair"), owner.chair),
            )
            if not value
        ]
        if missing:
            return [
                _("The notice still says “sẽ thông báo sau” for %(missing)s: set them in the meeting first.")
                % {"missing": ", ".join(str(label) for label in missing)}
            ]
        return []

    def defaults(self, owner):
        subject = f"Về việc họp Ban Tổ chức {owner.congress.name} ({session_ordinal(owner.number)})"
        return board_letter_defaults(owner.congress, type_code="TB", type_name="Thông báo", subject=subject)

    def content(self, owner, record):
        congress = owner.congress
        participants = list(owner.participants.order_by("full_name"))
        body = [
            Paragraph(
                f"{board_name(congress)} tổ chức họp {session_ordinal(owner.number)} để triển khai các nhiệm vụ "
                f"chuẩn bị cho {congress.name}, cụ thể như sau:"
            ),
            Heading(2, f"1. Thời gian: {meeting_time(owner)}."),
            Heading(2, f"2. Địa điểm: {owner.place or 'sẽ thông báo sau'}."),
            Heading(2, "3. Thành phần:"),
            Item("-", f"Chủ trì: {chair_line(owner)};"),
        ]
        if participants:
            body += [Item("-", f"Đồng chí {person.title_line};") for person in participants if person != owner.chair]
        else:
            body.append(Item("-", "Các thành viên Ban Tổ chức và đại diện các Tiểu ban giúp việc;"))
        body.append(Heading(2, "4. Nội dung:"))
        body += text_blocks(agenda_text(owner.agenda.order_by("order", "pk")) or owner.title)
        body.append(
            Paragraph(
                "Đề nghị các thành viên Ban Tổ chức và đại biểu được mời bố trí thời gian tham dự đầy đủ, đúng giờ; "
                "các Tiểu ban chuẩn bị nội dung báo cáo theo chương trình họp."
            )
        )
        return Content(body=body)


@register
class MeetingConclusions(MeetingDocument):
    key = "meeting-conclusions"
    label = _("Meeting conclusions")

    def issue_problems(self, owner, record):
        if not owner.conclusions.exclude(text="").exists():
            return [_("The meeting has no conclusions yet: enter them before issuing the conclusions.")]
        return []

    def defaults(self, owner):
        subject = f"Kết luận tại {join_words('phiên họp', session_ordinal(owner.number).removeprefix('phiên '))}"
        subject += f" của Ban Tổ chức {owner.congress.name}"
        values = board_letter_defaults(owner.congress, type_code="TB", type_name="Thông báo", subject=subject)
        values["recipients"] += [["Các cơ quan, đơn vị có liên quan", ""]]
        return values

    def content(self, owner, record):
        congress = owner.congress
        when = f"Ngày {short_date(timezone.localdate(owner.starts_at))}" if owner.starts_at else "Vừa qua"
        place = f", tại {owner.place}" if owner.place else ""
        chair_name = owner.chair.full_name if owner.chair else "Trưởng ban"
        ordinal = session_ordinal(owner.number).removeprefix("phiên ")  # "phiên họp thứ nhất"
        body = [
            Paragraph(
                f"{when}{place}, {chair_line(owner)} chủ trì phiên họp {ordinal} của "
                f"{board_name(congress)}. Tham dự có các thành viên Ban Tổ chức, các Tiểu ban giúp việc và đại diện "
                "các cơ quan, đơn vị có liên quan."
            ),
            Paragraph(
                f"Sau khi nghe báo cáo và ý kiến của các thành viên dự họp, đồng chí {chair_name} kết luận như sau:"
            ),
        ]
        for number, conclusion in enumerate(owner.conclusions.order_by("order", "pk"), start=1):
            first, *rest = conclusion.text.strip().splitlines() or [""]
            body.append(Heading(2, f"{number}. {first.lstrip('-+ ')}"))
            body += text_blocks("\n".join(rest))
        body.append(
            Paragraph(
                "Ban Tổ chức thông báo để các thành viên Ban Tổ chức, các Tiểu ban và các cơ quan, đơn vị có liên "
                "quan biết, thực hiện."
            )
        )
        return Content(body=body)


# Demo --------------------------------------------------------------------------------------------

SEED_000_RECIPIENTS = [
    ["TT Tỉnh ủy, TT. HĐND tỉnh", "(để b/cáo)"],
    ["CT, các PCT UBND tỉnh", ""],
    ["Thành viên BTC ĐHTĐ yêu nước tỉnh", ""],
    ["Sở Nội vụ", ""],
]


def load_demo_documents(congress_name="Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"):
    """Seed 000's record of the schedule: its date, recipients and signature as printed; False if there."""
    import datetime

    from documents.layer import get_kind, record_for
    from documents.services import save_record

    congress = Congress.objects.filter(name=congress_name).first()
    if congress is None:
        return False
    kind = get_kind("schedule")
    record = record_for(kind, congress)
    if record.pk:
        return False
    record.date = datetime.date(2020, 7, 17)
    record.recipients = SEED_000_RECIPIENTS
    record.archive = "VT, VXNV. NVT"
    record.signer_collective = "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh lần thứ VII"
    save_record(record, by=None)
    return True


# The progress report lives in its own module; importing it here registers it with the layer.
from .progress_report import ProgressReport  # noqa: E402, F401
