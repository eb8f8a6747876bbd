import datetime

import pytest
from django.urls import reverse

from congress.models import CongressRole
from planning.models import Task
from planning.views.schedule import SCHEDULE_PAGE_SIZE
from tests.conftest import user_with_role
from tests.factories import (
    OrganizationFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
)

TODAY = datetime.date(2020, 7, 20)


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


def schedule_url(congress, **query):
    url = reverse("planning:schedule", args=[congress.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def make_tasks(congress, count, organization=None):
    organization = organization or OrganizationFactory()
    tasks = []
    for number in range(1, count + 1):
        month = 7 + number % 3
        task = TaskFactory(congress=congress, number=number, deadline=f"Trong tháng {month}/2020")
        TaskPartyFactory(task=task, organization=organization)
        TaskPartyFactory(task=task, role="coordinating", organization=OrganizationFactory())
        task.assignees.add(*[])
        tasks.append(task)
    sub = TaskFactory(congress=congress, parent=tasks[0], number=1, deadline="Trước ngày 11/7/2020")
    TaskPartyFactory(task=sub, organization=organization)
    return tasks


# Schedule


def test_the_schedule_groups_tasks_by_month_with_sub_items(client_for, viewer, congress):
    july = TaskFactory(congress=congress, number=1, deadline="Ngày 06/7/2020", content="Họp phiên thứ nhất")
    august = TaskFactory(congress=congress, number=2, deadline="Trước ngày 06/8/2020", content="Họp phiên thứ ba")
    parent = TaskFactory(congress=congress, number=3, deadline="", content="")
    TaskFactory(congress=congress, parent=parent, number=1, deadline="Trước ngày 11/7/2020", content="Đại hội điểm")
    parent.save()

    response = client_for(viewer).get(schedule_url(congress))

    page = response.content.decode()
    assert response.status_code == 200
    assert [task.pk for task in response.context["page"]] == [july.pk, parent.pk, august.pk]
    table = page.index("<table")  # the month filter above it names the months too
    assert table < page.index("Tháng 7/2020", table) < page.index("Đại hội điểm") < page.index("Tháng 8/2020", table)
    assert "Trước ngày 06/8/2020" in page


def test_the_schedule_filters_by_party_sub_committee_status_month_and_search(
    client_for, viewer, congress, subcommittee, today
):
    lead = OrganizationFactory(name="Sở Nội vụ")
    mine = TaskFactory(congress=congress, number=1, content="Báo cáo tổng kết", deadline="Trước ngày 12/7/2020")
    TaskPartyFactory(task=mine, organization=lead)
    other = TaskFactory(congress=congress, number=2, content="Phóng sự", deadline="Trong tháng 8/2020")
    TaskPartyFactory(task=other)
    client = client_for(viewer)

    def shown(**query):
        return [task.pk for task in client.get(schedule_url(congress, **query)).context["page"]]

    assert shown(party=lead.pk) == [mine.pk]
    assert shown(q="phóng") == [other.pk]
    assert shown(month="2020-08") == [other.pk]
    assert shown(overdue="on") == [mine.pk]
    assert shown(status="done") == []
    TaskPartyFactory(task=other, organization=None, subcommittee=subcommittee)
    assert shown(subcommittee=subcommittee.pk) == [other.pk]


def test_a_sub_item_that_matches_brings_its_parent_along(client_for, viewer, congress):
    lead = OrganizationFactory()
    parent = TaskFactory(congress=congress, number=1, deadline="", content="")
    child = TaskFactory(congress=congress, parent=parent, number=1, content="Đại hội điểm")
    TaskPartyFactory(task=child, organization=lead)

    response = client_for(viewer).get(schedule_url(congress, party=lead.pk))

    assert [task.pk for task in response.context["page"]] == [parent.pk]


@pytest.mark.parametrize("rows", [1, 12, 70])
@pytest.mark.parametrize(
    "query", [{}, {"status": "not_started"}, {"month": "all"}], ids=["default", "filter", "all-months"]
)
def test_the_schedule_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, rows, query, django_assert_max_num_queries
):
    make_tasks(congress, rows)
    client = client_for(viewer)
    with django_assert_max_num_queries(12 if "status" in query else 11):  # a filter counts its matches
        response = client.get(schedule_url(congress, **query))
    assert 0 < len(response.context["rows"]) <= SCHEDULE_PAGE_SIZE


def test_a_long_schedule_opens_on_this_month_with_a_month_pager(client_for, viewer, congress, today):
    make_tasks(congress, 70)  # months 7, 8 and 9 of 2020; today is in July 2020

    response = client_for(viewer).get(schedule_url(congress))

    pager = response.context["pager"]
    assert pager["window"]["month"] == datetime.date(2020, 7, 1)
    assert [entry["count"] for entry in pager["months"]] == [23, 24, 23]
    assert pager["total"] == 70 and pager["previous"] is None
    assert {row["month"] for row in response.context["rows"]} == {datetime.date(2020, 7, 1)}
    assert response.context["page"].paginator.count == 23
    page = response.content.decode()
    assert "Tháng 7/2020: 23 nhiệm vụ trên 70" in page
    assert "?month=2020-08" in page and "?month=all" in page

    august = client_for(viewer).get(schedule_url(congress, month="2020-08"))
    assert {row["month"] for row in august.context["rows"]} == {datetime.date(2020, 8, 1)}
    assert august.context["pager"]["previous"]["key"] == "2020-07"
    assert august.context["pager"]["next"]["key"] == "2020-09"

    every_month = client_for(viewer).get(schedule_url(congress, month="all"))
    assert every_month.context["page"].paginator.count == 70
    assert len(every_month.context["rows"]) == SCHEDULE_PAGE_SIZE


def test_a_short_schedule_shows_every_month_and_a_search_keeps_the_window(client_for, viewer, congress):
    make_tasks(congress, 12)

    response = client_for(viewer).get(schedule_url(congress))
    assert response.context["pager"]["all"] is True
    assert response.context["page"].paginator.count == 12

    found = client_for(viewer).get(schedule_url(congress, month="2020-08", status="not_started"))
    assert found.context["pager"]["window"]["key"] == "2020-08"
    assert [row["month"] for row in found.context["rows"]] == [datetime.date(2020, 8, 1)] * 4


def test_editors_see_edit_links_and_readers_do_not(client_for, secretariat, viewer, congress):
    task = TaskFactory(congress=congress)
    edit = reverse("planning:task_edit", args=[congress.pk, task.pk])
    assert edit in client_for(secretariat).get(schedule_url(congress)).content.decode()
    assert edit not in client_for(viewer).get(schedule_url(congress)).content.decode()


def test_strangers_get_404_on_the_schedule(client_for, stranger, congress):
    assert client_for(stranger).get(schedule_url(congress)).status_code == 404


# My work


def test_my_work_shows_exactly_the_focal_points_tasks_overdue_first(client_for, congress, today):
    home = OrganizationFactory(name="Sở Nội vụ")
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    later = TaskFactory(congress=congress, number=1, deadline="Trong tháng 8/2020")
    TaskPartyFactory(task=later, organization=home)
    late = TaskFactory(congress=congress, number=2, deadline="Trước ngày 12/7/2020")
    TaskPartyFactory(task=late, role="coordinating", organization=home)
    done = TaskFactory(
        congress=congress,
        number=3,
        deadline="Trước ngày 10/7/2020",
        status="done",
        completed_on=datetime.date(2020, 7, 9),
    )
    TaskPartyFactory(task=done, organization=home)
    TaskPartyFactory(task=TaskFactory(congress=congress, number=4))  # another agency's

    response = client_for(user).get(reverse("planning:my_work"))

    assert [task.pk for task in response.context["page"]] == [late.pk, later.pk]
    assert response.context["page"][0].overdue
    assert all(task.can_post for task in response.context["page"])
    done_page = client_for(user).get(reverse("planning:my_work") + "?show=done")
    assert [task.pk for task in done_page.context["page"]] == [done.pk]


def test_my_work_includes_assigned_tasks_and_the_sub_committees(client_for, congress, subcommittee):
    user = user_with_role(congress, CongressRole.Role.BOARD_MEMBER)
    assigned = TaskFactory(congress=congress, number=1)
    assigned.assignees.add(user.person)
    held = TaskFactory(congress=congress, number=2)
    TaskPartyFactory(task=held, organization=None, subcommittee=subcommittee)
    SubcommitteeMemberFactory(subcommittee=subcommittee, person=user.person)
    TaskFactory(congress=congress, number=3)

    response = client_for(user).get(reverse("planning:my_work"))

    assert {task.pk for task in response.context["page"]} == {assigned.pk, held.pk}


def test_my_work_does_not_show_another_congresss_tasks_for_the_same_organisation(client_for, congress, stranger):
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=congress.host)
    other = TaskFactory()
    TaskPartyFactory(task=other, organization=congress.host)

    response = client_for(user).get(reverse("planning:my_work"))

    assert list(response.context["page"]) == []


@pytest.mark.parametrize("rows", [1, 15])
def test_my_work_reads_a_fixed_number_of_queries(client_for, congress, rows, django_assert_num_queries):
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    for task in make_tasks(congress, rows, organization=home):
        task.assignees.add(user.person)
    client = client_for(user)
    with django_assert_num_queries(11):
        client.get(reverse("planning:my_work"))


def test_my_work_needs_a_login(client):
    response = client.get(reverse("planning:my_work"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_tasks_without_text_are_left_to_their_sub_items(client_for, congress):
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    parent = TaskFactory(congress=congress, content="", deadline="")
    TaskPartyFactory(task=parent, organization=home)
    child = TaskFactory(congress=congress, parent=parent, content="Đại hội điểm")
    TaskPartyFactory(task=child, organization=home)

    response = client_for(user).get(reverse("planning:my_work"))

    assert [task.pk for task in response.context["page"]] == [child.pk]
    assert Task.objects.count() == 2
