import pytest
from django.urls import reverse

from congress.models import BoardMember, Congress, CongressRole, Organization
from tests.factories import (
    BoardMemberFactory,
    CongressFactory,
    CongressRoleFactory,
    CongressSessionFactory,
    OrganizationFactory,
    PersonFactory,
    SubcommitteeFactory,
    SubcommitteeMemberFactory,
    UserFactory,
)


def congress_data(host, **overrides):
    data = {
        "kind": "congress",
        "level": "province",
        "area_name": "tỉnh Ninh Thuận",
        "edition": "8",
        "year": "2025",
        "name": "",
        "theme": "Đoàn kết, sáng tạo",
        "host": host.pk,
        "review_period": "2020-2025",
        "next_period": "2026-2030",
        "format": "in_person",
        "status": "planning",
    }
    return {**data, **overrides}


def test_creating_a_congress_gives_it_a_board_and_makes_the_creator_secretariat(client_for, secretariat, congress):
    response = client_for(secretariat).post(reverse("congress:create"), congress_data(congress.host))

    created = Congress.objects.get(year=2025)
    assert response.status_code == 302
    assert created.name == "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII - năm 2025"
    assert str(created.board) == f"Ban Tổ chức {created.name}"
    assert list(created.roles.values_list("user", "role")) == [(secretariat.pk, "secretariat")]


def test_a_congress_that_is_its_own_ancestor_is_refused_and_the_form_keeps_what_was_typed(
    client_for, secretariat, congress
):
    child = CongressFactory(parent=congress)
    CongressRoleFactory(congress=child, user=secretariat, role=CongressRole.Role.SECRETARIAT)
    data = congress_data(congress.host, parent=child.pk, theme="Chủ đề vừa gõ")

    response = client_for(secretariat).post(reverse("congress:edit", args=[congress.pk]), data)

    assert response.status_code == 422
    assert "không thể dẫn tới chính nó" in response.content.decode()
    assert "Chủ đề vừa gõ" in response.content.decode()
    congress.refresh_from_db()
    assert congress.parent is None


def test_an_edition_below_one_is_refused(client_for, secretariat, congress):
    response = client_for(secretariat).post(reverse("congress:create"), congress_data(congress.host, edition="0"))

    assert response.status_code == 422
    assert response.context["form"].errors["edition"]
    assert Congress.objects.filter(year=2025).count() == 0


def session_data(**overrides):
    data = {
        "name": "Phiên chính thức",
        "order": "1",
        "timing": "exact",
        "starts_at": "20/08/2020 07:30",
        "ends_at": "20/08/2020 11:30",
        "planned_month": "",
        "planned_quarter": "",
        "planned_year": "",
        "place": "Hội trường Trung tâm Hội nghị tỉnh",
        "notes": "",
        "points-TOTAL_FORMS": "1",
        "points-INITIAL_FORMS": "0",
        "points-MIN_NUM_FORMS": "0",
        "points-MAX_NUM_FORMS": "1000",
        "points-0-order": "1",
        "points-0-level": "district",
        "points-0-name": "Điểm cầu huyện Ninh Hải",
        "points-0-place": "Phòng họp trực tuyến huyện",
        "points-0-organization": "",
    }
    return {**data, **overrides}


def test_a_session_is_saved_with_its_day_first_date_and_connection_points(client_for, secretariat, congress):
    response = client_for(secretariat).post(reverse("congress:session_create", args=[congress.pk]), session_data())

    session = congress.sessions.get()
    assert response.status_code == 302
    assert session.when_text == "07:30 - 11:30 ngày 20/8/2020"
    assert [point.name for point in session.connection_points.all()] == ["Điểm cầu huyện Ninh Hải"]


def test_a_session_ending_before_it_starts_is_refused(client_for, secretariat, congress):
    data = session_data(ends_at="20/08/2020 06:00")

    response = client_for(secretariat).post(reverse("congress:session_create", args=[congress.pk]), data)

    assert response.status_code == 422
    assert "không thể kết thúc trước khi bắt đầu" in response.content.decode()
    assert "Điểm cầu huyện Ninh Hải" in response.content.decode()
    assert congress.sessions.count() == 0


def test_a_month_planned_session_needs_its_month(client_for, secretariat, congress):
    data = session_data(timing="month", starts_at="", ends_at="", planned_year="2020")

    response = client_for(secretariat).post(reverse("congress:session_create", args=[congress.pk]), data)

    assert response.status_code == 422
    assert response.context["form"].errors["planned_month"]


def test_a_duplicate_board_member_is_refused_in_vietnamese(client_for, secretariat, congress):
    member = BoardMemberFactory(board=congress.board)
    data = {"person": member.person.pk, "role": "member", "order": "2", "position_text": "", "duties": "Theo dõi"}

    response = client_for(secretariat).post(reverse("congress:board_member_create", args=[congress.pk]), data)

    assert response.status_code == 422
    assert "đã là thành viên Ban Tổ chức" in response.content.decode()
    assert BoardMember.objects.filter(board=congress.board).count() == 1


def test_an_organisation_under_its_own_unit_is_refused(client_for, secretariat):
    province = OrganizationFactory(name="UBND tỉnh")
    district = OrganizationFactory(name="UBND huyện", parent=province)
    data = {"name": "UBND tỉnh", "kind": "peoples_committee", "parent": district.pk}

    response = client_for(secretariat).post(reverse("congress:organization_edit", args=[province.pk]), data)

    assert response.status_code == 422
    assert "không thể đặt dưới chính nó" in response.content.decode()
    province.refresh_from_db()
    assert province.parent is None


def test_deactivating_an_organisation_asks_first_and_keeps_the_row(client_for, secretariat):
    organization = OrganizationFactory()
    url = reverse("congress:organization_set_active", args=[organization.pk, 0])
    client = client_for(secretariat)

    confirm = client.get(url)
    client.post(url)

    organization.refresh_from_db()
    assert confirm.status_code == 200
    assert organization.is_active is False
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_creating_an_account_links_it_and_mails_a_link_to_set_the_password(
    client_for, secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    person = PersonFactory(email="tieuban@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(secretariat).post(reverse("congress:person_account", args=[person.pk]), {"username": "tieuban"})

    person.refresh_from_db()
    assert person.user.username == "tieuban"
    assert person.user.has_usable_password() is False
    assert mailoutbox[0].to == ["tieuban@example.org"]
    assert "/accounts/reset/" in mailoutbox[0].body


def test_the_last_secretariat_role_cannot_be_removed(client_for, secretariat, congress):
    role = congress.roles.get(user=secretariat)

    client_for(secretariat).post(reverse("congress:role_delete", args=[congress.pk, role.pk]))

    assert congress.roles.filter(pk=role.pk).exists()


def test_a_focal_point_role_needs_an_organisation(client_for, secretariat, congress, viewer):
    data = {"user": viewer.pk, "role": "focal_point", "organization": "", "subcommittee": ""}

    response = client_for(secretariat).post(reverse("congress:role_create", args=[congress.pk]), data)

    assert response.status_code == 422
    assert response.context["form"].errors["organization"]


def test_the_congress_list_filters_by_year_and_level(client_for, secretariat, congress):
    other = CongressFactory(year=2015, level="district")
    CongressRoleFactory(congress=other, user=secretariat, role=CongressRole.Role.VIEWER)
    client = client_for(secretariat)

    by_year = client.get(reverse("congress:list"), {"year": "2015"})
    by_level = client.get(reverse("congress:list"), {"level": "province"})

    assert list(by_year.context["page"].object_list) == [other]
    assert list(by_level.context["page"].object_list) == [congress]


# Query counts: the same with one row and with many.


@pytest.mark.parametrize("rows", [1, 30])
def test_the_congress_list_reads_a_fixed_number_of_queries(client_for, secretariat, django_assert_num_queries, rows):
    client = client_for(secretariat)
    for congress in CongressFactory.create_batch(rows):
        CongressRoleFactory(congress=congress, user=secretariat, role=CongressRole.Role.VIEWER)
        CongressSessionFactory(congress=congress)

    with django_assert_num_queries(6):
        client.get(reverse("congress:list"))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_organisation_list_reads_a_fixed_number_of_queries(client_for, viewer, django_assert_num_queries, rows):
    parent = OrganizationFactory()
    OrganizationFactory.create_batch(rows, parent=parent, head=PersonFactory())
    client = client_for(viewer)

    with django_assert_num_queries(7):
        client.get(reverse("congress:organization_list"))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_people_list_reads_a_fixed_number_of_queries(client_for, viewer, django_assert_num_queries, rows):
    PersonFactory.create_batch(rows)
    client = client_for(viewer)

    with django_assert_num_queries(7):
        client.get(reverse("congress:person_list"))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_session_list_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, django_assert_num_queries, rows
):
    for session in CongressSessionFactory.create_batch(rows, congress=congress):
        session.connection_points.create(name="Điểm cầu tỉnh", organization=congress.host)
    client = client_for(viewer)

    with django_assert_num_queries(6):
        client.get(reverse("congress:sessions", args=[congress.pk]))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_board_page_reads_a_fixed_number_of_queries(client_for, viewer, congress, django_assert_num_queries, rows):
    BoardMemberFactory.create_batch(rows, board=congress.board)
    client = client_for(viewer)

    with django_assert_num_queries(5):
        client.get(reverse("congress:board", args=[congress.pk]))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_subcommittee_list_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, django_assert_num_queries, rows
):
    for subcommittee in SubcommitteeFactory.create_batch(rows, congress=congress):
        SubcommitteeMemberFactory(subcommittee=subcommittee, role="head")
    client = client_for(viewer)

    with django_assert_num_queries(5):
        client.get(reverse("congress:subcommittees", args=[congress.pk]))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_subcommittee_page_reads_a_fixed_number_of_queries(
    client_for, viewer, subcommittee, django_assert_num_queries, rows
):
    SubcommitteeMemberFactory.create_batch(rows, subcommittee=subcommittee)
    client = client_for(viewer)

    with django_assert_num_queries(5):
        client.get(reverse("congress:subcommittee_detail", args=[subcommittee.congress.pk, subcommittee.pk]))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_role_list_reads_a_fixed_number_of_queries(
    client_for, secretariat, congress, django_assert_num_queries, rows
):
    for user in UserFactory.create_batch(rows):
        PersonFactory(user=user)
        CongressRoleFactory(congress=congress, user=user)
    client = client_for(secretariat)

    with django_assert_num_queries(4):
        client.get(reverse("congress:roles", args=[congress.pk]))


@pytest.mark.parametrize(
    "query",
    [
        {"year": "hai nghìn"},
        {"page": "-1"},
        {"page": "999"},
        {"order": "khong-co"},
        {"level": "sao-hoa"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_odd_list_parameters_never_break_the_congress_list(client_for, secretariat, query):
    assert client_for(secretariat).get(reverse("congress:list"), query).status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {"year": "năm nay", "edition": "bảy"},
        {"edition": "-3"},
        {"host": "999999"},
        {"review_period": "2016 đến 2020"},
        {"kind": "không-có"},
    ],
)
def test_bad_congress_input_is_refused_not_crashed(client_for, secretariat, congress, data):
    response = client_for(secretariat).post(reverse("congress:create"), {**congress_data(congress.host), **data})

    assert response.status_code == 422


@pytest.mark.parametrize(
    "data",
    [
        {"starts_at": "32/13/2020 25:00"},
        {"timing": "quarter", "planned_quarter": "5", "planned_year": "2020", "starts_at": ""},
        {"points-TOTAL_FORMS": "abc"},
        {"points-0-level": "mars"},
    ],
)
def test_bad_session_input_is_refused_not_crashed(client_for, secretariat, congress, data):
    response = client_for(secretariat).post(
        reverse("congress:session_create", args=[congress.pk]), session_data(**data)
    )

    assert response.status_code in (400, 422)
    assert congress.sessions.count() == 0


@pytest.mark.parametrize(
    ("name", "create"), [("organization_list", "organization_create"), ("person_list", "person_create")]
)
def test_only_a_directory_editor_sees_the_add_button_of_a_directory_list(client_for, secretariat, viewer, name, create):
    url, link = reverse(f"congress:{name}"), reverse(f"congress:{create}")

    as_editor = client_for(secretariat).get(url).content.decode()
    as_reader = client_for(viewer).get(url).content.decode()

    assert (as_editor.count(f'href="{link}"'), as_reader.count(f'href="{link}"')) == (1, 0)
