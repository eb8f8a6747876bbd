"""The live demo congress: dates set relative to the day the demo is loaded.

The seed congresses keep their 2020 dates, so on any later day their dashboards are red and no
reminder is due. This one is in the middle of its preparation on the day `load_demo` runs: the
board was founded about two months ago, the congress is about six weeks ahead, some tasks are
done, some overdue, some due this week and some later; one board meeting was held and one is
coming; lower levels have held theirs or not; dossiers stand at several steps; and the day's
reminder digests are in the outbox. Every demo login has work in it: see LIVE_WORK.

The trade union's conference of the same year leads to it, so that `congdoan` has work too.
Loading again changes nothing: the congresses are found by name (the year is that of the day
the demo was first loaded).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from awards import services as award_services
from awards.models import AwardRecord, AwardType, CouncilMember, CouncilSession, Nomination, NominationRound
from congress.models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)
from planning.models import AgendaItem, LowerLevelCongress, Meeting, ProgressUpdate, Task, TaskParty
from reminders import digests, planner
from reminders.models import ReminderPolicy
from reminders.workdays import is_working_day

from .awards import COUNCIL, HISTORY, blank_pdf
from .congresses import BOARDS, ORGANIZATIONS, PEOPLE, SUBCOMMITTEES

R = CongressRole.Role
Status = Task.Status
LEAD, COORD = TaskParty.Role.LEAD, TaskParty.Role.COORDINATING
PROVINCE_NAME = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII - năm {year}"
UNION_NAME = (
    "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận lần thứ VIII - năm {year}"
)
ALL_UNITS = "Các cơ quan, đơn vị, địa phương"
CONTENT, PROPAGANDA, LOGISTICS = "Tiểu ban Nội dung", "Tiểu ban Tuyên truyền", "Tiểu ban Phục vụ"

# What each demo login finds in the live demo (the tests check each of them).
LIVE_WORK = {
    "vanphong": "secretariat: every task, the outbox, the dossiers to appraise",
    "bantochuc": "board member: the report film (Tiểu ban Tuyên truyền) assigned to them",
    "tieuban": "head of Tiểu ban Nội dung: the report, the speeches, the presidium list",
    "sonoivu": "focal point of Sở Nội vụ: the figures, the honours list, two dossiers",
    "xem": "member of Tiểu ban Nội dung, viewer of the congress: the speeches",
    "congdoan": "secretariat of the union's conference: its three tasks",
    "hoidong": "council member: the dossiers before the council; the honours list",
    "admin": "everything; the budget task",
}

# (number, content, [(role, party)], days from today to the deadline (None: the congress's
# day minus the days in the last field), status, assignee person keys, [sub-items]).
# A party is an organisation key of the demo directory, a sub-committee name, or a phrase.
TASKS = [
    (1, "Thành lập Ban Tổ chức và các Tiểu ban giúp việc Ban Tổ chức Đại hội.", [(LEAD, "snv")], -58, "done", ["thu"]),
    (
        2,
        "Tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch tổ chức Đại hội.",
        [(LEAD, "snv"), (COORD, "vpub")],
        -50,
        "done",
        ["thu"],
    ),
    (
        3,
        "Hướng dẫn các cơ quan, đơn vị, địa phương tổ chức Đại hội thi đua yêu nước hoặc Hội nghị điển hình "
        "tiên tiến cấp mình.",
        [(LEAD, "snv"), (COORD, ALL_UNITS)],
        -40,
        "done",
        ["huy"],
    ),
    (
        4,
        "Xây dựng dự thảo Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng giai đoạn "
        "2021-2025; phương hướng, nhiệm vụ giai đoạn 2026-2030.",
        [(LEAD, CONTENT), (COORD, "snv")],
        None,
        "in_progress",
        ["ha", "thu"],
        [
            ("Tổng hợp số liệu khen thưởng 5 năm của các cơ quan, đơn vị, địa phương.", "snv", -6, "in_progress"),
            ("Trình Ban Tổ chức cho ý kiến dự thảo Báo cáo.", CONTENT, 4, "not_started"),
        ],
    ),
    (
        5,
        "Xây dựng phóng sự về phong trào thi đua yêu nước và gương điển hình tiên tiến 05 năm (2021-2025).",
        [(LEAD, PROPAGANDA), (COORD, "dai")],
        2,
        "in_progress",
        ["oanh", "nghia"],
    ),
    (
        6,
        "Dự thảo diễn văn khai mạc, bế mạc và chương trình phát động phong trào thi đua giai đoạn 2026-2030.",
        [(LEAD, CONTENT)],
        0,
        "not_started",
        ["ha", "hanh"],
    ),
    (
        7,
        "Tổng hợp, thẩm định và trình danh sách đề nghị khen thưởng tại Đại hội.",
        [(LEAD, "snv"), (COORD, "hdtdkt")],
        12,
        "in_progress",
        ["huy", "binh"],
    ),
    (
        8,
        "Lập dự toán kinh phí tổ chức Đại hội; in ấn tài liệu phục vụ Đại hội.",
        [(LEAD, LOGISTICS), (COORD, "vpub")],
        9,
        "not_started",
        ["quang", "khoa"],
    ),
    (
        9,
        "Đề xuất danh sách thành phần Đoàn Chủ tịch, Thư ký Đại hội.",
        [(LEAD, CONTENT)],
        "10 before",
        "not_started",
        ["ha"],
    ),
    (
        10,
        "Tuyên truyền trực quan: pano, băng rôn, cờ phướn trên các tuyến đường chính.",
        [(LEAD, PROPAGANDA), (COORD, "svhttdl")],
        "7 before",
        "not_started",
        ["oanh"],
    ),
    (
        11,
        "Trang trí Hội trường, bố trí chỗ ngồi đại biểu; đảm bảo an ninh trật tự trong thời gian Đại hội.",
        [(LEAD, LOGISTICS), (COORD, "hcqt")],
        "2 before",
        "not_started",
        ["minh"],
    ),
    (
        12,
        "Báo cáo kết quả tổ chức Đại hội thi đua yêu nước cấp cơ sở về Ban Tổ chức (qua Sở Nội vụ).",
        [(LEAD, ALL_UNITS), (COORD, "snv")],
        -3,
        "not_started",
        [],
    ),
]

UNION_TASKS = [
    (1, "Ban hành Kế hoạch tổ chức Hội nghị.", [(LEAD, "ldld_ctcs")], -30, "done", ["lan"]),
    (
        2,
        "Tổng hợp danh sách điển hình tiên tiến được biểu dương tại Hội nghị.",
        [(LEAD, "ldld_ctcs"), (COORD, "ldld_vp")],
        -4,
        "in_progress",
        ["lan", "hoa"],
    ),
    (3, "Phát hành Giấy mời đại biểu dự Hội nghị.", [(LEAD, "ldld_vp")], 3, "not_started", ["anh", "lan"]),
]

# (organisation key, kind, days from today it must be held by, days ago it was held or None, notes).
LOWER_LEVELS = [
    ("hnd", Congress.Kind.CONGRESS, -20, 24, ""),
    ("ubnd_ninh_hai", Congress.Kind.CONGRESS, -14, 12, "Tổ chức sau thời hạn do trùng lịch họp Hội đồng nhân dân."),
    ("svhttdl", Congress.Kind.CONGRESS, 6, None, "Đại hội điểm."),
    ("ubnd_prtc", Congress.Kind.CONGRESS, -5, None, ""),
    ("ubnd_ninh_phuoc", Congress.Kind.CONGRESS, 10, None, ""),
]


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def working_day_on_or_before(day):
    while not is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def working_day_on_or_after(day):
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


class LiveDemo:
    """Writes the live congresses for `today`; see the module's docstring."""

    def __init__(self, today):
        self.today = today
        # The day the reminders are planned for: today, or the last working day before a weekend.
        self.work_day = working_day_on_or_before(today)
        self.congress_day = working_day_on_or_after(today + datetime.timedelta(days=42))
        self.union_day = working_day_on_or_after(today + datetime.timedelta(days=24))
        self.year = self.congress_day.year
        self.orgs = self._by_key({row[0]: row[2] for row in ORGANIZATIONS}, Organization, "name")
        self.people = self._by_key({row[0]: row[1] for row in PEOPLE}, Person, "full_name")
        self.users = {user.username: user for user in get_user_model().objects.all()}

    @staticmethod
    def _by_key(names, model, field):
        """The demo directory's rows by their keys in demo.congresses."""
        found = {getattr(obj, field): obj for obj in model.objects.filter(**{f"{field}__in": names.values()})}
        return {key: found[name] for key, name in names.items() if name in found}

    def day(self, offset):
        """A deadline: days from today, or "N before" the congress's day."""
        if isinstance(offset, str):
            return self.congress_day - datetime.timedelta(days=int(offset.split()[0]))
        return self.today + datetime.timedelta(days=offset)

    def load(self):
        province = self.congress(
            PROVINCE_NAME.format(year=self.year),
            kind=Congress.Kind.CONGRESS,
            host="ubnd",
            day=self.congress_day,
            place="Hội trường Trung tâm Hội nghị tỉnh",
        )
        self.board(province, "vii", "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII", 60)
        subcommittees = self.subcommittees(province)
        self.roles(
            province,
            [
                ("vanphong", R.SECRETARIAT, {}),
                ("bantochuc", R.BOARD_MEMBER, {}),
                ("tieuban", R.SUBCOMMITTEE_HEAD, {"subcommittee": subcommittees[CONTENT]}),
                ("sonoivu", R.FOCAL_POINT, {"organization": self.orgs["snv"]}),
                ("xem", R.VIEWER, {}),
                ("hoidong", R.COUNCIL_MEMBER, {}),
            ],
        )
        ReminderPolicy.objects.get_or_create(congress=province)
        self.tasks(province, TASKS, subcommittees)
        self.meetings(province)
        union = self.congress(
            UNION_NAME.format(year=self.year),
            kind=Congress.Kind.ADVANCED_MODELS,
            host="ldld",
            day=self.union_day,
            place="Hội trường Liên đoàn Lao động tỉnh",
            parent=province,
            area_name="trong công nhân, viên chức, lao động tỉnh Ninh Thuận",
        )
        self.board(
            union, "union", "Ban Tổ chức Hội nghị điển hình tiên tiến trong CNVCLĐ tỉnh Ninh Thuận lần thứ VIII", 45
        )
        self.roles(union, [("congdoan", R.SECRETARIAT, {})])
        ReminderPolicy.objects.get_or_create(congress=union)
        self.tasks(union, UNION_TASKS, {})
        self.lower_levels(province, union)
        self.dossiers(province)
        return province

    def congress(self, name, *, kind, host, day, place, parent=None, area_name="tỉnh Ninh Thuận"):
        congress = Congress.objects.create(
            name=name,
            kind=kind,
            level=Congress.Level.PROVINCE,
            edition=8,
            year=self.year,
            area_name=area_name,
            host=self.orgs[host],
            parent=parent,
            review_period=f"{self.year - 5}-{self.year - 1}" if self.year > 2025 else "2021-2025",
            next_period=f"{self.year}-{self.year + 4}" if self.year > 2025 else "2026-2030",
            status=Congress.Status.PREPARING,
        )
        CongressSession.objects.create(
            congress=congress,
            name="Phiên chính thức",
            timing=CongressSession.Timing.EXACT,
            starts_at=at(day, 7, 30),
            ends_at=at(day, 11, 30),
            place=place,
        )
        return congress

    def board(self, congress, seed_key, name, founded_days_ago):
        board = OrganizingBoard.objects.create(
            congress=congress,
            name=name,
            founding_decision=f"Quyết định số {100 + founded_days_ago}/QĐ-UBND",
            founded_on=self.today - datetime.timedelta(days=founded_days_ago),
        )
        for order, (person_key, role, position_text, duties) in enumerate(BOARDS[seed_key][1], start=1):
            BoardMember.objects.create(
                board=board,
                person=self.people[person_key],
                role=role,
                order=order,
                position_text=position_text,
                duties=duties,
            )

    def subcommittees(self, congress):
        made = {}
        for order, (kind, name, duties, members) in enumerate(SUBCOMMITTEES, start=1):
            made[name] = Subcommittee.objects.create(
                congress=congress, name=name, kind=kind, duties=duties.replace("2016-2020", "2021-2025"), order=order
            )
            for member_order, (person_key, role) in enumerate(members, start=1):
                SubcommitteeMember.objects.create(
                    subcommittee=made[name], person=self.people[person_key], role=role, order=member_order
                )
        return made

    def roles(self, congress, roles):
        for username, role, extra in roles:
            if username in self.users:
                CongressRole.objects.create(congress=congress, user=self.users[username], role=role, **extra)

    def party(self, task, role, order, name, subcommittees):
        if name in subcommittees:
            return TaskParty(task=task, role=role, order=order, subcommittee=subcommittees[name], phrase=name)
        if name in self.orgs:
            organization = self.orgs[name]
            return TaskParty(task=task, role=role, order=order, organization=organization, phrase=organization.name)
        return TaskParty(task=task, role=role, order=order, phrase=name)

    def task(self, congress, number, content, offset, status, parent=None):
        due = self.day(offset) if offset is not None else None
        task = Task(congress=congress, number=number, content=content, parent=parent, status=status)
        # "Trước ngày X" is due the day before X.
        task.set_deadline(f"Trước ngày {due + datetime.timedelta(days=1):%d/%m/%Y}" if due else "")
        if status == Status.DONE:
            task.completed_on = due - datetime.timedelta(days=1)
        task.save()
        return task

    def tasks(self, congress, rows, subcommittees):
        author = self.users.get("vanphong")
        for number, content, parties, offset, status, assignees, *rest in rows:
            subitems = rest[0] if rest else []
            task = self.task(congress, number, content, offset, status)
            TaskParty.objects.bulk_create(
                self.party(task, role, order, name, subcommittees) for order, (role, name) in enumerate(parties, 1)
            )
            task.assignees.set([self.people[key] for key in assignees if key in self.people])
            for sub_number, (sub_content, lead, sub_offset, sub_status) in enumerate(subitems, start=1):
                subitem = self.task(congress, sub_number, sub_content, sub_offset, sub_status, parent=task)
                self.party(subitem, LEAD, 1, lead, subcommittees).save()
            if subitems:
                task.save()  # the parent takes its sub-items' latest date
            if status == Status.IN_PROGRESS and author is not None:
                ProgressUpdate.objects.create(
                    task=task,
                    author=author,
                    text="Đã triển khai; đang tổng hợp ý kiến của các cơ quan, đơn vị.",
                    new_status=Status.IN_PROGRESS,
                )

    def meetings(self, congress):
        participants = [self.people[key] for key, *_ in BOARDS["vii"][1]]
        held = Meeting.objects.create(
            congress=congress,
            number=1,
            title="Họp Ban Tổ chức Đại hội (phiên thứ nhất)",
            starts_at=at(working_day_on_or_after(self.today - datetime.timedelta(days=55)), 8),
            place="Phòng họp số 1, Văn phòng Ủy ban nhân dân tỉnh",
            minutes="Ban Tổ chức thống nhất Kế hoạch tổ chức Đại hội và phân công nhiệm vụ cho các Tiểu ban.",
        )
        coming = Meeting.objects.create(
            congress=congress,
            number=2,
            title="Họp Ban Tổ chức Đại hội (phiên thứ hai)",
            starts_at=at(working_day_on_or_after(self.work_day + datetime.timedelta(days=1)), 14),
            place="Phòng họp số 1, Văn phòng Ủy ban nhân dân tỉnh",
        )
        for meeting, items in (
            (held, ["Công bố Quyết định thành lập Ban Tổ chức và các Tiểu ban.", "Phân công nhiệm vụ."]),
            (coming, ["Các Tiểu ban báo cáo tiến độ.", "Cho ý kiến dự thảo Báo cáo tổng kết."]),
        ):
            meeting.participants.set(participants)
            AgendaItem.objects.bulk_create(
                AgendaItem(meeting=meeting, order=order, text=text) for order, text in enumerate(items, start=1)
            )

    def lower_levels(self, province, union):
        for org_key, kind, due_offset, held_days_ago, notes in LOWER_LEVELS:
            if org_key not in self.orgs:
                continue
            LowerLevelCongress.objects.create(
                congress=province,
                organization=self.orgs[org_key],
                kind=kind,
                due_date=self.day(due_offset),
                held_on=self.today - datetime.timedelta(days=held_days_ago) if held_days_ago else None,
                notes=notes,
            )
        LowerLevelCongress.objects.create(
            congress=province,
            organization=self.orgs["ldld"],
            kind=Congress.Kind.ADVANCED_MODELS,
            due_date=self.union_day,
            lower_congress=union,
        )

    def dossiers(self, congress):
        office, focal = self.users.get("vanphong"), self.users.get("sonoivu")
        if office is None or focal is None:
            return
        for order, (name, role) in enumerate(COUNCIL, start=1):
            CouncilMember.objects.create(
                congress=congress, person=Person.objects.get(full_name=name), role=role, order=order
            )
        nomination_round = NominationRound.objects.create(
            congress=congress,
            name=f"Khen thưởng tại Đại hội Thi đua yêu nước tỉnh lần thứ VIII ({congress.review_period})",
            year=self.year,
            deadline=self.today + datetime.timedelta(days=10),
        )
        nomination_round.award_types.set(
            AwardType.objects.filter(code__in=["cstd_tinh", "bk_tinh_ca_nhan", "bk_tinh_tap_the"])
        )
        self.history()
        snv, vh, dai = self.orgs["snv"], self.orgs["svhttdl"], self.orgs["dai"]
        self.dossier(nomination_round, "cstd_tinh", snv, focal, person=self.people["huy"])
        submitted = self.dossier(nomination_round, "bk_tinh_ca_nhan", snv, focal, person=self.people["thu"])
        award_services.submit(submitted, by=focal)
        returned = self.dossier(nomination_round, "cstd_tinh", vh, office, person=self.people["oanh"])
        award_services.submit(returned, by=office)
        award_services.return_for_revision(returned, by=office, comment="Bổ sung biên bản họp Hội đồng TĐKT của Sở.")
        before_council = [
            self.dossier(nomination_round, "bk_tinh_ca_nhan", self.orgs["skhdt"], office, person=self.people["loc"]),
            self.dossier(nomination_round, "bk_tinh_tap_the", self.orgs["ubnd"], office, organization=dai),
            self.dossier(nomination_round, "bk_tinh_tap_the", self.orgs["ubnd"], office, organization=vh),
        ]
        for nomination in before_council:
            award_services.submit(nomination, by=office)
            award_services.accept(nomination, by=office)
        session = award_services.open_session(
            CouncilSession(
                round=nomination_round,
                number=1,
                held_at=at(working_day_on_or_after(self.today + datetime.timedelta(days=5)), 8),
                place="Phòng họp số 1, Sở Nội vụ",
            )
        )
        award_services.add_to_session(session, before_council[:2], by=office)

    def history(self):
        """The seed's award history moved on to the years before the live congress."""
        shift = self.year - 1 - 2020
        types = {award_type.code: award_type for award_type in AwardType.objects.all()}
        units = {unit.short_name: unit for unit in Organization.objects.exclude(short_name="")}
        people = {person.full_name: person for person in Person.objects.all()}
        for holder, code, years in HISTORY:
            holder_field = {"person": people[holder]} if holder in people else {"organization": units[holder]}
            for year in years:
                AwardRecord.objects.get_or_create(
                    **holder_field,
                    award_type=types[code],
                    year=year + shift,
                    defaults={"decision": f"Quyết định năm {year + shift}"},
                )

    def dossier(self, nomination_round, code, proposer, by, **nominee):
        nomination = Nomination(
            round=nomination_round,
            award_type=AwardType.objects.get(code=code),
            proposing_organization=proposer,
            year_from=self.year - 5,
            year_to=self.year - 1,
            achievements="Hoàn thành xuất sắc nhiệm vụ được giao 05 năm liên tục; có sáng kiến được công nhận.",
            **nominee,
        )
        award_services.save_nomination(nomination, by=by)
        for requirement in nomination.award_type.documents.filter(mandatory=True):
            upload = ContentFile(blank_pdf(), name=f"{requirement.template_code or 'tai-lieu'}-{nomination.pk}.pdf")
            upload.content_type = "application/pdf"
            award_services.attach_file(nomination, requirement=requirement, upload=upload, by=by)
        return nomination

    def remind(self):
        """Plan and queue the reminders of the working day, so the outbox holds its digests."""
        digest_at = at(self.work_day, 7, 30)
        now = max(timezone.now(), digest_at) if self.work_day == timezone.localdate() else digest_at
        planner.plan_day(now)
        return digests.compose(now)


def live_congress():
    return Congress.objects.filter(name__startswith=PROVINCE_NAME.split("{")[0]).first()


def load_live(today=None):
    """Write the live demo congress for `today` (the local date by default); False if there."""
    if live_congress() is not None:
        return False
    live = LiveDemo(today or timezone.localdate())
    with transaction.atomic():
        live.load()
    try:
        with transaction.atomic():
            live.remind()
    except (OSError, OperationalError):
        # The digests are saved before they are handed to the broker; when no broker is
        # reachable now, the periodic job hands over what was never picked up.
        pass
    return True
