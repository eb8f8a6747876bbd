import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from planning.models import LowerLevelCongress
from reminders.models import OutboxMail
from tests.factories import MeetingFactory, OrganizationFactory, PersonFactory, TaskFactory, TaskPartyFactory

TODAY = datetime.date(2020, 7, 20)


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


def sheets_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(response.content))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


@pytest.fixture
def schedule(congress):
    lead = OrganizationFactory(name="Sở Nội vụ")
    first = TaskFactory(congress=congress, number=1, deadline="Ngày 06/7/2020", content="Họp phiên thứ nhất")
    TaskPartyFactory(task=first, organization=lead)
    late = TaskFactory(congress=congress, number=2, deadline="Trước ngày 12/7/2020", content="Dự thảo báo cáo")
    TaskPartyFactory(task=late, organization=lead)
    TaskPartyFactory(task=late, role="coordinating", phrase="Các cơ quan, đơn vị")
    parent = TaskFactory(congress=congress, number=3, deadline="", content="Tổ chức Đại hội cấp cơ sở:")
    TaskFactory(congress=congress, parent=parent, number=1, deadline="Trước ngày 11/8/2020", content="Đại hội điểm")
    parent.save()
    return first, late, parent


def test_the_schedule_export_has_month_rows_parties_and_sub_items(client_for, viewer, congress, schedule, today):
    response = client_for(viewer).get(reverse("planning:schedule_export", args=[congress.pk]))

    rows = sheets_of(response)["Tiến trình"]
    assert rows[0] == [
        "STT",
        "Nội dung",
        "Chủ trì",
        "Phối hợp",
        "Thời hạn",
        "Hạn cuối",
        "Trạng thái",
        "Ngày hoàn thành",
    ]
    assert [row[0] for row in rows[1:]] == ["Tháng 7/2020", 1, 2, "Tháng 8/2020", 3, "3.1"]
    assert rows[3][:5] == [2, "Dự thảo báo cáo", "Sở Nội vụ", "Các cơ quan, đơn vị", "Trước ngày 12/7/2020"]
    assert rows[3][5] == datetime.datetime(2020, 7, 11)
    assert rows[3][6] == "Chưa thực hiện"


def test_the_schedule_export_holds_what_the_filter_shows(client_for, viewer, congress, schedule, today):
    url = reverse("planning:schedule_export", args=[congress.pk])

    rows = sheets_of(client_for(viewer).get(url, {"q": "Đại hội điểm"}))["Tiến trình"]

    assert [row[0] for row in rows[1:]] == ["Tháng 8/2020", 3, "3.1"]


def test_the_schedule_export_freezes_its_heading_row(client_for, viewer, congress, schedule):
    response = client_for(viewer).get(reverse("planning:schedule_export", args=[congress.pk]))

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width == 60


def test_a_stranger_cannot_export_the_schedule_or_the_dashboard(client_for, stranger, congress, schedule):
    client = client_for(stranger)
    for name in ("schedule_export", "dashboard_export", "lower_level_export", "meeting_export"):
        assert client.get(reverse(f"planning:{name}", args=[congress.pk])).status_code == 404


def test_the_dashboard_export_counts_by_month_and_lead_and_lists_overdue_work(
    client_for, viewer, congress, schedule, today
):
    response = client_for(viewer).get(reverse("planning:dashboard_export", args=[congress.pk]))

    sheets = sheets_of(response)
    assert list(sheets) == ["Theo tháng", "Theo cơ quan chủ trì", "Quá hạn"]
    assert sheets["Theo tháng"][1:] == [["Tháng 7/2020", 2, 0, 0, 0, 2, 0, 0], ["Tháng 8/2020", 1, 0, 0, 1, 0, 0, 0]]
    assert sheets["Theo cơ quan chủ trì"][1] == ["Sở Nội vụ", 2, 0, 0, 0, 2, 0, 0]
    assert [row[:2] for row in sheets["Quá hạn"][1:]] == [[1, "Họp phiên thứ nhất"], [2, "Dự thảo báo cáo"]]
    assert sheets["Quá hạn"][1][5] == 14


def test_my_work_export_lists_the_tasks_of_the_focal_points_agency(client_for, focal_point, congress, today):
    task = TaskFactory(congress=congress, number=4, deadline="Trước ngày 30/7/2020", content="Chuẩn bị hội trường")
    TaskPartyFactory(task=task, organization=congress.host)
    TaskFactory(congress=congress, number=5, content="Việc của người khác")

    rows = sheets_of(client_for(focal_point).get(reverse("planning:my_work_export")))["Việc của tôi"]

    assert rows[0][:3] == ["Đại hội", "STT", "Nội dung"]
    assert [row[1:3] for row in rows[1:]] == [[4, "Chuẩn bị hội trường"]]


def test_the_lower_level_export_shows_each_units_state(client_for, viewer, congress, today):
    unit = OrganizationFactory(name="UBND huyện Yên Lạc")
    LowerLevelCongress.objects.create(congress=congress, organization=unit, due_date=datetime.date(2020, 7, 1))

    rows = sheets_of(client_for(viewer).get(reverse("planning:lower_level_export", args=[congress.pk])))

    sheet = rows["Đại hội cấp dưới"]
    assert sheet[0][:5] == ["Đơn vị", "Loại hình", "Phải tổ chức trước ngày", "Ngày tổ chức", "Trạng thái"]
    assert sheet[1][0] == "UBND huyện Yên Lạc"
    assert sheet[1][4] == "Quá hạn"


def test_the_meeting_export_names_each_body(client_for, viewer, congress):
    MeetingFactory(congress=congress, number=1, title="Phiên họp thứ nhất")

    rows = sheets_of(client_for(viewer).get(reverse("planning:meeting_export", args=[congress.pk])))["Cuộc họp"]

    assert rows[1][:3] == ["Ban Tổ chức", 1, "Phiên họp thứ nhất"]


@pytest.mark.parametrize("count", [1, 30])
def test_the_schedule_export_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, count, django_assert_num_queries
):
    for number in range(1, count + 1):
        task = TaskFactory(congress=congress, number=number, deadline="Trong tháng 7/2020")
        TaskPartyFactory(task=task, organization=OrganizationFactory())
        TaskFactory(congress=congress, parent=task, number=1)
    client = client_for(viewer)
    url = reverse("planning:schedule_export", args=[congress.pk])
    client.get(url)

    # session, user, roles, congress, filter choices (sub-committees), parties, sub-items, tasks
    with django_assert_num_queries(7):
        client.get(url)


def test_the_outbox_export_shows_only_kept_congresses(client_for, secretariat, stranger, congress):
    mail = OutboxMail.objects.create(
        person=PersonFactory(),
        to="a@example.org",
        digest_date=datetime.date(2020, 7, 20),
        subject="[Đại hội] 2 nhiệm vụ quá hạn",
        not_after=timezone.now(),
    )
    mail.congresses.add(congress)

    mine = sheets_of(client_for(secretariat).get(reverse("reminders:outbox_export")))["Hộp thư đi"]
    theirs = sheets_of(client_for(stranger).get(reverse("reminders:outbox_export")))["Hộp thư đi"]

    assert mine[1][3] == "[Đại hội] 2 nhiệm vụ quá hạn"
    assert theirs[1:] == []


@pytest.mark.parametrize("count", [1, 30])
def test_my_work_export_reads_a_fixed_number_of_queries(
    client_for, focal_point, congress, count, django_assert_num_queries
):
    for number in range(1, count + 1):
        task = TaskFactory(congress=congress, number=number, deadline="Trong tháng 7/2020")
        TaskPartyFactory(task=task, organization=congress.host)
        TaskPartyFactory(task=TaskFactory(congress=congress, parent=task, number=1), organization=congress.host)
    client = client_for(focal_point)
    url = reverse("planning:my_work_export")
    client.get(url)

    # session, user, roles, sub-committees, congresses, tasks, parties, parents' parties
    with django_assert_num_queries(8):
        client.get(url)
