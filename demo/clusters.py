"""A demo cluster so that every page shows real content: the emulation cluster of five coastal
provinces of the South Central region, a criteria sheet of 30 criteria, last year's scores agreed
and its election recorded, this year's self-scoring in progress and the review conference planned.

Logins added (password as the other demo logins): `cumtruong` (the leader's office of this year),
`dm_ninhthuan`, `dm_binhthuan`, `dm_khanhhoa`, `dm_phuyen`, `dm_binhdinh` (each province's focal point).
Loaded once: run again, it changes nothing.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from awards.models import AwardType
from clusters import services
from clusters.models import Cluster, ClusterMember, CriteriaGroup, Criterion, ProposalRule
from congress.models import Organization, Person

from .congresses import DEMO_PASSWORD

CLUSTER_NAME = "Cụm thi đua các tỉnh duyên hải Nam Trung Bộ"
LEADER_LOGIN = "cumtruong"
PROVINCES = [
    ("Ninh Thuận", "dm_ninhthuan", "Nguyễn Thị Hồng Nhung"),
    ("Bình Thuận", "dm_binhthuan", "Trần Minh Đức"),
    ("Khánh Hòa", "dm_khanhhoa", "Lê Thị Thanh Hương"),
    ("Phú Yên", "dm_phuyen", "Phạm Văn Quang"),
    ("Bình Định", "dm_binhdinh", "Võ Thị Mỹ Lệ"),
]

# (group, [(criterion, max points, evidence)]); the bonus and penalty items follow.
SHEET = [
    (
        "Thực hiện nhiệm vụ phát triển kinh tế - xã hội",
        [
            ("Tốc độ tăng trưởng GRDP đạt hoặc vượt kế hoạch", 6, "Báo cáo kinh tế - xã hội năm"),
            ("Thu ngân sách nhà nước trên địa bàn đạt dự toán", 5, "Báo cáo quyết toán ngân sách"),
            ("Giải ngân vốn đầu tư công đạt trên 95% kế hoạch", 5, "Báo cáo giải ngân của Sở Tài chính"),
            ("Thu hút đầu tư, số doanh nghiệp thành lập mới tăng", 4, "Số liệu đăng ký doanh nghiệp"),
            ("Tỷ lệ hộ nghèo giảm theo chỉ tiêu Nghị quyết", 5, "Quyết định công nhận kết quả rà soát"),
            ("Số xã đạt chuẩn nông thôn mới tăng thêm", 5, "Quyết định công nhận xã đạt chuẩn"),
            ("Chỉ số cải cách hành chính (PAR Index) cải thiện thứ hạng", 4, "Kết quả công bố PAR Index"),
            ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) cải thiện", 4, "Kết quả công bố PCI"),
            ("Chuyển đổi số: tỷ lệ hồ sơ trực tuyến toàn trình", 4, "Số liệu Cổng dịch vụ công"),
            ("Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội", 4, "Báo cáo của Công an tỉnh"),
        ],
    ),
    (
        "Công tác thi đua, khen thưởng",
        [
            ("Ban hành kế hoạch, hướng dẫn thi đua năm kịp thời", 3, "Kế hoạch thi đua năm"),
            ("Tổ chức phát động các phong trào thi đua chuyên đề", 3, "Văn bản phát động"),
            ("Sơ kết, tổng kết phong trào thi đua đúng thời gian", 3, "Báo cáo sơ kết, tổng kết"),
            ("Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", 4, "Danh sách điển hình tiên tiến"),
            ("Tỷ lệ khen thưởng người trực tiếp lao động, sản xuất", 3, "Quyết định khen thưởng"),
            ("Thực hiện đúng quy trình, thủ tục khen thưởng", 3, ""),
            ("Hoạt động của Hội đồng Thi đua - Khen thưởng các cấp", 2, "Biên bản họp Hội đồng"),
            ("Ứng dụng phần mềm quản lý thi đua, khen thưởng", 2, ""),
            ("Tuyên truyền gương người tốt, việc tốt", 2, "Tin, bài trên báo, đài"),
            ("Tham gia đầy đủ hoạt động chung của Cụm", 3, "Danh sách tham dự"),
        ],
    ),
    (
        "Xây dựng Đảng, chính quyền, đoàn thể",
        [
            ("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên đạt trên 90%", 4, "Kết quả đánh giá, xếp loại"),
            ("Kỷ luật, kỷ cương hành chính, phòng chống tham nhũng", 4, "Báo cáo của Thanh tra tỉnh"),
            ("Giải quyết khiếu nại, tố cáo đạt trên 85%", 3, "Báo cáo tiếp công dân"),
            ("Mặt trận và các đoàn thể hoàn thành nhiệm vụ", 3, ""),
            ("Thực hiện dân chủ ở cơ sở", 2, ""),
            ("Công tác cán bộ, tinh giản biên chế đúng lộ trình", 3, "Báo cáo của Sở Nội vụ"),
            ("Văn hóa công vụ, đạo đức công vụ", 2, ""),
            ("Cung cấp thông tin, báo cáo cho Cụm đúng hạn", 2, ""),
        ],
    ),
]
BONUS = ("Được tặng Cờ thi đua của Chính phủ hoặc Cờ thi đua cấp tỉnh trong năm", 10, "Quyết định tặng Cờ")
PENALTY = ("Để xảy ra vi phạm bị xử lý kỷ luật, gửi báo cáo chậm", 10, "")

# Last year's agreed totals differ by member; this year two members are scoring.
LAST_YEAR_SHARE = [Decimal("0.93"), Decimal("0.95"), Decimal("0.90"), Decimal("0.86"), Decimal("0.93")]


def load(stdout=None):
    """Load the demo cluster once; returns False when it is already there."""
    if Cluster.objects.filter(name=CLUSTER_NAME).exists():
        if stdout:
            stdout.write("Dữ liệu cụm thi đua mẫu đã có sẵn, không nạp.\n")
        return False
    with transaction.atomic():
        _load()
    if stdout:
        stdout.write(
            f"Đã nạp {CLUSTER_NAME}. Đăng nhập: {LEADER_LOGIN} (Cụm trưởng), "
            f"{', '.join(login for _p, login, _n in PROVINCES)} (đầu mối các tỉnh) / {DEMO_PASSWORD}.\n"
        )
    return True


def _user(username, person):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": person.email, "first_name": person.full_name[:150]}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    if person.user_id is None:
        Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
        person.user = user
        person.save(update_fields=["user"])
    return user


def _load():
    today = timezone.localdate()
    this_year = today.year
    cluster = Cluster.objects.create(
        name=CLUSTER_NAME,
        kind=Cluster.Kind.CLUSTER,
        founding_body="Ủy ban Thi đua - Khen thưởng Trung ương",
        rules_number="05/QĐ-CTĐ",
        rules_date=datetime.date(this_year - 1, 3, 15),
        rules_issuer="Cụm trưởng Cụm thi đua các tỉnh duyên hải Nam Trung Bộ",
    )
    members = []
    for order, (province, login, focal_name) in enumerate(PROVINCES, start=1):
        organization, _ = Organization.objects.get_or_create(
            name=f"Ủy ban nhân dân tỉnh {province}",
            defaults={"kind": Organization.Kind.PEOPLES_COMMITTEE, "short_name": f"UBND tỉnh {province}"},
        )
        person = Person.objects.create(
            full_name=focal_name,
            position="Phó Trưởng ban Ban Thi đua - Khen thưởng, Sở Nội vụ",
            organization=organization,
            email=f"{login}@example.org",
        )
        _user(login, person)
        members.append(
            ClusterMember.objects.create(
                cluster=cluster, organization=organization, focal_point=person, rotation_order=order
            )
        )
    office = Person.objects.create(
        full_name="Đặng Văn Hải",
        position="Chuyên viên Ban Thi đua - Khen thưởng (thường trực Cụm trưởng)",
        organization=members[0].organization,
        email=f"{LEADER_LOGIN}@example.org",
    )
    leader_user = _user(LEADER_LOGIN, office)

    last = services.open_year(
        cluster,
        by=leader_user,
        year=this_year - 1,
        conference_date=datetime.date(this_year - 1, 12, 18),
        scoring_deadline=datetime.date(this_year - 1, 12, 1),
        late_evidence_days=5,
        leader=members[4],
        deputy=members[0],
    )
    last.pledge_content = (
        "1. Hoàn thành và hoàn thành vượt mức các chỉ tiêu phát triển kinh tế - xã hội năm.\n"
        "2. Đẩy mạnh cải cách hành chính, chuyển đổi số.\n"
        "3. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến."
    )
    last.save(update_fields=["pledge_content"])
    _sheet(last)
    flag = AwardType.objects.filter(code="co_chinh_phu").first()
    province_flag = AwardType.objects.filter(code="co_tinh").first()
    merit = AwardType.objects.filter(code="bk_ttg_tap_the").first()
    for rank_from, rank_to, award in ((1, 1, flag), (2, 2, province_flag), (3, 3, merit)):
        if award:
            ProposalRule.objects.create(year=last, rank_from=rank_from, rank_to=rank_to, award_type=award)
    criteria = list(Criterion.objects.filter(group__year=last).select_related("group"))
    for member, share in zip(members, LAST_YEAR_SHARE, strict=True):
        rows = []
        for criterion in criteria:
            if criterion.kind == Criterion.Kind.BONUS:
                points = Decimal("10") if member in (members[1], members[4]) else Decimal("0")
            elif criterion.kind == Criterion.Kind.PENALTY:
                points = Decimal("2") if member == members[4] else Decimal("0")
            else:
                points = (criterion.max_points * share).quantize(Decimal("0.5"))
            rows.append((criterion, points, "", None))
        services.save_self_scores(last, member, rows, by=member.focal_point.user, today=last.scoring_deadline)
    first = criteria[0]
    score = first.scores.get(member=members[3])
    services.adjust(
        score, to_points=Decimal("4.5"), reason="GRDP chưa đạt kế hoạch theo số liệu Cục Thống kê", by=leader_user
    )
    services.agree_scores(last)
    for voter in members:
        services.cast_vote(last, voter, leader=members[0], deputy=members[1], by=leader_user)
    services.record_election(last, by=leader_user)

    this = services.open_year(
        cluster,
        by=leader_user,
        year=this_year,
        conference_date=today + datetime.timedelta(days=20),
        scoring_deadline=today + datetime.timedelta(days=7),
        late_evidence_days=5,
        leader=members[0],
        deputy=members[1],
    )
    this.pledge_content = last.pledge_content
    this.save(update_fields=["pledge_content"])
    services.copy_sheet(this, last)
    criteria = list(Criterion.objects.filter(group__year=this).select_related("group"))
    for member, scored in ((members[1], len(criteria)), (members[2], 12)):
        rows = [
            (
                c,
                (c.max_points * Decimal("0.9")).quantize(Decimal("0.5")) if c.kind == "standard" else Decimal(0),
                "",
                None,
            )
            for c in criteria[:scored]
        ]
        services.save_self_scores(this, member, rows, by=member.focal_point.user)
    return cluster


def _sheet(cluster_year):
    for order, (name, criteria) in enumerate(SHEET, start=1):
        group = CriteriaGroup.objects.create(year=cluster_year, order=order, name=name)
        Criterion.objects.bulk_create(
            Criterion(group=group, order=index, name=text, max_points=Decimal(points), evidence=evidence)
            for index, (text, points, evidence) in enumerate(criteria, start=1)
        )
    group = CriteriaGroup.objects.create(year=cluster_year, order=len(SHEET) + 1, name="Điểm thưởng, điểm trừ")
    Criterion.objects.create(
        group=group, order=1, name=BONUS[0], kind=Criterion.Kind.BONUS, max_points=BONUS[1], evidence=BONUS[2]
    )
    Criterion.objects.create(group=group, order=2, name=PENALTY[0], kind=Criterion.Kind.PENALTY, max_points=PENALTY[1])
