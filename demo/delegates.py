"""Seed 003's conference, its delegates: 140 seats (35 guests + 105 official), the quotas the
standing committee allocates to the subordinate unions, the composition rules of the plan as
targets, a presidium of five, the programme of the plan, and registered delegates.

The seed gives the seats, the presidium's make-up, the programme lines and the qualitative
composition rules ("hợp lý về cơ cấu ngành, lĩnh vực, đại biểu nữ, đại biểu trẻ tuổi; ưu tiên
… không giữ vị trí lãnh đạo, quản lý, công nhân trực tiếp sản xuất"). The quota split, the
target figures, the programme times and the delegates' names are invented for the demo.
Loading twice changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from congress.models import Congress, CongressRole, CongressSession, Organization, Person
from delegates.models import (
    AgendaItem,
    Allocation,
    CheckIn,
    CompositionTarget,
    Delegate,
    PanelMember,
    Presentation,
    SessionParticipant,
    UnitEvent,
    UnitQuota,
)

from .congresses import DEMO_PASSWORD
from .congresses import load_demo as load_congress_demo

CONGRESS_NAME = (
    "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận lần thứ VII - năm 2020"
)
HOST = "Liên đoàn Lao động tỉnh Ninh Thuận"

# (organisation name, seats, how far its list is): 105 official seats.
QUOTAS = [
    ("Liên đoàn Lao động thành phố Phan Rang - Tháp Chàm", 15, "accepted"),
    ("Liên đoàn Lao động huyện Ninh Hải", 9, "submitted"),
    ("Liên đoàn Lao động huyện Ninh Phước", 9, "submitted"),
    ("Liên đoàn Lao động huyện Ninh Sơn", 9, "returned"),
    ("Liên đoàn Lao động huyện Bác Ái", 9, "draft"),
    ("Liên đoàn Lao động huyện Thuận Bắc", 9, "draft"),
    ("Liên đoàn Lao động huyện Thuận Nam", 9, "empty"),
    ("Công đoàn Viên chức tỉnh", 18, "accepted"),
    ("Công đoàn Các Khu công nghiệp tỉnh", 18, "draft"),
]

TARGETS = [
    ("women", "", 30, None),
    ("young", "", 15, None),
    ("non_leader", "", 40, None),
    ("sector", "worker", 30, None),
    ("ethnic_minority", "", None, 5),
]

PROGRAMME = [
    ("07:30", "Văn nghệ chào mừng.", ""),
    ("08:00", "Chào cờ.", ""),
    ("08:05", "Tuyên bố lý do, giới thiệu đại biểu.", "Ban Tổ chức"),
    ("08:10", "Giới thiệu Đoàn Chủ tịch và Thư ký Hội nghị.", "Ban Tổ chức"),
    ("08:15", "Phát biểu khai mạc.", "Đồng chí Chủ tịch LĐLĐ tỉnh"),
    (
        "08:25",
        "Báo cáo tổng kết phong trào thi đua yêu nước giai đoạn 2016 - 2020, phương hướng, nhiệm vụ giai đoạn "
        "2021 - 2025.",
        "Đồng chí Phó Chủ tịch LĐLĐ tỉnh",
    ),
    ("08:50", "Phóng sự về phong trào thi đua yêu nước 5 năm (2016-2020).", ""),
    ("09:05", "Báo cáo tham luận của các tập thể, cá nhân điển hình tiên tiến.", "Công đoàn Viên chức tỉnh"),
    ("09:35", "Phát biểu của lãnh đạo Tổng Liên đoàn.", ""),
    ("09:45", "Phát biểu của lãnh đạo tỉnh.", ""),
    ("09:55", "Giải lao.", ""),
    ("10:10", "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến tiêu biểu.", "Đoàn Chủ tịch"),
    ("10:40", "Phát động phong trào thi đua yêu nước giai đoạn 2021-2025.", "Đồng chí Chủ tịch LĐLĐ tỉnh"),
    ("10:50", "Phát biểu hưởng ứng phong trào thi đua yêu nước.", ""),
    (
        "11:00",
        "Thông qua danh sách đại biểu đi dự Đại hội thi đua yêu nước tỉnh Ninh Thuận và Đại hội thi đua yêu nước "
        "trong CNVCLĐ toàn quốc lần thứ X.",
        "Đoàn Chủ tịch",
    ),
    ("11:15", "Tổng kết, bế mạc.", "Đoàn Chủ tịch"),
    ("11:25", "Chào cờ bế mạc.", ""),
]

PARTICIPANTS = [
    "Đại diện lãnh đạo Tổng Liên đoàn, Ban Chính sách Kinh tế Xã hội và Thi đua – Khen thưởng Tổng Liên đoàn",
    "Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh, đại diện lãnh đạo UBND tỉnh",
    "Lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Ban Dân vận Tỉnh ủy, các Đoàn thể tỉnh, Sở Nội vụ",
    "Các đồng chí nguyên Chủ tịch, Phó Chủ tịch LĐLĐ tỉnh qua các thời kỳ",
    "Ủy viên Ban Thường vụ LĐLĐ tỉnh; đại biểu chính thức do các công đoàn cấp trên trực tiếp cơ sở lựa chọn",
]

# The presidium of five of the plan: (name, position, workplace, guest?).
PRESIDIUM = [
    ("Trần Văn Đông", "Chủ tịch LĐLĐ tỉnh, Chủ tịch Hội đồng Thi đua - Khen thưởng LĐLĐ tỉnh", HOST, False),
    ("Nguyễn Văn Phúc", "Bí thư Chi bộ - Thủ trưởng các cơ quan", HOST, False),
    ("Phạm Thị Thanh Hương", "Chủ tịch LĐLĐ thành phố", "LĐLĐ thành phố Phan Rang - Tháp Chàm", False),
    ("Lê Quang Huy", "Chủ tịch Công đoàn Viên chức tỉnh", "Công đoàn Viên chức tỉnh", False),
    ("Đạo Thị Hồng", "Công nhân, điển hình tiên tiến", "Công ty TNHH may Ninh Thuận", False),
]
SECRETARIAT = [("Thiên Thị Ngọc Lan", "Chuyên viên Ban Công tác cơ sở", HOST), ("Võ Minh Trí", "Chuyên viên", HOST)]

GUEST_ROLES = [
    "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam",
    "Trưởng Ban Chính sách Kinh tế Xã hội và Thi đua – Khen thưởng Tổng Liên đoàn",
    "Phó Bí thư Thường trực Tỉnh ủy",
    "Phó Chủ tịch Hội đồng nhân dân tỉnh",
    "Phó Chủ tịch UBND tỉnh",
    "Phó Trưởng Đoàn đại biểu Quốc hội tỉnh",
    "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    "Phó Trưởng Ban Dân vận Tỉnh ủy",
    "Giám đốc Sở Nội vụ",
    "Trưởng phòng Quản lý nhân sự, Sở Nội vụ",
    "Anh hùng Lao động",
    "Nguyên Chủ tịch LĐLĐ tỉnh",
    "Nguyên Phó Chủ tịch LĐLĐ tỉnh",
]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thanh"]
MIDDLE_F = ["Thị", "Thị Thu", "Thị Ngọc", "Thị Kim", "Thị Mỹ", "Thị Thanh"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khang", "Long", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Tùng"]
GIVEN_F = ["Anh", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Oanh", "Phương", "Thảo"]
CHAM_FAMILY = ["Đạo", "Thiên", "Châu", "Quảng", "Trượng"]
POSITIONS = [
    ("Công nhân", "worker", False),
    ("Công nhân kỹ thuật", "worker", False),
    ("Giáo viên", "public_servant", False),
    ("Điều dưỡng", "public_servant", False),
    ("Chủ tịch Công đoàn cơ sở", "union_officer", True),
    ("Kỹ sư", "intellectual", False),
    ("Chuyên viên", "public_servant", False),
    ("Giám đốc doanh nghiệp", "entrepreneur", True),
]


def demo_name(number, female, cham=False):
    family = (CHAM_FAMILY if cham else FAMILY)[number % (5 if cham else len(FAMILY))]
    middle = (MIDDLE_F if female else MIDDLE_M)[(number // 3) % 6]
    given = (GIVEN_F if female else GIVEN_M)[(number * 7) % 14]
    return f"{family} {middle} {given}"


def unit_delegates(quota, number_from, count, *, women_every):
    """count delegates for the unit; one in `women_every` is a woman (3: a third, 6: too few)."""
    rows = []
    for offset in range(count):
        number = number_from + offset
        female = offset % women_every == 0
        cham = number % 11 == 0
        position, sector, leader = POSITIONS[number % len(POSITIONS)]
        rows.append(
            Delegate(
                congress=quota.congress,
                quota=quota,
                kind=Delegate.Kind.OFFICIAL,
                full_name=demo_name(number, female, cham),
                gender="female" if female else "male",
                birth_year=1970 + (number * 5) % 28,
                ethnicity="Chăm" if cham else "Kinh",
                position=position,
                workplace=quota.organization.name,
                sector=sector,
                is_leader=leader,
                is_emulation_fighter=number % 9 == 0,
                achievements="Lao động sáng tạo của Tổng LĐLĐ Việt Nam" if number % 5 == 0 else "",
            )
        )
    return rows


def load(stdout=None):
    """Load the delegates of seed 003's conference; False if they are there already."""
    say = stdout.write if stdout else (lambda text: None)
    if not Congress.objects.filter(name=CONGRESS_NAME).exists():
        load_congress_demo()
    congress = Congress.objects.get(name=CONGRESS_NAME)
    if Allocation.objects.filter(congress=congress).exists():
        say("Dữ liệu đại biểu của Hội nghị điển hình tiên tiến đã có sẵn, không nạp lại.")
        return False
    with transaction.atomic():
        load_allocation(congress)
        quotas = load_quotas(congress)
        load_delegates(congress, quotas)
        session = load_session(congress)
        load_focal_point(congress)
    say(
        f"Đã nạp {congress.delegates.count()} đại biểu, {len(quotas)} đơn vị được phân bổ, "
        "Đoàn Chủ tịch 05 người và chương trình Hội nghị."
    )
    return session


def load_allocation(congress):
    Allocation.objects.create(
        congress=congress,
        total=140,
        guests=35,
        official=105,
        young_age_limit=35,
        registration_deadline=datetime.date(2020, 6, 30),
    )
    for order, (criterion, sector, percent, count) in enumerate(TARGETS, start=1):
        CompositionTarget.objects.create(
            congress=congress, criterion=criterion, sector=sector, min_percent=percent, min_count=count, order=order
        )


def load_quotas(congress):
    quotas = []
    for order, (name, seats, state) in enumerate(QUOTAS, start=1):
        organization = Organization.objects.filter(name=name).first()
        if organization is None:
            organization = Organization.objects.create(name=name, kind=Organization.Kind.UNION)
        quota = UnitQuota.objects.create(congress=congress, organization=organization, seats=seats, order=order)
        quota.demo_state = state
        quotas.append(quota)
    return quotas


def load_delegates(congress, quotas):
    rows, number = [], 0
    for index, role in enumerate(GUEST_ROLES * 3):
        if len(rows) >= 30:
            break
        female = index % 4 == 1
        rows.append(
            Delegate(
                congress=congress,
                kind=Delegate.Kind.GUEST,
                full_name=demo_name(200 + index, female),
                gender="female" if female else "male",
                birth_year=1960 + index % 15,
                position=role,
                is_leader=True,
                is_hero=role == "Anh hùng Lao động",
                delegation="Khách mời",
            )
        )
    host_quota = next(quota for quota in quotas if quota.organization.name == "Công đoàn Viên chức tỉnh")
    for name, position, workplace, _guest in PRESIDIUM:
        rows.append(
            Delegate(
                congress=congress,
                quota=host_quota,
                kind=Delegate.Kind.OFFICIAL,
                full_name=name,
                gender="female" if " Thị " in name else "male",
                birth_year=1972,
                ethnicity="Chăm" if name.startswith("Đạo") else "Kinh",
                position=position,
                workplace=workplace,
                sector="worker" if name.startswith("Đạo") else "union_officer",
                is_leader=not name.startswith("Đạo"),
            )
        )
    for quota in quotas:
        if quota.demo_state == "empty":
            continue
        taken = 5 if quota is host_quota else 0
        count = quota.seats - taken if quota.demo_state != "draft" else quota.seats // 2
        women_every = 6 if quota.demo_state == "returned" else 2
        rows += unit_delegates(quota, number, count, women_every=women_every)
        number += count
    Delegate.objects.bulk_create(rows)
    for guest_name, position, workplace in SECRETARIAT:
        Delegate.objects.create(
            congress=congress,
            kind=Delegate.Kind.GUEST,
            full_name=guest_name,
            gender="female" if " Thị " in guest_name else "male",
            birth_year=1993,
            position=position,
            workplace=workplace,
            delegation="Ban Tổ chức",
        )
    staff = get_user_model().objects.filter(username="congdoan").first()
    for quota in quotas:
        history = {
            "submitted": [UnitEvent.Action.SUBMITTED],
            "accepted": [UnitEvent.Action.SUBMITTED, UnitEvent.Action.ACCEPTED],
            "returned": [UnitEvent.Action.SUBMITTED, UnitEvent.Action.RETURNED],
        }.get(quota.demo_state, [])
        for action in history:
            note = "Đề nghị bổ sung đại biểu nữ cho đạt tỷ lệ 30%." if action == UnitEvent.Action.RETURNED else ""
            UnitEvent.objects.create(quota=quota, action=action, note=note, by=staff)
        quota.status = {"empty": "draft"}.get(quota.demo_state, quota.demo_state)
        quota.save(update_fields=["status"])


def load_session(congress):
    session = congress.sessions.order_by("order", "pk").first()
    if session is None:
        session = CongressSession.objects.create(
            congress=congress,
            name="Phiên chính thức",
            timing=CongressSession.Timing.MONTH,
            planned_month=7,
            planned_year=2020,
            place="Hội trường LĐLĐ tỉnh",
        )
    session.kind = CongressSession.Kind.OFFICIAL
    session.save(update_fields=["kind"])
    SessionParticipant.objects.bulk_create(
        SessionParticipant(session=session, description=text, order=order)
        for order, text in enumerate(PARTICIPANTS, start=1)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            session=session,
            order=order,
            starts_at=datetime.time(*map(int, time.split(":"))),
            title=title,
            presenter=presenter,
        )
        for order, (time, title, presenter) in enumerate(PROGRAMME, start=1)
    )
    # The honours item lists the approved award dossiers; the presentation awaits its draft.
    session.agenda_items.filter(title__startswith="Biểu dương, tôn vinh, khen thưởng").update(honours=True)
    talk = session.agenda_items.filter(title__startswith="Báo cáo tham luận").first()
    unit = Organization.objects.filter(name="Công đoàn Viên chức tỉnh").first()
    if talk is not None and unit is not None:
        Presentation.objects.create(
            item=talk, organization=unit, speaker="Lê Quang Huy", draft_deadline=datetime.date(2020, 7, 10)
        )
    by_name = {delegate.full_name: delegate for delegate in congress.delegates.all()}
    for order, (name, *_rest) in enumerate(PRESIDIUM, start=1):
        PanelMember.objects.create(
            session=session, panel=PanelMember.Panel.PRESIDIUM, delegate=by_name[name], order=order
        )
    for order, (name, *_rest) in enumerate(SECRETARIAT, start=1):
        PanelMember.objects.create(
            session=session, panel=PanelMember.Panel.SECRETARIAT, delegate=by_name[name], order=order
        )
    # A few already at the door, so the counts show something.
    arrived = congress.delegates.order_by("pk")[:12]
    CheckIn.objects.bulk_create(CheckIn(session=session, delegate=delegate) for delegate in arrived)
    return session


def load_focal_point(congress):
    """A focal point of the union of Bác Ái, whose list is still being registered: user "bacai"."""
    organization = Organization.objects.get(name="Liên đoàn Lao động huyện Bác Ái")
    person, _ = Person.objects.get_or_create(
        full_name="Pi Năng Thị Hạnh",
        organization=organization,
        defaults={"gender": "female", "position": "Chủ tịch LĐLĐ huyện Bác Ái", "ethnicity": "Raglai"},
    )
    user, created = get_user_model().objects.get_or_create(username="bacai", defaults={"first_name": person.full_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    person.user = user
    person.save(update_fields=["user"])
    CongressRole.objects.get_or_create(
        congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=organization
    )
