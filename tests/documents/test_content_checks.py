"""What a document refuses before it is issued, and what it never prints: an incomplete meeting
notice, conclusions without content, an empty annex; recipients print as typed."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from documents.forms import DocumentForm
from documents.layer import get_kind, letter_for, record_for
from documents.services import issue_document, save_record
from tests.factories import ConclusionFactory, MeetingFactory, PersonFactory

from .reading import docx_lines, pdf_text

DAY = datetime.date(2020, 7, 17)
WHEN = datetime.datetime(2020, 7, 20, 1, tzinfo=datetime.UTC)


def issue_refusals(record):
    with pytest.raises(ValidationError) as refusal:
        issue_document(record, number=7, issued_on=DAY, by=None)
    return refusal.value.messages


def test_a_meeting_notice_is_not_issued_while_time_place_or_chair_will_be_announced_later(province):
    meeting = MeetingFactory(congress=province, number=1, place="Hội trường 16/4")
    record = save_record(record_for(get_kind("meeting-notice"), meeting), by=None)

    assert issue_refusals(record) == [
        "Thông báo vẫn ghi “sẽ thông báo sau” cho thời gian họp, người chủ trì: "
        "hãy nhập đủ trong phiên họp trước khi ban hành."
    ]

    meeting.starts_at, meeting.chair = WHEN, PersonFactory()
    meeting.save()
    assert issue_document(record, number=7, issued_on=DAY, by=None).number == 7


def test_conclusions_are_not_issued_without_content(province):
    meeting = MeetingFactory(congress=province, number=1, starts_at=WHEN, place="Hội trường", chair=PersonFactory())
    record = save_record(record_for(get_kind("meeting-conclusions"), meeting), by=None)

    assert issue_refusals(record) == [
        "Phiên họp chưa có nội dung kết luận: hãy nhập kết luận trước khi ban hành thông báo kết luận."
    ]

    ConclusionFactory(meeting=meeting, text="Thống nhất chương trình Đại hội.")
    assert issue_document(record, number=7, issued_on=DAY, by=None).number == 7


def test_the_plan_does_not_tick_the_schedule_annex_and_never_attaches_an_empty_one(province):
    kind = get_kind("plan")
    record = record_for(kind, province)
    assert record.annexes == []

    record.annexes = ["schedule"]  # the province has no task yet: the schedule is empty
    letter = letter_for(kind, province, record)
    assert letter.annexes == []
    assert issue_refusals(save_record(record, by=None)) == [
        "Phụ lục “Chương trình, phân công và tiến trình thực hiện các nhiệm vụ trọng tâm chuẩn bị cho "
        f"{province.name}” đang trống: hãy bổ sung nội dung hoặc bỏ chọn phụ lục trước khi ban hành."
    ]


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("- Sở Nội vụ;\n- Lưu.", ["- Sở Nội vụ;", "- Lưu."]), ("- Sở Nội vụ;\n- Lưu: VT, VP.", ["- Lưu: VT, VP."])],
)
def test_recipients_print_as_typed_down_to_the_last_line(province, typed, printed):
    kind = get_kind("plan")
    record = record_for(kind, province)
    form = DocumentForm(
        data={
            "type_name": record.type_name,
            "subject": record.subject,
            "parent_body": "",
            "issuing_body": record.issuing_body,
            "symbol": record.symbol,
            "place": record.place,
            "signer_collective": record.signer_collective,
            "signer_authority": "",
            "signer_position": record.signer_position,
            "signer_name": record.signer_name,
            "archive": "VT",
            "recipients_text": typed,
        },
        instance=record,
    )
    assert form.is_valid(), form.errors
    record = form.save(commit=False)
    letter = letter_for(kind, province, record, draft=False)
    from documents.layer import render_docx, render_pdf

    lines = docx_lines(render_docx(letter))
    text = pdf_text(render_pdf(letter)[0])
    for line in printed:
        assert line in lines
        assert line in text
    assert "Lưu: VT." not in text


def test_an_author_breaks_the_issuer_where_the_line_should_break(province):
    kind = get_kind("plan")
    record = record_for(kind, province)
    record.issuing_body = "Ủy ban nhân dân\nthị xã Ninh Hòa"
    record.signer_collective = "Ban Tổ chức Đại hội Thi đua yêu nước\ntỉnh lần thứ VII"
    letter = letter_for(kind, province, record, draft=False)

    assert letter.issuer_lines == ["ỦY BAN NHÂN DÂN", "THỊ XÃ NINH HÒA"]
    assert letter.signature_lines[:2] == ["TM. BAN TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC", "TỈNH LẦN THỨ VII"]
