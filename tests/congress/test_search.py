"""Vietnamese search (any case, with or without accents) and alphabetical order, on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from congress import search
from congress.models import Congress, CongressRole, Organization, Person

from ..factories import CongressFactory, CongressRoleFactory, OrganizationFactory, PersonFactory

NAMES_IN_ORDER = [
    "An Văn Bình",
    "Ân Thị Hoa",
    "Bùi Văn Lâm",
    "Dương Thị Mai",
    "Đặng Văn Hùng",
    "Đỗ Thị Lan",
    "Ô Văn Tài",
    "Ơn Thị Sen",
    "Trần Văn Nam",
    "Trương Minh Đức",
    "Ủy ban nhân dân huyện",
    "Võ Thị Sáu",
]


def test_folding_drops_case_tones_and_vowel_marks():
    assert search.fold("ĐẠI HỘI Thi đua") == "dai hoi thi dua"
    assert search.fold("Ủy ban") == search.fold("uy BAN") == "uy ban"
    assert search.fold("Trương Ngọc Ánh") == "truong ngoc anh"


def test_the_sort_key_follows_the_vietnamese_alphabet_then_the_tones():
    assert sorted(reversed(NAMES_IN_ORDER), key=search.sort_key) == NAMES_IN_ORDER
    assert sorted(["á", "a", "ạ", "à", "ã", "ả"], key=search.sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["đặng", "ĐẶNG", "dang", "Dang van"])
def test_people_are_found_whatever_the_case_and_accents(query):
    found = PersonFactory(full_name="Đặng Văn Hùng")
    PersonFactory(full_name="Lê Thị Hoa")

    assert list(Person.objects.search(query)) == [found]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["ủy ban", "ỦY BAN", "uy ban nhan dan"])
def test_organisations_are_found_whatever_the_case_and_accents(query):
    found = OrganizationFactory(name="Ủy ban nhân dân tỉnh Yên Bái")
    OrganizationFactory(name="Sở Nội vụ")

    assert list(Organization.objects.search(query)) == [found]


@pytest.mark.django_db
def test_people_and_organisations_list_in_vietnamese_order():
    for name in reversed(NAMES_IN_ORDER):
        PersonFactory(full_name=name)
        OrganizationFactory(name=name)

    assert [person.full_name for person in Person.objects.all()] == NAMES_IN_ORDER
    names = [organization.name for organization in Organization.objects.filter(name__in=NAMES_IN_ORDER)]
    assert names == NAMES_IN_ORDER


@pytest.mark.parametrize("query", ["đại hội", "ĐẠI HỘI", "dai hoi thi dua"])
def test_the_congress_list_finds_a_congress_whatever_the_case_and_accents(client_for, secretariat, congress, query):
    Congress.objects.filter(pk=congress.pk).update(name="Đại hội Thi đua yêu nước tỉnh")
    other = CongressFactory(name="Hội nghị điển hình tiên tiến")
    CongressRoleFactory(congress=other, user=secretariat, role=CongressRole.Role.VIEWER)

    response = client_for(secretariat).get(reverse("congress:list"), {"q": query})

    assert [found.pk for found in response.context["page"].object_list] == [congress.pk]


def test_the_people_list_sorts_in_vietnamese_order_both_ways(client_for, viewer):
    for name in reversed(NAMES_IN_ORDER):
        PersonFactory(full_name=name)
    client = client_for(viewer)

    ascending = client.get(reverse("congress:person_list"), {"order": "full_name"}).context["page"].object_list
    descending = client.get(reverse("congress:person_list"), {"order": "-full_name"}).context["page"].object_list

    names = [person.full_name for person in ascending if person.full_name in NAMES_IN_ORDER]
    assert names == NAMES_IN_ORDER
    assert [person.full_name for person in descending if person.full_name in NAMES_IN_ORDER] == NAMES_IN_ORDER[::-1]
