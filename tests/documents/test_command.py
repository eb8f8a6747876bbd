import pytest
from django.core.management import CommandError, call_command

from tests.factories import MeetingFactory

from .reading import pdf_text


def test_render_document_writes_the_schedule_pdf_from_the_command_line(demo, tmp_path, capsys):
    out = tmp_path / "lich.pdf"

    call_command("render_document", str(demo.pk), "schedule", "--format", "pdf", "--out", str(out))

    assert "CHƯƠNG TRÌNH" in pdf_text(out.read_bytes())
    assert capsys.readouterr().out.startswith(f"Đã ghi {out} (bản dự thảo, ")


def test_render_document_writes_a_meeting_notice_as_docx_by_congress_name(province, tmp_path):
    meeting = MeetingFactory(congress=province, number=2, place="Phòng họp số 1")
    out = tmp_path / "thong-bao.docx"

    call_command(
        "render_document",
        province.name,
        "meeting-notice",
        "--owner",
        str(meeting.pk),
        "--format",
        "docx",
        "--out",
        str(out),
    )

    from .reading import docx_lines

    assert "2. Địa điểm: Phòng họp số 1." in docx_lines(out.read_bytes())


def test_render_document_names_what_is_wrong(province, tmp_path):
    with pytest.raises(CommandError, match="Không có loại văn bản “bien-ban”."):
        call_command("render_document", str(province.pk), "bien-ban", "--out", str(tmp_path / "x.pdf"))
