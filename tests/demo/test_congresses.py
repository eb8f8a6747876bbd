import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.models import Q

from congress.models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)
from demo.congresses import DEMO_CONGRESS_NAME, DEMO_LOGINS, load_demo

User = get_user_model()
DEMO_MODELS = [
    Organization,
    Person,
    Congress,
    CongressSession,
    ConnectionPoint,
    OrganizingBoard,
    BoardMember,
    Subcommittee,
    SubcommitteeMember,
    CongressRole,
    User,
    Group,
]

# Every organisation seed 000's task table names, as it is written there.
SEED_000_ORGANIZATIONS = [
    "Ban Tuyên giáo Tỉnh ủy",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Báo Ninh Thuận",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Sở Nội vụ",
    "Văn phòng UBND tỉnh",
    "Sở Kế hoạch và Đầu tư",
    "Hội Nông dân tỉnh",
    "UBND huyện Ninh Hải",
]

TEXT_FIELDS = {
    Organization: ["name", "short_name", "abbreviation"],
    Person: ["full_name", "position", "ethnicity"],
    Congress: ["name", "area_name", "theme"],
    CongressSession: ["name", "place", "notes"],
    ConnectionPoint: ["name", "place"],
    OrganizingBoard: ["name"],
    BoardMember: ["position_text", "duties"],
    Subcommittee: ["name", "duties"],
    Group: ["name"],
}


@pytest.fixture
def demo(db):
    assert load_demo() is True
    return Congress.objects.get(name=DEMO_CONGRESS_NAME)


def counts():
    return {model.__name__: model.objects.count() for model in DEMO_MODELS}


def test_loading_twice_creates_nothing_the_second_time(demo):
    before = counts()

    assert load_demo() is False
    assert counts() == before


def test_a_reload_after_the_provincial_congress_was_deleted_does_not_duplicate_anything(demo):
    before = counts()
    demo.delete()

    assert load_demo() is True
    assert counts() == before
    assert Congress.objects.get(kind=Congress.Kind.ADVANCED_MODELS).parent.name == DEMO_CONGRESS_NAME


def test_the_provincial_congress_is_named_as_the_seed_names_it(demo):
    assert demo.name == "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"
    assert demo.composed_name() == demo.name
    assert demo.parent.name == "Đại hội Thi đua yêu nước toàn quốc lần thứ X"


def test_the_provincial_congress_meets_in_august_2020(demo):
    session = demo.sessions.get()

    assert session.name == "Phiên chính thức"
    assert session.when_text == "tháng 8/2020"


def test_luu_xuan_vinh_heads_the_provincial_board(demo):
    head = demo.board.members.get(role=BoardMember.Role.HEAD)

    assert head.person.full_name == "Lưu Xuân Vĩnh"
    assert head.position == "Chủ tịch UBND tỉnh"


def test_the_provincial_congress_has_the_content_propaganda_and_service_subcommittees(demo):
    names = list(demo.subcommittees.values_list("name", flat=True))

    assert names == ["Tiểu ban Nội dung", "Tiểu ban Tuyên truyền", "Tiểu ban Phục vụ"]
    assert all(sub.members.filter(role=SubcommitteeMember.Role.HEAD).count() == 1 for sub in demo.subcommittees.all())


def test_the_union_conference_leads_to_the_provincial_congress(demo):
    union = Congress.objects.get(kind=Congress.Kind.ADVANCED_MODELS)

    assert union.name == union.composed_name()
    assert union.parent == demo
    assert union.board.members.get(role=BoardMember.Role.HEAD).person.full_name == "Trần Văn Đông"


def test_the_online_conference_connects_province_districts_and_communes(demo):
    review = Congress.objects.get(kind=Congress.Kind.ANNUAL_REVIEW)
    points = ConnectionPoint.objects.filter(session__congress=review)

    assert set(points.values_list("level", flat=True)) == {"province", "district", "commune"}
    assert points.get(level="province").place == "Phòng họp trực tuyến số 1, Văn phòng Ủy ban nhân dân tỉnh"
    assert points.get(name="Điểm cầu huyện Ninh Hải").organization.name == "Ủy ban nhân dân huyện Ninh Hải"
    assert points.get(name="Điểm cầu xã Nhơn Hải").organization.name == "Ủy ban nhân dân xã Nhơn Hải"
    assert review.board.members.get(role=BoardMember.Role.HEAD).person.full_name == "Trần Quốc Nam"


@pytest.mark.parametrize("name", SEED_000_ORGANIZATIONS)
def test_every_organisation_of_seed_000_is_in_the_directory(demo, name):
    assert Organization.objects.filter(Q(name=name) | Q(short_name=name)).count() == 1


def test_ninh_hai_is_a_district_of_the_province_with_nhon_hai_under_it(demo):
    ninh_hai = Organization.objects.get(name="Ủy ban nhân dân huyện Ninh Hải")

    assert ninh_hai.kind == Organization.Kind.DISTRICT
    assert ninh_hai.parent.name == "Ủy ban nhân dân tỉnh Ninh Thuận"
    assert list(ninh_hai.children.values_list("name", flat=True)) == ["Ủy ban nhân dân xã Nhơn Hải"]


def test_all_demo_text_is_nfc(demo):
    for model, fields in TEXT_FIELDS.items():
        for row in model.objects.values_list(*fields):
            assert all(unicodedata.is_normalized("NFC", text) for text in row), row
    assert all(unicodedata.is_normalized("NFC", description) for _, description in DEMO_LOGINS)


def test_the_union_secretary_cannot_see_the_provincial_congress(demo):
    congdoan = User.objects.get(username="congdoan")

    assert not Congress.objects.visible_to(congdoan).filter(pk=demo.pk).exists()
    assert Congress.objects.visible_to(congdoan).get().kind == Congress.Kind.ADVANCED_MODELS


def test_the_standing_office_sees_the_provincial_congress_and_may_create_and_edit(demo):
    vanphong = User.objects.get(username="vanphong")

    assert Congress.objects.visible_to(vanphong).filter(pk=demo.pk).exists()
    assert vanphong.has_perm("congress.manage_congress", demo)
    assert vanphong.has_perm("congress.create_congress")
    assert vanphong.has_perm("congress.edit_directory")


def test_sonoivu_is_the_focal_point_of_so_noi_vu(demo):
    role = CongressRole.objects.get(user__username="sonoivu")

    assert role.congress == demo
    assert role.role == CongressRole.Role.FOCAL_POINT
    assert role.organization.name == "Sở Nội vụ"


def test_every_demo_login_is_a_person_with_the_demo_password(demo):
    for username, _ in DEMO_LOGINS:
        user = User.objects.get(username=username)
        assert user.check_password("demo12345")
        assert user.person.full_name
    assert User.objects.get(username="admin").is_superuser


def test_the_command_says_what_it_did_and_prints_the_logins(db, capsys):
    call_command("load_demo")
    call_command("load_demo")
    out = capsys.readouterr().out

    assert "Đã nạp dữ liệu mẫu (danh bạ, các Đại hội theo văn bản mẫu)." in out
    assert "Dữ liệu mẫu đã có sẵn, không nạp lại." in out
    assert "http://127.0.0.1:8000/" in out
    assert all(username in out for username, _ in DEMO_LOGINS)


def test_the_command_prints_the_address_of_site_url(db, capsys, settings):
    settings.SITE_URL = "http://192.168.1.20:8050"

    call_command("load_demo")

    out = capsys.readouterr().out
    assert "Mở http://192.168.1.20:8050/ và đăng nhập" in out
    assert ":8000" not in out
