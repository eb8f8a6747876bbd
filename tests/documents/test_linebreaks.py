"""Letterhead lines that a long name would push out of their column (documents.linebreaks)."""

import pytest

from documents.linebreaks import lines, text_width_mm

ISSUER_MM = 165 * 0.4  # the left column of a portrait letterhead


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # A cluster's name holds a place name ("TỈNH …") inside another ("CỤM …"): it breaks before the inner one,
        # never inside "DUYÊN HẢI"; a short one stays as it was.
        ("CỤM THI ĐUA CÁC TỈNH DUYÊN HẢI NAM TRUNG BỘ", ["CỤM THI ĐUA CÁC TỈNH", "DUYÊN HẢI NAM TRUNG BỘ"]),
        ("CỤM THI ĐUA CÁC TỈNH TÂY NGUYÊN", ["CỤM THI ĐUA CÁC", "TỈNH TÂY NGUYÊN"]),
        ("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", ["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"]),
    ],
)
def test_a_place_name_wider_than_its_column_breaks_as_a_person_breaks_it(name, expected):
    for size in (13, 12):
        printed = lines(name, width_mm=ISSUER_MM, size=size)

        assert printed == expected
        assert all(text_width_mm(line, size=size) <= ISSUER_MM for line in printed)
