"""Personal data (Decree 13/2023): contact details and personal attributes only for those who work with the person."""

import pytest
from django.urls import reverse

from congress.models import CongressRole, Person
from congress.rules import with_personal_data
from tests.conftest import user_with_role
from tests.factories import BoardMemberFactory, PersonFactory, UserFactory

Role = CongressRole.Role
PRIVATE = ["hoa.tran@example.org", "0912 345 678", "1975", "Tày", "hoatran"]


@pytest.fixture
def member(congress):
    """A board member of the congress, with an account and every personal attribute filled in."""
    person = PersonFactory(
        full_name="Trần Thị Hoa",
        position="Phó Giám đốc Sở Nội vụ",
        email="hoa.tran@example.org",
        phone="0912 345 678",
        birth_year=1975,
        ethnicity="Tày",
        gender=Person.Gender.FEMALE,
        user=UserFactory(username="hoatran"),
    )
    BoardMemberFactory(board=congress.board, person=person)
    return person


@pytest.fixture
def nobody(db):
    """Signed in, with no role anywhere."""
    return UserFactory(username="khach")


def detail(client, person):
    return client.get(reverse("congress:person_detail", args=[person.pk])).content.decode()


def listing(client, **query):
    return client.get(reverse("congress:person_list"), query).content.decode()


def shown(page):
    return [value for value in PRIVATE if value in page]


def test_a_user_without_a_role_reads_the_name_and_position_only(client_for, nobody, member):
    client = client_for(nobody)

    page, people = detail(client, member), listing(client)

    assert ("Trần Thị Hoa" in page, "Phó Giám đốc Sở Nội vụ" in page) == (True, True)
    assert (shown(page), shown(people)) == ([], [])
    assert "Nữ" not in page


def test_the_secretariat_and_the_board_of_the_persons_congress_read_the_details(
    client_for, secretariat, congress, member
):
    board_member = user_with_role(congress, Role.BOARD_MEMBER)

    for user in (secretariat, board_member):
        assert shown(detail(client_for(user), member)) == PRIVATE


def test_the_staff_of_another_congress_and_a_viewer_of_this_one_do_not(client_for, stranger, viewer, member):
    assert shown(detail(client_for(stranger), member)) == []
    assert shown(detail(client_for(viewer), member)) == []
    assert shown(listing(client_for(viewer))) == []


def test_the_person_reads_their_own_details(client_for, member):
    assert shown(detail(client_for(member.user), member)) == PRIVATE


def test_the_standing_office_that_keeps_the_directory_reads_everyones(client_for, nobody, member):
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="change_organization"))

    assert shown(detail(client_for(nobody), member)) == PRIVATE


def test_a_stranger_cannot_find_a_person_by_their_e_mail(client_for, nobody, member):
    assert "Trần Thị Hoa" not in listing(client_for(nobody), q="hoa.tran@example")
    assert "Trần Thị Hoa" in listing(client_for(nobody), q="Trần Thị")


def test_the_list_and_the_detail_page_decide_alike(secretariat, stranger, member):
    outsider = PersonFactory()

    for user in (secretariat, stranger, member.user):
        annotated = with_personal_data(Person.objects.filter(pk__in=[member.pk, outsider.pk]), user)
        flags = {person.pk: person.shows_personal_data for person in annotated}
        assert flags == {person.pk: user.has_perm("congress.see_personal_data", person) for person in annotated}
