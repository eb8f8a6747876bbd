import unicodedata
from datetime import date, timedelta

import pytest
from django.utils import translation

from planning.deadlines import ACCEPTED_FORMS, Deadline, DeadlineError, Kind, parse_deadline, phrase_for, shifted

# The last column of seed 000, the Ninh Thuận schedule for July and August 2020, as typed there.
SEED_DEADLINES = [
    ("Ngày 06/7/2020", Kind.ON_DAY, "Ngày 06/7/2020", date(2020, 7, 6), date(2020, 7, 1)),
    ("Trong tháng 7/2020", Kind.IN_MONTH, "Trong tháng 7/2020", date(2020, 7, 31), date(2020, 7, 1)),
    ("Trước ngày 12/7/2020", Kind.BEFORE_DAY, "Trước ngày 12/7/2020", date(2020, 7, 11), date(2020, 7, 1)),
    ("Trước ngày 10/7/2020", Kind.BEFORE_DAY, "Trước ngày 10/7/2020", date(2020, 7, 9), date(2020, 7, 1)),
    ("Trước ngày 15/7/2020", Kind.BEFORE_DAY, "Trước ngày 15/7/2020", date(2020, 7, 14), date(2020, 7, 1)),
    ("- Trước ngày 11/7/2020", Kind.BEFORE_DAY, "Trước ngày 11/7/2020", date(2020, 7, 10), date(2020, 7, 1)),
    ("- Trước ngày 15/7/2020", Kind.BEFORE_DAY, "Trước ngày 15/7/2020", date(2020, 7, 14), date(2020, 7, 1)),
    ("Trước ngày 25/7/2020", Kind.BEFORE_DAY, "Trước ngày 25/7/2020", date(2020, 7, 24), date(2020, 7, 1)),
    ("Trước ngày 30/7/2020", Kind.BEFORE_DAY, "Trước ngày 30/7/2020", date(2020, 7, 29), date(2020, 7, 1)),
    ("Trước ngày 06/8/2020", Kind.BEFORE_DAY, "Trước ngày 06/8/2020", date(2020, 8, 5), date(2020, 8, 1)),
]


@pytest.mark.parametrize(("text", "kind", "phrase", "last_date", "group_month"), SEED_DEADLINES)
def test_every_seed_deadline_keeps_its_phrase_and_knows_its_last_date(text, kind, phrase, last_date, group_month):
    deadline = parse_deadline(text)

    assert (deadline.kind, deadline.phrase, deadline.last_date(), deadline.group_month()) == (
        kind,
        phrase,
        last_date,
        group_month,
    )


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    [
        ("Ngày 06/7/2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("ngày 06 tháng 7 năm 2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("Ngày 6 tháng 07 năm 2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("06/7/2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("6/7/2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("06/07/2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("06-7-2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("06.7.2020", Kind.ON_DAY, {"day": date(2020, 7, 6)}),
        ("05/06/2020", Kind.ON_DAY, {"day": date(2020, 6, 5)}),
        ("Trong ngày 22/02/2022", Kind.ON_DAY, {"day": date(2022, 2, 22)}),
        ("Trước ngày 12/7/2020", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("trước ngày 12/7/2020", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("TRƯỚC NGÀY 12/7/2020", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("Trước 12/7/2020", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("Trước ngày 12/7/2020.", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("Trước ngày 12/7/2020;", Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}),
        ("Chậm nhất ngày 12/7/2020", Kind.BY_DAY, {"day": date(2020, 7, 12)}),
        ("Chậm nhất là ngày 12/7/2020", Kind.BY_DAY, {"day": date(2020, 7, 12)}),
        ("Chậm nhất đến ngày 12/7/2020", Kind.BY_DAY, {"day": date(2020, 7, 12)}),
        ("Hạn chót ngày 12/7/2020", Kind.BY_DAY, {"day": date(2020, 7, 12)}),
        ("Trước hoặc trong ngày 12/7/2020", Kind.BY_DAY, {"day": date(2020, 7, 12)}),
        ("Trong tháng 7/2020", Kind.IN_MONTH, {"month": 7, "year": 2020}),
        ("Tháng 7/2020", Kind.IN_MONTH, {"month": 7, "year": 2020}),
        ("Trong tháng 7 năm 2020", Kind.IN_MONTH, {"month": 7, "year": 2020}),
        ("THÁNG 8 NĂM 2020", Kind.IN_MONTH, {"month": 8, "year": 2020}),
        ("Trong tháng 01/2021", Kind.IN_MONTH, {"month": 1, "year": 2021}),
        ("Quý II năm 2020", Kind.IN_QUARTER, {"quarter": 2, "year": 2020}),
        ("Quý II/2020", Kind.IN_QUARTER, {"quarter": 2, "year": 2020}),
        ("Trong quý 2 năm 2020", Kind.IN_QUARTER, {"quarter": 2, "year": 2020}),
        ("quý iv năm 2020", Kind.IN_QUARTER, {"quarter": 4, "year": 2020}),
        ("Thường xuyên", Kind.ONGOING, {}),
        ("THƯỜNG XUYÊN", Kind.ONGOING, {}),
        ("10 ngày trước Đại hội", Kind.RELATIVE, {"offset_days": -10}),
        ("Trước Đại hội 10 ngày", Kind.RELATIVE, {"offset_days": -10}),
        ("05 ngày sau Đại hội", Kind.RELATIVE, {"offset_days": 5}),
        ("Sau Đại hội 5 ngày", Kind.RELATIVE, {"offset_days": 5}),
        ("07 ngày trước Hội nghị", Kind.RELATIVE, {"offset_days": -7}),
    ],
)
def test_each_accepted_spelling_reads_as_its_deadline_and_keeps_the_phrase(text, kind, fields):
    assert parse_deadline(text) == Deadline(kind, text, **fields)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("  Trước ngày 11/7/2020 \n", "Trước ngày 11/7/2020"),
        ("- Trước ngày 11/7/2020", "Trước ngày 11/7/2020"),
        ("– Trước ngày 11/7/2020", "Trước ngày 11/7/2020"),
        ("-Trước ngày 11/7/2020", "Trước ngày 11/7/2020"),
        ("Trước   ngày\u00a011/7/2020", "Trước ngày 11/7/2020"),
        ("Trước ngày\n11/7/2020", "Trước ngày 11/7/2020"),
    ],
)
def test_the_phrase_loses_only_surrounding_space_inner_runs_of_space_and_the_list_marker(text, phrase):
    assert parse_deadline(text).phrase == phrase


def test_decomposed_input_gives_a_composed_phrase():
    decomposed = unicodedata.normalize("NFD", "Trước ngày 12/7/2020")

    deadline = parse_deadline(decomposed)

    assert (deadline.phrase, deadline.kind, deadline.day) == (
        "Trước ngày 12/7/2020",
        Kind.BEFORE_DAY,
        date(2020, 7, 12),
    )


@pytest.mark.parametrize(
    ("text", "last_date", "group_month"),
    [
        ("Trong tháng 02/2020", date(2020, 2, 29), date(2020, 2, 1)),
        ("Trong tháng 02/2021", date(2021, 2, 28), date(2021, 2, 1)),
        ("Trong tháng 12/2020", date(2020, 12, 31), date(2020, 12, 1)),
        ("Quý I năm 2020", date(2020, 3, 31), date(2020, 3, 1)),
        ("Quý II năm 2020", date(2020, 6, 30), date(2020, 6, 1)),
        ("Quý III năm 2020", date(2020, 9, 30), date(2020, 9, 1)),
        ("Quý IV năm 2020", date(2020, 12, 31), date(2020, 12, 1)),
        ("Chậm nhất ngày 01/8/2020", date(2020, 8, 1), date(2020, 8, 1)),
        ("Trước ngày 01/8/2020", date(2020, 7, 31), date(2020, 7, 1)),
        ("Trước ngày 01/01/2021", date(2020, 12, 31), date(2020, 12, 1)),
    ],
)
def test_month_and_quarter_deadlines_end_on_their_last_day(text, last_date, group_month):
    deadline = parse_deadline(text)

    assert (deadline.last_date(), deadline.group_month()) == (last_date, group_month)


def test_a_relative_deadline_moves_when_the_session_date_moves():
    deadline = parse_deadline("10 ngày trước Đại hội")

    assert [
        (deadline.last_date(session), deadline.group_month(session))
        for session in (date(2020, 8, 20), date(2020, 9, 3))
    ] == [(date(2020, 8, 10), date(2020, 8, 1)), (date(2020, 8, 24), date(2020, 8, 1))]


def test_a_deadline_after_the_session_falls_after_it():
    deadline = parse_deadline("Sau Đại hội 5 ngày")

    assert (deadline.last_date(date(2020, 8, 28)), deadline.group_month(date(2020, 8, 28))) == (
        date(2020, 9, 2),
        date(2020, 9, 1),
    )


def test_a_relative_deadline_has_no_date_while_the_session_has_none():
    deadline = parse_deadline("10 ngày trước Đại hội")

    assert (deadline.last_date(), deadline.group_month()) == (None, None)


def test_an_ongoing_task_has_no_date_even_with_a_session_date():
    deadline = parse_deadline("Thường xuyên")

    assert (deadline.last_date(date(2020, 8, 20)), deadline.group_month(date(2020, 8, 20))) == (None, None)


def test_a_dated_deadline_ignores_the_session_date():
    assert parse_deadline("Trước ngày 12/7/2020").last_date(date(2020, 8, 20)) == date(2020, 7, 11)


COMPOSED = [
    (Kind.ON_DAY, {"day": date(2020, 7, 6)}, "Ngày 06/7/2020"),
    (Kind.ON_DAY, {"day": date(2022, 2, 22)}, "Ngày 22/02/2022"),
    (Kind.ON_DAY, {"day": date(2020, 1, 5)}, "Ngày 05/01/2020"),
    (Kind.BEFORE_DAY, {"day": date(2020, 7, 12)}, "Trước ngày 12/7/2020"),
    (Kind.BY_DAY, {"day": date(2020, 7, 12)}, "Chậm nhất ngày 12/7/2020"),
    (Kind.IN_MONTH, {"month": 7, "year": 2020}, "Trong tháng 7/2020"),
    (Kind.IN_MONTH, {"month": 1, "year": 2021}, "Trong tháng 01/2021"),
    (Kind.IN_QUARTER, {"quarter": 2, "year": 2020}, "Quý II năm 2020"),
    (Kind.IN_QUARTER, {"quarter": 4, "year": 2020}, "Quý IV năm 2020"),
    (Kind.ONGOING, {}, "Thường xuyên"),
    (Kind.RELATIVE, {"offset_days": -10}, "10 ngày trước Đại hội"),
    (Kind.RELATIVE, {"offset_days": 5}, "5 ngày sau Đại hội"),
]


@pytest.mark.parametrize(("kind", "fields", "phrase"), COMPOSED)
def test_phrase_for_writes_the_canonical_phrase(kind, fields, phrase):
    assert phrase_for(kind, **fields) == phrase


@pytest.mark.parametrize(("kind", "fields", "phrase"), COMPOSED)
def test_phrase_for_reads_back_as_the_same_fields(kind, fields, phrase):
    assert parse_deadline(phrase_for(kind, **fields)) == Deadline(kind, phrase, **fields)


def test_phrase_for_takes_the_kind_as_a_plain_string():
    assert phrase_for("before_day", day=date(2020, 7, 12)) == "Trước ngày 12/7/2020"


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Kind.IN_MONTH, {"month": 13, "year": 2020}),
        (Kind.IN_QUARTER, {"quarter": 5, "year": 2020}),
        (Kind.ON_DAY, {"day": date(1900, 1, 1)}),
        (Kind.RELATIVE, {"offset_days": 1000}),
    ],
)
def test_phrase_for_refuses_fields_that_make_no_deadline(kind, fields):
    with pytest.raises(DeadlineError):
        phrase_for(kind, **fields)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "- ",
        None,
        "31/02/2020",
        "Ngày 31/02/2020",
        "Trước ngày 32/7/2020",
        "Ngày 06/13/2020",
        "Trong tháng 13/2020",
        "Trong tháng 0/2020",
        "Quý V năm 2020",
        "Quý 5 năm 2020",
        "Quý 0 năm 2020",
        "Ngày 06/7/20",
        "Trước ngày 12/7/20",
        "Trong tháng 7/20",
        "Ngày 06/7/1944",
        "Ngày 01/01/2101",
        "Quý II năm 2101",
        "Ngày 06/7-2020",
        "Truoc ngay 12/7/2020",
        "Thuong xuyen",
        "0 ngày trước Đại hội",
        "10 ngày trước",
        "Sắp tới",
        "Từ ngày 06/7/2020 đến ngày 12/7/2020",
        "Cuối tháng 13/2020",
        "Đầu quý V/2020",
        "6 tháng giữa năm 2020",
        "Năm 20",
        "Sau Đại hội",
    ],
)
def test_unreadable_or_impossible_deadlines_raise_deadline_error(text):
    with pytest.raises(DeadlineError):
        parse_deadline(text)


def test_the_error_names_the_phrase_and_lists_the_accepted_forms_in_vietnamese():
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("  Sắp tới ")

    with translation.override("vi"):
        message = str(caught.value)

    assert message.startswith(
        "Không hiểu thời hạn “Sắp tới”. Các cách viết được chấp nhận: Ngày 06/7/2020; Trước ngày 12/7/2020; "
        "Chậm nhất ngày 12/7/2020; Trong tháng 7/2020; Quý II năm 2020; Cuối tháng 7/2020; "
    )
    assert message.endswith("Trước Đại hội; Từ nay đến Đại hội.")


def test_the_error_lists_the_accepted_forms_in_any_language():
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("Ngày 31/02/2020")

    assert "; ".join(ACCEPTED_FORMS) in str(caught.value)


def test_a_deadline_error_is_a_value_error_for_callers_that_catch_those():
    assert issubclass(DeadlineError, ValueError)


def test_every_form_the_error_offers_is_readable():
    assert [parse_deadline(form).phrase for form in ACCEPTED_FORMS] == list(ACCEPTED_FORMS)


def test_kinds_are_stored_as_plain_strings():
    assert [kind.value for kind in Kind] == [
        "on_day",
        "before_day",
        "by_day",
        "in_month",
        "in_quarter",
        "ongoing",
        "relative",
        "in_year",
        "half_year",
        "month_end",
        "first_week",
        "quarter_start",
    ]
    assert parse_deadline("Trước ngày 12/7/2020").kind == "before_day"


def test_a_deadline_rebuilt_from_stored_strings_computes_its_dates():
    deadline = Deadline("before_day", "Trước ngày 12/7/2020", day=date(2020, 7, 12))

    assert (deadline.last_date(), deadline.group_month()) == (date(2020, 7, 11), date(2020, 7, 1))


@pytest.mark.parametrize(
    ("text", "kind", "last_date"),
    [
        ("Năm 2020", Kind.IN_YEAR, date(2020, 12, 31)),
        ("Trong năm 2021", Kind.IN_YEAR, date(2021, 12, 31)),
        ("6 tháng đầu năm 2020", Kind.HALF_YEAR, date(2020, 6, 30)),
        ("6 tháng cuối năm 2020", Kind.HALF_YEAR, date(2020, 12, 31)),
        ("Cuối tháng 7/2020", Kind.MONTH_END, date(2020, 7, 31)),
        ("Cuối tháng 2 năm 2024", Kind.MONTH_END, date(2024, 2, 29)),
        ("Đầu quý III/2020", Kind.QUARTER_START, date(2020, 7, 31)),
        ("Đầu quý 1 năm 2021", Kind.QUARTER_START, date(2021, 1, 31)),
        ("Tuần đầu tháng 8/2020", Kind.FIRST_WEEK, date(2020, 8, 7)),
    ],
)
def test_plans_other_ways_of_writing_a_period_are_read_and_kept_as_typed(text, kind, last_date):
    deadline = parse_deadline(f"  {text}. ")

    assert deadline.kind == kind
    assert deadline.phrase == f"{text}."
    assert deadline.last_date() == last_date
    assert deadline.group_month() == last_date.replace(day=1)


@pytest.mark.parametrize(
    ("text", "offset_days"),
    [
        ("Từ nay đến Đại hội", 0),
        ("Đến Hội nghị", 0),
        ("Trước Đại hội", -1),
        ("Trước Hội nghị", -1),
        ("Chậm nhất 10 ngày trước khi tổ chức Hội nghị điển hình tiên tiến", -10),
        ("Chậm nhất 15 ngày trước Đại hội", -15),
        ("05 ngày sau Hội nghị", 5),
    ],
)
def test_phrases_counted_from_the_session_move_with_it(text, offset_days):
    deadline = parse_deadline(text)

    assert deadline.kind == Kind.RELATIVE
    assert deadline.phrase == text
    assert deadline.offset_days == offset_days
    assert deadline.last_date(date(2020, 8, 20)) == date(2020, 8, 20) + timedelta(days=offset_days)
    assert deadline.last_date() is None


def test_until_the_congress_composes_back_to_its_phrase():
    assert phrase_for("relative", offset_days=0) == "Từ nay đến Đại hội"


@pytest.mark.parametrize(
    ("text", "days", "months", "phrase"),
    [
        ("Trước ngày 12/7/2020", 1821, 60, "Trước ngày 07/7/2025"),
        ("Hạn chót ngày 30.6.2020", 30, 1, "Hạn chót ngày 30.7.2020"),
        ("Ngày 06 tháng 7 năm 2020", 365, 12, "Ngày 06 tháng 7 năm 2021"),
        ("Trong tháng 7/2020", 1821, 60, "Trong tháng 7/2025"),
        ("Cuối tháng 11/2020", 40, 2, "Cuối tháng 01/2021"),
        ("Tuần đầu tháng 8/2020", 1821, 60, "Tuần đầu tháng 8/2025"),
        ("Quý IV năm 2020", 40, 2, "Quý I năm 2021"),
        ("Đầu quý III/2020", 1821, 60, "Đầu quý III/2025"),
        ("6 tháng đầu năm 2020", 200, 7, "6 tháng cuối năm 2020"),
        ("Năm 2020", 1821, 60, "Năm 2025"),
        ("Thường xuyên", 1821, 60, "Thường xuyên"),
        ("Chậm nhất 10 ngày trước Đại hội", 1821, 60, "Chậm nhất 10 ngày trước Đại hội"),
    ],
)
def test_a_deadline_moves_to_the_next_congress_keeping_its_distance(text, days, months, phrase):
    moved = shifted(parse_deadline(text), days=days, months=months)

    assert moved.phrase == phrase
    assert parse_deadline(moved.phrase) == moved


@pytest.mark.parametrize(
    ("kind", "fields", "phrase"),
    [
        ("month_end", {"month": 7, "year": 2020}, "Cuối tháng 7/2020"),
        ("first_week", {"month": 8, "year": 2020}, "Tuần đầu tháng 8/2020"),
        ("quarter_start", {"quarter": 3, "year": 2020}, "Đầu quý III/2020"),
        ("half_year", {"month": 12, "year": 2020}, "6 tháng cuối năm 2020"),
        ("in_year", {"year": 2020}, "Năm 2020"),
    ],
)
def test_phrase_for_writes_every_period_kind(kind, fields, phrase):
    assert phrase_for(kind, **fields) == phrase
