import datetime

from documents import numbering, vietnamese

BLANK = vietnamese.BLANK


def test_numbers_below_ten_take_a_leading_zero():
    assert numbering.number_line(5, "KH-UBND") == "Số: 05/KH-UBND"
    assert numbering.number_line(54, "KH-UBND") == "Số: 54/KH-UBND"


def test_a_draft_without_number_leaves_a_blank_before_the_slash():
    assert numbering.number_line(None, "KH-UBND") == f"Số: {BLANK}/KH-UBND"


def test_days_below_ten_and_january_and_february_take_a_leading_zero():
    assert numbering.place_date_line("Ninh Thuận", datetime.date(2020, 1, 5)) == "Ninh Thuận, ngày 05 tháng 01 năm 2020"
    assert numbering.place_date_line("Ninh Thuận", datetime.date(2019, 6, 29)) == "Ninh Thuận, ngày 29 tháng 6 năm 2019"
    assert numbering.place_date_line("Ninh Thuận", datetime.date(2020, 7, 17)) == "Ninh Thuận, ngày 17 tháng 7 năm 2020"


def test_a_draft_whose_day_is_not_fixed_leaves_the_day_blank_as_seed_001_shows():
    line = numbering.place_date_line("Ninh Thuận", datetime.date(2022, 2, 1), blank_day=True)

    assert line == f"Ninh Thuận, ngày {BLANK} tháng 02 năm 2022"


def test_a_draft_without_date_leaves_day_and_month_blank():
    assert (
        numbering.place_date_line("Ninh Thuận", None, year=2020) == f"Ninh Thuận, ngày {BLANK} tháng {BLANK} năm 2020"
    )


def test_a_letter_without_type_code_carries_the_issuer_alone():
    assert numbering.symbol_for("", "UBND") == "UBND"
    assert numbering.symbol_for("CTr", "BTC") == "CTr-BTC"
