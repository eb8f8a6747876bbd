"""The plans of seeds 001 and 003 as their authors wrote them: sections, record and recipients as printed.

The text of each plan (demo/plans/seed_00N.txt) is the seed's, from the legal bases to the closing
paragraph; its typed numbers become the sections' levels (documents.outline.from_typed_text), so the
printed plan numbers them itself. tests/documents/test_seed_comparison.py compares the print with the seed.
"""

import datetime
from pathlib import Path

from django.db import transaction

from congress.models import Congress
from documents.layer import get_kind, record_for
from documents.outline import from_typed_text
from documents.services import save_outline

HERE = Path(__file__).parent / "plans"

# congress name -> (seed text, date, blank day, recipients as printed, archive)
SEED_PLANS = {
    "Hội nghị trực tuyến tổng kết công tác thi đua, khen thưởng năm 2021 và triển khai nhiệm vụ năm 2022": (
        "seed_001.txt",
        datetime.date(2022, 2, 1),
        True,  # "ngày      tháng 02 năm 2022": drafted before its day was fixed
        [
            ["Thường trực Tỉnh ủy", "(b/c)"],
            ["Thường trực HĐND tỉnh", "(b/c)"],
            ["CT, các PCT UBND tỉnh", ""],
            ["CQ, ĐV, cá nhân (Tại khoản 3 Mục II)", ""],
            ["Đài PTHT tỉnh", ""],
            ["VPUB: CVP, PVP (NĐT)", ""],
        ],
        "VT, VXNV, HCQT. NY",
    ),
    "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận lần thứ VII - năm 2020": (
        "seed_003.txt",
        datetime.date(2020, 3, 24),
        False,
        [
            ["Ban CSKTXH và TĐKT TLĐLĐVN", ""],
            ["Thường trực Tỉnh ủy", ""],
            ["UBND tỉnh", ""],
            ["Ban Dân vận Tỉnh ủy", ""],
            ["UBMTTQVN tỉnh", ""],
            ["Sở Nội vụ", ""],
            ["Thường trực LĐLĐ tỉnh", ""],
            ["Các Ban LĐLĐ tỉnh", ""],
            ["Công đoàn cấp trên trực tiếp cơ sở", ""],
            ["Website LĐLĐ tỉnh", ""],
        ],
        "VP",
    ),
}


def seed_sections(filename):
    return [
        {"key": s.key, "level": s.level, "heading": s.heading, "text": s.text}
        for s in from_typed_text((HERE / filename).read_text(encoding="utf-8"))
    ]


@transaction.atomic
def load_seed_plans():
    """Each seed plan once, into its demo congress; False when all were there already (or no congress)."""
    kind, loaded = get_kind("plan"), False
    for name, (filename, date, blank_day, recipients, archive) in SEED_PLANS.items():
        congress = Congress.objects.filter(name=name).first()
        if congress is None:
            continue
        record = record_for(kind, congress)
        if record.pk and record.sections.exists():
            continue
        record.date, record.blank_day, record.recipients, record.archive = date, blank_day, recipients, archive
        save_outline(record, seed_sections(filename), by=None)
        loaded = True
    return loaded
