import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from congress.models import Congress, CongressSession
from tests.factories import (
    BoardMemberFactory,
    CongressFactory,
    CongressSessionFactory,
    OrganizationFactory,
    PersonFactory,
)


@pytest.mark.django_db
def test_congress_name_is_composed_from_kind_area_edition_and_year():
    congress = CongressFactory(kind=Congress.Kind.CONGRESS, area_name="tỉnh Ninh Thuận", edition=7, year=2020)

    assert congress.name == "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"


@pytest.mark.django_db
def test_a_typed_congress_name_is_kept():
    congress = CongressFactory(name="Hội nghị trực tuyến tổng kết năm 2021")

    assert congress.name == "Hội nghị trực tuyến tổng kết năm 2021"


@pytest.mark.django_db
def test_a_congress_cannot_lead_to_its_own_descendant():
    top = CongressFactory()
    middle = CongressFactory(parent=top)
    top.parent = middle

    with pytest.raises(ValidationError) as error:
        top.full_clean()

    assert "parent" in error.value.message_dict


@pytest.mark.django_db
def test_the_database_refuses_an_edition_below_one():
    with pytest.raises(IntegrityError), transaction.atomic():
        CongressFactory(edition=0)


@pytest.mark.django_db
def test_an_organisation_cannot_sit_under_its_own_unit():
    province = OrganizationFactory()
    district = OrganizationFactory(parent=province)
    province.parent = district

    with pytest.raises(ValidationError):
        province.full_clean()


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_board_member():
    member = BoardMemberFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        BoardMemberFactory(board=member.board, person=member.person)


@pytest.mark.django_db
def test_a_session_cannot_end_before_it_starts():
    start = timezone.make_aware(dt.datetime(2020, 8, 20, 8, 0))
    session = CongressSessionFactory.build(
        congress=CongressFactory(),
        timing=CongressSession.Timing.EXACT,
        starts_at=start,
        ends_at=start - dt.timedelta(hours=1),
    )

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert "ends_at" in error.value.message_dict


@pytest.mark.django_db
def test_session_timing_reads_as_the_documents_write_it():
    congress = CongressFactory()
    start = timezone.make_aware(dt.datetime(2020, 8, 20, 7, 30))
    exact = CongressSessionFactory.build(
        congress=congress, timing="exact", starts_at=start, ends_at=start + dt.timedelta(hours=4)
    )
    month = CongressSessionFactory.build(congress=congress, timing="month", planned_month=7, planned_year=2020)
    quarter = CongressSessionFactory.build(congress=congress, timing="quarter", planned_quarter=3, planned_year=2020)

    assert exact.when_text == "07:30 - 11:30 ngày 20/8/2020"
    assert month.when_text == "tháng 7/2020"
    assert quarter.when_text == "Quý III năm 2020"


@pytest.mark.django_db
def test_a_person_is_named_with_their_position():
    person = PersonFactory(full_name="Lưu Xuân Vĩnh", position="Chủ tịch UBND tỉnh")

    assert person.title_line == "Lưu Xuân Vĩnh, Chủ tịch UBND tỉnh"


@pytest.mark.django_db
def test_a_session_planned_by_month_or_quarter_counts_from_its_first_possible_day():
    congress = CongressFactory()
    month = CongressSessionFactory.build(congress=congress, timing="month", planned_month=8, planned_year=2020)
    quarter = CongressSessionFactory.build(congress=congress, timing="quarter", planned_quarter=3, planned_year=2020)
    start = timezone.make_aware(dt.datetime(2020, 8, 20, 7, 30))
    exact = CongressSessionFactory.build(congress=congress, timing="exact", starts_at=start)

    assert (month.planned_date, quarter.planned_date, exact.planned_date) == (
        dt.date(2020, 8, 1),
        dt.date(2020, 7, 1),
        dt.date(2020, 8, 20),
    )
