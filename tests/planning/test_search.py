"""Tasks, meetings and lower levels are found whatever the case and accents of the query."""

import datetime

import pytest
from django.urls import reverse

from planning.models import LowerLevelCongress
from tests.factories import MeetingFactory, OrganizationFactory, TaskFactory, TaskPartyFactory

QUERIES = ["đại biểu", "ĐẠI BIỂU", "dai bieu", "Dai Bieu"]


@pytest.mark.parametrize("query", QUERIES)
def test_the_schedule_finds_a_task_whatever_the_case_and_accents(client_for, secretariat, congress, query):
    TaskFactory(congress=congress, content="Tổng hợp danh sách Đại biểu dự Đại hội")
    TaskFactory(congress=congress, content="Chuẩn bị hội trường")

    page = client_for(secretariat).get(reverse("planning:schedule", args=[congress.pk]), {"q": query})

    text = page.content.decode()
    assert "Tổng hợp danh sách Đại biểu dự Đại hội" in text
    assert "Chuẩn bị hội trường" not in text


@pytest.mark.parametrize("query", ["sở nội vụ", "SO NOI VU"])
def test_the_schedule_finds_a_task_by_its_partys_name(client_for, secretariat, congress, query):
    task = TaskFactory(congress=congress, content="Thẩm định hồ sơ")
    TaskPartyFactory(task=task, organization=OrganizationFactory(name="Sở Nội vụ"))
    TaskFactory(congress=congress, content="Chuẩn bị hội trường")

    text = client_for(secretariat).get(reverse("planning:schedule", args=[congress.pk]), {"q": query}).content
    assert "Thẩm định hồ sơ" in text.decode()
    assert "Chuẩn bị hội trường" not in text.decode()


@pytest.mark.parametrize("query", QUERIES)
def test_my_work_finds_a_task_whatever_the_case_and_accents(client_for, focal_point, congress, query):
    for content in ("Tổng hợp danh sách Đại biểu", "Chuẩn bị hội trường"):
        task = TaskFactory(congress=congress, content=content)
        TaskPartyFactory(task=task, organization=congress.host)

    text = client_for(focal_point).get(reverse("planning:my_work"), {"q": query}).content.decode()

    assert "Tổng hợp danh sách Đại biểu" in text
    assert "Chuẩn bị hội trường" not in text


@pytest.mark.parametrize("query", ["hội nghị", "HOI NGHI"])
def test_the_meeting_list_finds_a_meeting_whatever_the_case_and_accents(client_for, secretariat, congress, query):
    MeetingFactory(congress=congress, title="Hội nghị Ban Tổ chức lần thứ nhất")
    MeetingFactory(congress=congress, title="Phiên họp Tiểu ban")

    response = client_for(secretariat).get(reverse("planning:meeting_list", args=[congress.pk]), {"q": query})

    assert [meeting.title for meeting in response.context["page"]] == ["Hội nghị Ban Tổ chức lần thứ nhất"]


@pytest.mark.parametrize("query", ["đơn dương", "DON DUONG"])
def test_the_lower_level_list_finds_a_unit_whatever_the_case_and_accents(client_for, secretariat, congress, query):
    wanted = LowerLevelCongress.objects.create(
        congress=congress,
        organization=OrganizationFactory(name="Ủy ban nhân dân huyện Đơn Dương"),
        due_date=datetime.date(2020, 5, 1),
    )
    LowerLevelCongress.objects.create(
        congress=congress, organization=OrganizationFactory(name="Sở Y tế"), due_date=datetime.date(2020, 5, 1)
    )

    response = client_for(secretariat).get(reverse("planning:lower_levels", args=[congress.pk]), {"q": query})

    assert list(response.context["page"]) == [wanted]


def test_my_work_offers_all_congresses_and_starts_there(client_for, focal_point, congress):
    text = client_for(focal_point).get(reverse("planning:my_work")).content.decode()

    assert '<option value="" selected>Tất cả</option>' in text
