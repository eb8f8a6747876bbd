"""Issuing: the next number of the series, frozen files with their SHA-256, versions, refusals."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from documents.layer import get_kind, record_for
from documents.models import IssuedVersion
from documents.services import issue_document, save_record
from tests.factories import MeetingFactory, PersonFactory

from .reading import WATERMARK, pdf_text

DAY = datetime.date(2020, 7, 17)


@pytest.fixture
def schedule(province):
    record = record_for(get_kind("schedule"), province)
    return save_record(record, by=None)


def test_issuing_freezes_the_pdf_and_docx_with_their_sha256(schedule, province_secretariat):
    issue = issue_document(schedule, number=5, issued_on=DAY, by=province_secretariat)

    pdf, docx = issue.pdf.read(), issue.docx.read()
    assert issue.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert issue.docx_sha256 == hashlib.sha256(docx).hexdigest()
    assert "Số: 05/CTr-BTC" in pdf_text(pdf)
    assert "Ninh Thuận, ngày 17 tháng 7 năm 2020" in pdf_text(pdf)
    assert WATERMARK not in pdf_text(pdf)
    schedule.refresh_from_db()
    assert (schedule.status, schedule.number, schedule.date, schedule.version) == ("issued", 5, DAY, 1)


def test_the_next_number_follows_the_last_in_the_series_and_year(schedule, province):
    issue_document(schedule, number=5, issued_on=DAY, by=None)
    notice = save_record(record_for(get_kind("founding-decision"), province), by=None)

    assert schedule.series.next_number(2020) == 6
    assert schedule.series.next_number(2021) == 1
    assert notice.series != schedule.series  # the host numbers its own documents; the board has its series


def test_a_number_already_used_in_the_series_is_refused(schedule, province):
    issue_document(schedule, number=5, issued_on=DAY, by=None)
    meeting = MeetingFactory(
        congress=province,
        number=1,
        starts_at=datetime.datetime(2020, 7, 20, 8, tzinfo=datetime.UTC),
        place="Hội trường",
        chair=PersonFactory(),
    )
    other = save_record(record_for(get_kind("meeting-notice"), meeting), by=None)

    with pytest.raises(ValidationError) as refusal:
        issue_document(other, number=5, issued_on=DAY, by=None)

    assert refusal.value.messages == [
        "Số 05 đã được dùng trong sổ văn bản của "
        "Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020 năm 2020."
    ]


def test_the_database_refuses_a_second_use_of_a_number_in_a_series_and_year(schedule):
    issue = issue_document(schedule, number=5, issued_on=DAY, by=None)

    with pytest.raises(IntegrityError):
        IssuedVersion.objects.create(
            document=schedule,
            version=2,
            series=issue.series,
            year=2020,
            number=5,
            number_text="05/CTr-BTC",
            issued_on=DAY,
            page_count=1,
        )


def test_a_date_before_the_board_was_founded_is_refused(schedule):
    with pytest.raises(ValidationError) as refusal:
        issue_document(schedule, number=1, issued_on=datetime.date(2020, 6, 1), by=None)

    assert refusal.value.messages == ["Không thể ghi ngày văn bản trước ngày 29/6/2020, ngày thành lập Ban Tổ chức."]


def test_a_signer_without_position_and_an_empty_recipients_list_are_refused(schedule):
    schedule.signer_position = ""
    schedule.recipients = []

    with pytest.raises(ValidationError) as refusal:
        issue_document(schedule, number=1, issued_on=DAY, by=None)

    assert refusal.value.messages == [
        "Người ký chưa có chức vụ: hãy nhập chức vụ in phía trên chữ ký.",
        "Danh sách nơi nhận đang trống: hãy nhập ít nhất một nơi nhận.",
    ]
    assert not IssuedVersion.objects.exists()


def test_a_change_after_issue_makes_a_new_draft_version_and_the_issued_one_stays(schedule):
    first = issue_document(schedule, number=5, issued_on=DAY, by=None)
    frozen = first.pdf.read()

    schedule.subject = "Chương trình đã sửa"
    save_record(schedule, by=None)
    second = issue_document(schedule, number=6, issued_on=DAY, by=None)

    schedule.refresh_from_db()
    assert (schedule.version, schedule.status) == (2, "issued")
    assert [issue.version for issue in schedule.issues.order_by("version")] == [1, 2]
    first.refresh_from_db()
    assert first.pdf.read() == frozen
    assert "Chương trình đã sửa" in pdf_text(second.pdf.read())
    assert "Chương trình đã sửa" not in pdf_text(frozen)
