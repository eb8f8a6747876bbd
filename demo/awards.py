"""Demo honours for the provincial congress of seed 000: a nomination round, the emulation
council, an award history, and dossiers at several steps of their path, made through the services
so their history reads as a user's would.

Logins added: `hoidong` (council member, Lê Văn Bình). `sonoivu` (focal point of Sở Nội vụ)
prepares its unit's dossiers; `vanphong` (standing office) appraises them and runs the council.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from awards import services
from awards.models import AwardRecord, AwardType, CouncilMember, CouncilSession, Nomination, NominationRound
from congress.models import Congress, CongressRole, Organization, Person

from .congresses import DEMO_CONGRESS_NAME, DEMO_PASSWORD, OFFICE_GROUP

ROUND_NAME = "Khen thưởng tại Đại hội Thi đua yêu nước tỉnh lần thứ VII (giai đoạn 2016-2020)"
ROUND_TYPES = ["cstd_tinh", "bk_tinh_ca_nhan", "bk_ttg_ca_nhan", "co_tinh", "tt_ldxs", "bk_tinh_tap_the"]
COUNCIL_USER = "hoidong"
COUNCIL_LOGIN = (
    COUNCIL_USER,
    "Thành viên Hội đồng Thi đua - Khen thưởng tỉnh (Lê Văn Bình, Phó Chủ tịch): xem Đại hội tỉnh lần thứ VII "
    "và các hồ sơ khen thưởng từ bước Hội đồng, không sửa",
)


def blank_pdf():
    """A one-page PDF standing for each demo document (a file stored must open as what it claims to be)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# (full name, role, order)
COUNCIL = [
    ("Trần Quốc Nam", CouncilMember.Role.CHAIR),
    ("Lê Văn Bình", CouncilMember.Role.VICE_CHAIR),
    ("Võ Thị Kim Oanh", CouncilMember.Role.MEMBER),
    ("Huỳnh Văn Lộc", CouncilMember.Role.MEMBER),
    ("Quảng Đại Thành", CouncilMember.Role.MEMBER),
    ("Chamaléa Văn Tiến", CouncilMember.Role.MEMBER),
    ("Nguyễn Thị Lệ Thủy", CouncilMember.Role.MEMBER),
    ("Phan Thị Thanh Tâm", CouncilMember.Role.MEMBER),
    ("Đặng Hữu Nghĩa", CouncilMember.Role.MEMBER),
    ("Nguyễn Thị Thu Hà", CouncilMember.Role.SECRETARY),
]

# (person full name or unit short name, award type code, years)
HISTORY = [
    ("Phạm Quốc Huy", "ldtt", range(2016, 2021)),
    ("Phạm Quốc Huy", "cstd_co_so", [2018, 2019, 2020]),
    ("Trần Thị Minh Thư", "ldtt", range(2017, 2021)),
    ("Trần Thị Minh Thư", "cstd_co_so", [2019, 2020]),
    ("Huỳnh Văn Lộc", "cstd_co_so", [2019, 2020]),
    ("Võ Thị Kim Oanh", "cstd_co_so", [2017, 2019, 2020]),
    ("Đặng Hữu Nghĩa", "httnv", range(2016, 2021)),
    ("Đặng Hữu Nghĩa", "cstd_co_so", [2016, 2018, 2020]),
    ("Đặng Hữu Nghĩa", "bk_tinh_ca_nhan", [2018]),
    ("Sở VHTTDL", "tt_ldxs", [2019, 2020]),
    ("Đài PTTH tỉnh", "tt_ldtt", [2019, 2020]),
]

ACHIEVEMENTS = (
    "- Hoàn thành xuất sắc nhiệm vụ được giao giai đoạn 2016-2020.\n"
    "- Có sáng kiến được Hội đồng sáng kiến tỉnh công nhận, áp dụng hiệu quả trong toàn tỉnh.\n"
    "- Tích cực tham gia các phong trào thi đua yêu nước."
)


def load_demo_awards():
    """Create the demo honours; False when the round is already there or the demo congress is not."""
    with transaction.atomic():
        congress = Congress.objects.filter(name=DEMO_CONGRESS_NAME).first()
        if congress is None or NominationRound.objects.filter(congress=congress, name=ROUND_NAME).exists():
            return False
        people = {person.full_name: person for person in Person.objects.all()}
        units = {unit.short_name: unit for unit in Organization.objects.exclude(short_name="")}
        users = {user.username: user for user in get_user_model().objects.all()}
        _grant_catalogue(users)
        _council(congress, people, users)
        _history(people, units)
        nomination_round = NominationRound.objects.create(
            congress=congress, name=ROUND_NAME, year=2020, deadline=datetime.date(2020, 7, 31)
        )
        nomination_round.award_types.set(AwardType.objects.filter(code__in=ROUND_TYPES))
        _dossiers(nomination_round, people, units, users)
    return True


def _grant_catalogue(users):
    office = Group.objects.filter(name=OFFICE_GROUP).first()
    if office:
        office.permissions.add(
            *Permission.objects.filter(content_type__app_label="awards", codename__endswith="awardtype")
        )


def _council(congress, people, users):
    user = users.get(COUNCIL_USER)
    if user is None:
        user = get_user_model().objects.create_user(
            COUNCIL_USER, email="lvbinh.hoidong@demo.ninhthuan.example", password=DEMO_PASSWORD
        )
        person = people["Lê Văn Bình"]
        person.user = user
        person.save(update_fields=["user"])
    CongressRole.objects.get_or_create(congress=congress, user=user, role=CongressRole.Role.COUNCIL_MEMBER)
    for order, (name, role) in enumerate(COUNCIL, start=1):
        CouncilMember.objects.get_or_create(
            congress=congress, person=people[name], defaults={"role": role, "order": order}
        )


def _history(people, units):
    types = {award_type.code: award_type for award_type in AwardType.objects.all()}
    for holder, code, years in HISTORY:
        holder_field = {"person": people[holder]} if holder in people else {"organization": units[holder]}
        for year in years:
            AwardRecord.objects.get_or_create(
                **holder_field, award_type=types[code], year=year, defaults={"decision": f"Quyết định năm {year}"}
            )


def _dossier(nomination_round, code, proposer, by, **nominee):
    nomination = Nomination(
        round=nomination_round,
        award_type=AwardType.objects.get(code=code),
        proposing_organization=proposer,
        year_from=2016,
        year_to=2020,
        achievements=ACHIEVEMENTS,
        **nominee,
    )
    services.save_nomination(nomination, by=by)
    for requirement in nomination.award_type.documents.filter(mandatory=True):
        upload = ContentFile(blank_pdf(), name=f"{requirement.template_code or 'tai-lieu'}-{nomination.pk}.pdf")
        upload.content_type = "application/pdf"
        services.attach_file(nomination, requirement=requirement, upload=upload, by=by)
    return nomination


def _dossiers(nomination_round, people, units, users):
    focal, office = users["sonoivu"], users["vanphong"]
    snv, vh, dai = units["Sở Nội vụ"], units["Sở VHTTDL"], units["Đài PTTH tỉnh"]
    # Sở Nội vụ's own: one being prepared, one submitted.
    _dossier(nomination_round, "cstd_tinh", snv, focal, person=people["Phạm Quốc Huy"])
    services.submit(
        _dossier(nomination_round, "bk_tinh_ca_nhan", snv, focal, person=people["Trần Thị Minh Thư"]), by=focal
    )
    # Others entered by the standing office, further along.
    returned = _dossier(nomination_round, "cstd_tinh", vh, office, person=people["Võ Thị Kim Oanh"])
    services.submit(returned, by=office)
    services.return_for_revision(returned, by=office, comment="Bổ sung biên bản họp Hội đồng TĐKT của Sở.")
    voted = [
        _dossier(nomination_round, "bk_tinh_ca_nhan", units["Sở KHĐT"], office, person=people["Huỳnh Văn Lộc"]),
        _dossier(nomination_round, "bk_tinh_tap_the", units["UBND tỉnh"], office, organization=vh, women_share=72),
        _dossier(nomination_round, "bk_tinh_tap_the", units["UBND tỉnh"], office, organization=dai, women_share=40),
    ]
    for nomination in voted:
        services.submit(nomination, by=office)
        services.accept(nomination, by=office)
    session = services.open_session(
        CouncilSession(
            round=nomination_round,
            number=1,
            held_at=timezone.make_aware(datetime.datetime(2020, 8, 5, 8, 0)),
            place="Phòng họp số 1, Sở Nội vụ",
        )
    )
    members = list(CouncilMember.objects.filter(congress=nomination_round.congress))
    services.record_attendance(session, present_ids=[member.pk for member in members[:9]])
    services.add_to_session(session, voted, by=office)
    absent = members[9]
    for nomination, (votes_for, written) in zip(voted, [(7, "for"), (5, "for"), (6, "against")], strict=True):
        services.record_ballot(
            session, nomination, by=office, counts={}, votes=_open_votes(members[:9], votes_for, absent, written)
        )
    services.close_session(session, by=office)


def _open_votes(present, votes_for, absent, written):
    """An open ballot names each vote: the first `votes_for` members for, the rest against."""
    votes = {member.pk: ("for" if index < votes_for else "against", False) for index, member in enumerate(present)}
    votes[absent.pk] = (written, True)
    return votes
