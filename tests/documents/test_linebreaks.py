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


@pytest.mark.parametrize(
    ("issuer", "kept"),
    [
        ("Hội đồng Thi đua - Khen thưởng tỉnh Ninh Thuận", "tỉnh\u00a0Ninh\u00a0Thuận"),
        ("Ủy ban nhân dân thị xã Ninh Hòa", "thị\u00a0xã\u00a0Ninh\u00a0Hòa"),
    ],
)
def test_an_annex_reference_never_breaks_inside_a_place_name(issuer, kept):
    """Issue 14: never "… tỉnh Ninh / Thuận)"; the reference's other spaces still break."""
    from types import SimpleNamespace

    from documents.layer import annex_reference

    record = SimpleNamespace(
        type_name="Tờ trình", date=None, blank_day=True, is_issued=False, number_text="/TTr-HĐTĐKT", issuing_body=issuer
    )
    reference = annex_reference(record, year=2020)

    assert reference.endswith(f" {kept})")
    assert reference.replace("\u00a0", " ").startswith("(Kèm theo Tờ trình số /TTr-HĐTĐKT ngày")
    assert " " in reference.split(kept)[0].rstrip()
