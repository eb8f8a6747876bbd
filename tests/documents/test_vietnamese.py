"""Numbers and dates as Vietnamese official documents write them."""

import datetime as dt

import pytest

from documents.vietnamese import BLANK, date_words, month_year, short_date, to_roman


@pytest.mark.parametrize(
    ("number", "numeral"), [(1, "I"), (4, "IV"), (7, "VII"), (9, "IX"), (10, "X"), (14, "XIV"), (40, "XL")]
)
def test_editions_print_in_roman_numerals(number, numeral):
    assert to_roman(number) == numeral


def test_roman_numerals_refuse_zero():
    with pytest.raises(ValueError):
        to_roman(0)


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (dt.date(2020, 1, 5), "05/01/2020", "ngày 05 tháng 01 năm 2020"),
        (dt.date(2019, 6, 29), "29/6/2019", "ngày 29 tháng 6 năm 2019"),
        (dt.date(2022, 2, 22), "22/02/2022", "ngày 22 tháng 02 năm 2022"),
        (dt.date(2020, 7, 6), "06/7/2020", "ngày 06 tháng 7 năm 2020"),
    ],
)
def test_dates_take_leading_zeros_as_the_state_format_says(day, short, long):
    assert (short_date(day), date_words(day)) == (short, long)


def test_months_and_years_take_the_same_leading_zero():
    assert (month_year(1, 2020), month_year(7, 2020)) == ("01/2020", "7/2020")


def test_a_draft_leaves_the_day_blank_and_without_date_the_month_too():
    assert date_words(dt.date(2022, 2, 1), blank_day=True) == f"ngày {BLANK} tháng 02 năm 2022"
    assert date_words(None, year=2020) == f"ngày {BLANK} tháng {BLANK} năm 2020"
