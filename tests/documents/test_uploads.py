"""Uploads are checked before anything parses them: zip bombs, oversized sheets and PDF polyglots are refused."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from documents import uploads
from planning.models import Attachment
from tests.factories import PDF, TaskFactory

POLYGLOT = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"
# 20 MB of spaces pack to about 20 KB: a thousand times, where real Office parts pack 5 to 20 times.
PADDING = b" " * (20 * 1024 * 1024)


def padded(container, part):
    """The same Office file with `part` padded by whitespace: still valid, a thousand times denser."""
    source = zipfile.ZipFile(io.BytesIO(container))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in source.infolist():
            data = source.read(member)
            bomb.writestr(member.filename, data + PADDING if member.filename == part else data)
    return buffer.getvalue()


def workbook_bytes(fill):
    workbook = Workbook()
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes():
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    return buffer.getvalue()


def xlsx_bomb():
    return padded(
        workbook_bytes(lambda sheet: sheet.append(["Họ và tên", "Danh hiệu", "Năm"])), "xl/worksheets/sheet1.xml"
    )


def docx_bomb():
    return padded(docx_bytes(), "word/document.xml")


def test_a_real_pdf_passes_and_a_pdf_header_followed_by_html_does_not():
    assert uploads.check_pdf(SimpleUploadedFile("to-trinh.pdf", PDF))

    with pytest.raises(ValidationError) as refused:
        uploads.check_pdf(SimpleUploadedFile("to-trinh.pdf", POLYGLOT))

    assert refused.value.code == "damaged"


def test_a_real_docx_passes_and_a_docx_bomb_is_refused_before_it_is_unpacked(monkeypatch):
    assert uploads.check_archive(SimpleUploadedFile("bao-cao.docx", docx_bytes()))
    bomb = SimpleUploadedFile("bao-cao.docx", docx_bomb())

    def unpack(*args, **kwargs):
        raise AssertionError("a member of the bomb was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "open", unpack)  # reading a member goes through open()
    with pytest.raises(ValidationError) as refused:
        uploads.check_archive(bomb)

    assert refused.value.code == "compression_bomb"
    assert len(bomb) < 100_000


def test_an_archive_over_the_unpacked_limit_is_refused_even_when_it_packs_normally(settings):
    settings.UPLOAD_MAX_UNPACKED_BYTES = 10_000

    with pytest.raises(ValidationError) as refused:
        uploads.check_archive(SimpleUploadedFile("bao-cao.docx", docx_bytes()))

    assert refused.value.code == "unpacks_too_large"


def test_a_sheet_declaring_more_rows_or_columns_than_asked_is_refused_before_its_rows_are_read():
    tall = workbook_bytes(lambda sheet: sheet.cell(row=30_000, column=1, value="x"))
    wide = workbook_bytes(lambda sheet: sheet.cell(row=1, column=200, value="x"))

    for content in (tall, wide):
        with pytest.raises(ValidationError) as refused:
            uploads.read_sheet(SimpleUploadedFile("lich-su.xlsx", content), max_rows=20_001, max_columns=30)
        assert refused.value.code == "sheet_too_large"


def test_a_sheet_is_read_row_by_row_within_its_bounds():
    content = workbook_bytes(lambda sheet: [sheet.append([index, f"hàng {index}"]) for index in range(1, 4)])

    rows = uploads.read_sheet(SimpleUploadedFile("lich-su.xlsx", content), max_rows=10, max_columns=5)

    assert rows == [(1, "hàng 1"), (2, "hàng 2"), (3, "hàng 3")]


def test_the_award_history_import_refuses_an_excel_bomb_with_a_message(client_for, secretariat, congress):
    url = reverse("awards:history_import", args=[congress.pk])

    response = client_for(secretariat).post(url, {"file": SimpleUploadedFile("lich-su.xlsx", xlsx_bomb())})

    assert response.status_code == 422
    assert response.context["form"].errors["file"] == [
        "Tệp “lich-su.xlsx” khi giải nén lớn bất thường so với dung lượng tệp (dấu hiệu “bom nén”) nên không được mở."
    ]


def test_a_docx_bomb_attached_to_a_task_is_refused_and_nothing_is_stored(client_for, secretariat, congress):
    task = TaskFactory(congress=congress)
    url = reverse("planning:task_progress", args=[congress.pk, task.pk])

    response = client_for(secretariat).post(
        url,
        {
            "text": "Đã gửi dự thảo",
            "new_status": "in_progress",
            "files": [SimpleUploadedFile("du-thao.docx", docx_bomb())],
        },
    )

    assert response.status_code == 422
    assert "du-thao.docx" in response.content.decode()
    assert "bom nén" in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_polyglot_pdf_attached_to_a_task_is_refused(client_for, secretariat, congress):
    task = TaskFactory(congress=congress)
    url = reverse("planning:task_progress", args=[congress.pk, task.pk])

    response = client_for(secretariat).post(
        url, {"text": "Báo cáo", "new_status": "in_progress", "files": [SimpleUploadedFile("bao-cao.pdf", POLYGLOT)]}
    )

    assert response.status_code == 422
    assert "Tệp “bao-cao.pdf” bị hỏng" in response.content.decode()
    assert not Attachment.objects.exists()
