"""The progress report as PDF and DOCX, read back: done, in progress, late and why, per sub-committee and
per agency, with the lower levels' state, as of the report's date."""

import datetime as dt

import pytest
from django.urls import reverse

from documents.layer import get_kind, letter_for, record_for, render_docx, render_pdf
from planning.models import LowerLevelCongress, ProgressUpdate
from planning.progress_report import state_on
from tests.factories import OrganizationFactory, TaskFactory, TaskPartyFactory

from .reading import docx_lines, missing_in_order, pdf_text

DAY = dt.date(2020, 7, 20)


@pytest.fixture
def report(province):
    congress = province
    content = congress.subcommittees.get(name="Tiểu ban Nội dung")
    home = OrganizationFactory(name="Sở Nội vụ tỉnh Ninh Thuận")
    culture = OrganizationFactory(name="Sở Văn hóa, Thể thao và Du lịch")
    done = TaskFactory(
        congress=congress,
        number=1,
        deadline="Trước ngày 12/7/2020",
        content="Xây dựng Kế hoạch",
        status="done",
        completed_on=dt.date(2020, 7, 10),
    )
    TaskPartyFactory(task=done, organization=home)
    late = TaskFactory(congress=congress, number=2, deadline="Trước ngày 15/7/2020", content="Dự thảo Báo cáo tổng kết")
    TaskPartyFactory(task=late, organization=None, subcommittee=content)
    TaskPartyFactory(task=late, role="coordinating", organization=home)
    ProgressUpdate.objects.create(task=late, text="Báo cáo sau ngày báo cáo")
    earlier = ProgressUpdate.objects.create(task=late, text="Đang chờ số liệu của các huyện")
    ProgressUpdate.objects.filter(pk=earlier.pk).update(created_at=dt.datetime(2020, 7, 18, 9, tzinfo=dt.UTC))
    finished_later = TaskFactory(
        congress=congress,
        number=3,
        deadline="Trong tháng 8/2020",
        content="Trang trí hội trường",
        status="done",
        completed_on=dt.date(2020, 8, 2),
    )
    TaskPartyFactory(task=finished_later, organization=culture)
    TaskFactory(congress=congress, number=4, deadline="Trong tháng 8/2020", content="In giấy khen")
    TaskFactory(congress=congress, number=5, deadline="Ngày 01/7/2020", content="Hủy bỏ", status="cancelled")
    LowerLevelCongress.objects.create(
        congress=congress, organization=OrganizationFactory(name="UBND huyện Ninh Hải"), due_date=dt.date(2020, 7, 14)
    )
    LowerLevelCongress.objects.create(
        congress=congress,
        organization=OrganizationFactory(name="UBND huyện Ninh Sơn"),
        due_date=dt.date(2020, 7, 14),
        held_on=dt.date(2020, 7, 10),
    )
    kind = get_kind("progress-report")
    record = record_for(kind, congress)
    record.date = DAY
    return kind, congress, record


def test_a_task_is_counted_as_it_stood_on_the_reports_day():
    task = TaskFactory.build(status="done", completed_on=dt.date(2020, 8, 2), due_date=dt.date(2020, 8, 31))

    assert state_on(task, DAY) == "in_progress"
    assert state_on(task, dt.date(2020, 8, 3)) == "done"


def test_the_pdf_reads_the_counts_the_late_task_with_its_reason_and_the_lower_levels(report):
    kind, congress, record = report

    text = pdf_text(render_pdf(letter_for(kind, congress, record))[0])

    assert (
        missing_in_order(
            text,
            [
                "BÁO CÁO",
                "Tiến độ chuẩn bị tổ chức",
                "số liệu tính đến ngày 20/7/2020",
                "I. TÌNH HÌNH CHUNG",
                "Tổng số nhiệm vụ: 4; đã hoàn thành: 1; đang thực hiện: 1; chưa thực hiện: 1; chậm tiến độ: 1.",
                "II. TIẾN ĐỘ THEO TIỂU BAN",
                "Tiểu ban Nội dung 1 0 0 0 1",
                "III. TIẾN ĐỘ THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ",
                "IV. CÁC NHIỆM VỤ CHẬM TIẾN ĐỘ",
                "Dự thảo Báo cáo tổng kết",
                "Đang chờ số liệu của các huyện (18/7/2020)",
                "V. TÌNH HÌNH TỔ CHỨC ĐẠI HỘI, HỘI NGHỊ CẤP DƯỚI",
                "Đã tổ chức: 1",
                "Quá thời hạn nhưng chưa tổ chức: 1.",
                "UBND huyện Ninh Hải (thời hạn 14/7/2020)",
            ],
        )
        == []
    )
    assert "Hủy bỏ" not in text and "Báo cáo sau ngày báo cáo" not in text


def test_the_docx_holds_the_same_report(report):
    kind, congress, record = report

    lines = docx_lines(render_docx(letter_for(kind, congress, record)))

    assert (
        missing_in_order(
            lines if isinstance(lines, str) else "\n".join(lines),
            [
                "TÌNH HÌNH CHUNG",
                "Tiểu ban Nội dung",
                "Sở Nội vụ tỉnh Ninh Thuận",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Dự thảo Báo cáo tổng kết",
                "Đang chờ số liệu của các huyện",
                "UBND huyện Ninh Hải",
            ],
        )
        == []
    )


def test_the_report_is_listed_among_the_congress_documents(client, province, django_user_model):
    from congress.models import CongressRole
    from tests.conftest import user_with_role

    user = user_with_role(province, CongressRole.Role.SECRETARIAT)
    client.force_login(user)

    page = client.get(reverse("congress:documents", args=[province.pk]))

    assert reverse("congress:document", args=[province.pk, "progress-report", province.pk]) in page.content.decode()
