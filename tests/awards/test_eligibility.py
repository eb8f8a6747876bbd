"""Eligibility: the prerequisites of the catalogue read against the award history, with reasons."""

import pytest
from django.core.exceptions import ValidationError

from awards import eligibility
from awards.prerequisites import validate_prerequisites

from .factories import AwardRecordFactory, NominationFactory, award

NAMES = {"cstd_co_so": "CSTĐ cơ sở", "bk_tinh_ca_nhan": "Bằng khen UBND tỉnh", "ldtt": "LĐTT"}


def test_three_consecutive_years_are_enough_and_the_reason_names_them():
    result = eligibility.check(
        [{"titles": ["cstd_co_so"], "consecutive": 3}], held={"cstd_co_so": {2018, 2019, 2020}}, up_to=2020, names=NAMES
    )

    assert result.met
    assert [reason.text for reason in result.reasons] == ["CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục"]


def test_a_gap_breaks_the_run_of_consecutive_years():
    result = eligibility.check(
        [{"titles": ["cstd_co_so"], "consecutive": 3}], held={"cstd_co_so": {2017, 2019, 2020}}, up_to=2020, names=NAMES
    )

    assert not result.met
    assert result.reasons[0].text == "CSTĐ cơ sở 2017, 2019, 2020: chưa đủ 3 năm liên tục đến năm 2020"


def test_no_title_at_all_says_so():
    result = eligibility.check([{"titles": ["cstd_co_so"], "consecutive": 2}], held={}, up_to=2020, names=NAMES)

    assert result.reasons[0].text == "CSTĐ cơ sở: chưa có năm nào, cần 2 năm liên tục đến năm 2020"


def test_counts_within_a_window_and_without():
    held = {"cstd_co_so": {2015, 2017, 2019}, "bk_tinh_ca_nhan": {2018}}
    prerequisites = [
        {"titles": ["bk_tinh_ca_nhan"], "count": 1},
        {"titles": ["cstd_co_so"], "count": 3, "within": 5},
    ]

    result = eligibility.check(prerequisites, held=held, up_to=2020, names=NAMES)

    assert [(reason.text, reason.met) for reason in result.reasons] == [
        ("Bằng khen UBND tỉnh 2018: đủ 1 lần", True),
        ("CSTĐ cơ sở 2017, 2019: chưa đủ 3 lần trong 5 năm", False),
    ]


def test_several_titles_count_for_one_condition_under_its_label():
    prerequisites = [{"titles": ["ldtt", "cstd_co_so"], "consecutive": 5, "label": "Hoàn thành tốt nhiệm vụ trở lên"}]
    held = {"ldtt": {2016, 2017, 2019}, "cstd_co_so": {2018, 2020}}

    result = eligibility.check(prerequisites, held=held, up_to=2020, names=NAMES)

    assert result.reasons[0].text == "Hoàn thành tốt nhiệm vụ trở lên 2016, 2017, 2018, 2019, 2020: đủ 5 năm liên tục"


def test_an_award_type_without_prerequisites_is_not_applicable():
    assert not eligibility.check([], held={}, up_to=2020, names=NAMES).applicable


def test_the_catalogue_prerequisites_of_the_prime_ministers_certificate_read_the_history(db):
    nomination = NominationFactory(award_type=award("bk_ttg_ca_nhan"))
    person = nomination.person
    AwardRecordFactory(person=person, award_type=award("bk_tinh_ca_nhan"), year=2017)
    for year in (2016, 2017, 2018):
        AwardRecordFactory(person=person, award_type=award("httnv"), year=year)
    for year in (2019, 2020):
        AwardRecordFactory(person=person, award_type=award("cstd_co_so"), year=year)

    eligibility.annotate([nomination])

    assert [(reason.text, reason.met) for reason in nomination.eligibility.reasons] == [
        ("Bằng khen UBND tỉnh 2017: đủ 1 lần", True),
        ("Hoàn thành tốt nhiệm vụ trở lên 2016, 2017, 2018, 2019, 2020: đủ 5 năm liên tục", True),
        ("CSTĐ cơ sở 2019, 2020: chưa đủ 3 lần trong 5 năm", False),
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"titles": ["cstd_co_so"]}, "Ghi danh sách điều kiện, ví dụ"),
        ([{"titles": ["khong_co"], "consecutive": 3}], "Điều kiện 1: không có danh hiệu nào mang mã khong_co."),
        ([{"titles": ["cstd_co_so"], "consecutive": 3, "count": 2}], "Điều kiện 1: ghi “consecutive”"),
        ([{"titles": ["cstd_co_so"], "consecutive": 0}], "Điều kiện 1: “consecutive” là số nguyên từ 1 đến 50."),
    ],
)
def test_malformed_prerequisites_are_refused_in_vietnamese(value, message):
    with pytest.raises(ValidationError) as refused:
        validate_prerequisites(value, {"cstd_co_so"})

    assert refused.value.messages[0].startswith(message)
