"""The .xlsx writer every export goes through: read back by openpyxl and by LibreOffice Calc."""

import csv
import datetime
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from documents.spreadsheets import Column, Group, Sheet, sheet_title, workbook_bytes

SHEET = Sheet(
    "Tiến trình: tháng 7/2020",
    [Column("STT", 7), Column("Nội dung", 60), Column("Hạn cuối", 14), Column("Gửi lúc", 18)],
    [
        Group("Tháng 7/2020"),
        [1, "Họp Ban Tổ chức\n- phiên thứ nhất", datetime.date(2020, 7, 6), datetime.datetime(2020, 7, 6, 7, 30)],
        ["1.1", "Ký tự lạ \x07 & <b>không</b> chạy", None, ""],
    ],
)


def test_a_sheet_reads_back_with_its_headings_values_and_styles():
    workbook = load_workbook(io.BytesIO(workbook_bytes([SHEET])))

    sheet = workbook.worksheets[0]
    assert sheet.title == "Tiến trình  tháng 7 2020"
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["STT", "Nội dung", "Hạn cuối", "Gửi lúc"],
        ["Tháng 7/2020", None, None, None],
        [1, "Họp Ban Tổ chức\n- phiên thứ nhất", datetime.datetime(2020, 7, 6), datetime.datetime(2020, 7, 6, 7, 30)],
        ["1.1", "Ký tự lạ  & <b>không</b> chạy", None, None],
    ]
    assert sheet["A1"].font.b and sheet["A2"].font.b and not sheet["A3"].font.b
    assert sheet["C3"].number_format == "dd/mm/yyyy"
    assert sheet["B3"].alignment.wrap_text
    assert sheet.freeze_panes == "A2"
    assert [sheet.column_dimensions[letter].width for letter in "ABCD"] == [7, 60, 14, 18]


def test_sheet_names_are_cut_and_kept_apart():
    used = set()

    names = [sheet_title("Theo cơ quan chủ trì và phối hợp của Đại hội", used) for _ in range(2)]

    assert names == ["Theo cơ quan chủ trì và phối hợ", "Theo cơ quan chủ trì và phố (2)"]


def test_several_sheets_keep_their_order():
    sheets = [Sheet(name, [Column("A")], [[name]]) for name in ("Theo tháng", "Quá hạn")]

    workbook = load_workbook(io.BytesIO(workbook_bytes(sheets)))

    assert workbook.sheetnames == ["Theo tháng", "Quá hạn"]
    assert workbook["Quá hạn"]["A2"].value == "Quá hạn"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_calc_opens_the_workbook(tmp_path):
    (tmp_path / "lich.xlsx").write_bytes(workbook_bytes([SHEET]))

    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "lich.xlsx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )

    converted = tmp_path / "lich.csv"
    if not converted.exists():
        pytest.skip("LibreOffice has no Calc to open spreadsheets (Debian: libreoffice-calc-nogui)")
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    assert rows == [
        ["STT", "Nội dung", "Hạn cuối", "Gửi lúc"],
        ["Tháng 7/2020", "", "", ""],
        ["1", "Họp Ban Tổ chức\n- phiên thứ nhất", "06/07/2020", "06/07/2020 07:30"],
        ["1.1", "Ký tự lạ  & <b>không</b> chạy", "", ""],
    ]
