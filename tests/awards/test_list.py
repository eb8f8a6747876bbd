"""The dossier list: scoped, filtered, sorted, paginated, a fixed number of queries, and its Excel export."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from awards.models import AwardType, Nomination
from awards.selectors import award_catalogue
from congress.models import Person
from tests.factories import OrganizationFactory

from .factories import AwardRecordFactory, NominationFactory, NominationRoundFactory, award

Status = Nomination.Status


def list_url(congress):
    return reverse("awards:nomination_list", args=[congress.pk])


def test_filters_by_round_award_type_status_and_proposing_unit(client_for, secretariat, congress, nomination_round):
    other_round = NominationRoundFactory(congress=congress)
    unit = OrganizationFactory(name="Sở Y tế")
    wanted = NominationFactory(round=nomination_round, proposing_organization=unit, status=Status.SUBMITTED)
    NominationFactory(round=other_round, proposing_organization=unit, status=Status.SUBMITTED)
    NominationFactory(round=nomination_round, proposing_organization=unit, award_type=award("bk_tinh_ca_nhan"))
    NominationFactory(round=nomination_round, status=Status.SUBMITTED)
    client = client_for(secretariat)

    response = client.get(
        list_url(congress),
        {
            "round": nomination_round.pk,
            "award_type": award("cstd_tinh").pk,
            "status": "submitted",
            "proposing": unit.pk,
        },
    )

    assert list(response.context["page"]) == [wanted]


def test_sorts_by_nominee_whether_a_person_or_a_unit(client_for, secretariat, nomination_round, congress):
    bich = NominationFactory(round=nomination_round, person=Person.objects.create(full_name="Bích"))
    unit = NominationFactory(
        round=nomination_round, award_type=award("tt_ldxs"), person=None, organization=OrganizationFactory(name="Cục C")
    )
    an = NominationFactory(round=nomination_round, person=Person.objects.create(full_name="An"))
    client = client_for(secretariat)

    assert list(client.get(list_url(congress), {"order": "nominee"}).context["page"]) == [an, bich, unit]
    assert list(client.get(list_url(congress), {"order": "-nominee"}).context["page"]) == [unit, bich, an]


def test_the_list_paginates(client_for, secretariat, nomination_round, congress):
    NominationFactory.create_batch(30, round=nomination_round)

    response = client_for(secretariat).get(list_url(congress), {"page": 2})

    assert len(response.context["page"]) == 5


@pytest.mark.parametrize(("asked", "shown", "rows"), [("1", 1, 25), ("abc", 1, 25), ("0", 2, 5), ("99", 2, 5)])
def test_the_page_and_the_total_come_as_django_s_paginator_gives_them(
    client_for, secretariat, nomination_round, congress, asked, shown, rows
):
    NominationFactory.create_batch(30, round=nomination_round)

    page = client_for(secretariat).get(list_url(congress), {"page": asked}).context["page"]

    assert (page.number, len(page), page.paginator.count, page.paginator.num_pages) == (shown, rows, 30, 2)


def test_an_empty_list_has_one_empty_page(client_for, secretariat, nomination_round, congress):
    page = client_for(secretariat).get(list_url(congress)).context["page"]

    assert (page.number, list(page), page.paginator.count) == (1, [], 0)


@pytest.mark.parametrize("order", ["", "nominee", "-nominee", "status", "-award_type"])
def test_pages_of_equal_rows_neither_repeat_nor_skip_a_dossier(
    client_for, secretariat, nomination_round, congress, order
):
    person = Person.objects.create(full_name="Nguyễn Văn An")
    dossiers = [NominationFactory(round=nomination_round, person=person) for _ in range(30)]
    client = client_for(secretariat)

    pages = [client.get(list_url(congress), {"order": order, "page": number}).context["page"] for number in (1, 2)]

    assert [nomination.pk for page in pages for nomination in page] == [dossier.pk for dossier in dossiers]


@pytest.mark.parametrize("rows", [1, 30])
def test_the_standing_office_list_reads_a_fixed_number_of_queries(
    client_for, secretariat, nomination_round, congress, django_assert_num_queries, rows
):
    for index in range(rows):
        nomination = NominationFactory(round=nomination_round, proposing_organization=OrganizationFactory())
        AwardRecordFactory(person=nomination.person, year=2020 - index % 3)
    client = client_for(secretariat)

    with django_assert_num_queries(9):
        client.get(list_url(congress))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_focal_point_list_reads_a_fixed_number_of_queries(
    client_for, focal_point, nomination_round, congress, django_assert_num_queries, rows
):
    NominationFactory.create_batch(rows, round=nomination_round, proposing_organization=congress.host)
    client = client_for(focal_point)

    with django_assert_num_queries(9):
        client.get(list_url(congress))


def test_the_list_shows_eligibility_at_a_glance(client_for, secretariat, nomination_round, congress):
    nomination = NominationFactory(round=nomination_round)
    for year in (2018, 2019, 2020):
        AwardRecordFactory(person=nomination.person, year=year)

    page = client_for(secretariat).get(list_url(congress)).content.decode()

    assert "Đủ điều kiện" in page
    assert "CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục" in page


def test_the_export_has_a_sheet_per_award_type_with_the_filtered_rows(
    client_for, secretariat, nomination_round, congress
):
    NominationFactory(round=nomination_round, person=Person.objects.create(full_name="Lê Thị Hoa", position="Kế toán"))
    NominationFactory(round=nomination_round, award_type=award("bk_tinh_ca_nhan"))
    NominationFactory(round=nomination_round, status=Status.SUBMITTED)

    response = client_for(secretariat).get(reverse("awards:nomination_export", args=[congress.pk]), {"status": "draft"})

    workbook = load_workbook(io.BytesIO(response.content))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert workbook.sheetnames == ["CSTĐ cấp tỉnh", "Bằng khen UBND tỉnh"]
    rows = list(workbook["CSTĐ cấp tỉnh"].iter_rows(values_only=True))
    assert rows[0] == ("Chiến sĩ thi đua cấp tỉnh",) + (None,) * 9
    assert rows[1][:5] == (
        "STT",
        "Người, tập thể được đề nghị",
        "Chức vụ",
        "Đơn vị đề nghị",
        "Danh hiệu, hình thức khen thưởng",
    )
    assert rows[2][:3] == (1, "Lê Thị Hoa", "Kế toán")
    assert len(rows) == 3


def test_a_focal_point_exports_only_its_own_dossiers(client_for, focal_point, nomination_round, congress):
    NominationFactory(round=nomination_round, proposing_organization=congress.host)
    NominationFactory(round=nomination_round)

    response = client_for(focal_point).get(reverse("awards:nomination_export", args=[congress.pk]))

    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 3


def test_a_renamed_nominee_shows_on_the_next_visit_to_the_list(client_for, secretariat, nomination_round, congress):
    nomination = NominationFactory(round=nomination_round, proposing_organization=congress.host)
    client = client_for(secretariat)
    assert "Trần Thị Mới" not in client.get(list_url(congress)).content.decode()

    nomination.person.full_name = "Trần Thị Mới"
    nomination.person.save()

    assert "Trần Thị Mới" in client.get(list_url(congress)).content.decode()


def test_a_dossier_moved_on_shows_its_new_status_on_the_list(client_for, secretariat, nomination_round, congress):
    nomination = NominationFactory(round=nomination_round, proposing_organization=congress.host)
    client = client_for(secretariat)
    client.get(list_url(congress))

    nomination.status = Nomination.Status.RETURNED
    nomination.save()

    assert f">{nomination.get_status_display()}</span>" in client.get(list_url(congress)).content.decode()


def test_the_rows_built_in_python_escape_names_and_say_the_state(client_for, secretariat, congress, nomination_round):
    unit = OrganizationFactory(name='Sở "Nội vụ" <b>')
    dossier = NominationFactory(round=nomination_round, proposing_organization=unit, status=Status.SUBMITTED)
    dossier.person.full_name = "<script>alert(1)</script> Nguyễn Thị A"
    dossier.person.save()

    page = client_for(secretariat).get(list_url(congress)).content.decode()

    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Nguyễn Thị A" in page
    assert "Sở &quot;Nội vụ&quot; &lt;b&gt;" in page
    assert reverse("awards:nomination_detail", args=[congress.pk, dossier.pk]) in page
    assert str(Status.SUBMITTED.label) in page


def test_the_catalogue_marks_the_types_the_congress_rounds_offer(nomination_round, congress):
    NominationRoundFactory(award_types=["tt_ldxs"])  # another congress's round

    catalogue = award_catalogue(congress)

    assert [row[:4] for row in catalogue] == list(AwardType.objects.values_list("pk", "name", "code", "short_name"))
    assert {code for _pk, _name, code, _short, offered in catalogue if offered} == set(
        nomination_round.award_types.values_list("code", flat=True)
    )
