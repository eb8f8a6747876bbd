"""Changing many tasks at once: choose, confirm the list, each task's history records it."""

import datetime as dt

import pytest
from django.urls import reverse

from planning.models import Task, TaskEvent
from tests.factories import PersonFactory, TaskFactory, TaskPartyFactory

URL = reverse("planning:task_bulk")


@pytest.fixture
def tasks(congress):
    return [
        TaskFactory(congress=congress, number=1, deadline="Trước ngày 12/7/2020"),
        TaskFactory(congress=congress, number=2, deadline="Trong tháng 8/2020"),
        TaskFactory(
            congress=congress, number=3, deadline="Ngày 06/7/2020", status="done", completed_on=dt.date(2020, 7, 6)
        ),
    ]


def ids(tasks):
    return [task.pk for task in tasks]


def test_the_schedule_offers_a_checkbox_per_task_the_user_may_change(client_for, secretariat, viewer, tasks, congress):
    schedule = reverse("planning:schedule", args=[congress.pk])

    html = client_for(secretariat).get(schedule).content.decode()
    assert html.count('form="bulk-form" name="task"') == 3
    assert f'action="{URL}"' in html
    html = client_for(viewer).get(schedule).content.decode()
    assert 'form="bulk-form"' not in html


def test_the_status_change_is_confirmed_then_written_with_history(client_for, secretariat, tasks):
    client = client_for(secretariat)
    data = {"task": ids(tasks), "action": "status", "status": "in_progress", "next": "/my-work/"}

    form = client.get(URL, {"task": ids(tasks)})
    confirm = client.post(URL, data)

    assert form.status_code == 200
    assert confirm.status_code == 200
    assert confirm.context["changed"] == 3
    assert "Đang thực hiện" in confirm.content.decode()
    assert not TaskEvent.objects.exists()
    done = client.post(URL, {**data, "confirm": "1"})
    assert done.status_code == 302 and done.url == "/my-work/"
    assert list(Task.objects.order_by("number").values_list("status", "completed_on", "version")) == [
        ("in_progress", None, 2),
        ("in_progress", None, 2),
        ("in_progress", None, 2),
    ]
    assert [event.changes for event in TaskEvent.objects.order_by("task__number")] == [
        {"status": ["not_started", "in_progress"]},
        {"status": ["not_started", "in_progress"]},
        {"status": ["done", "in_progress"], "completed_on": ["06/07/2020", ""]},
    ]


def test_marking_done_sets_todays_completion_date_and_skips_tasks_already_done(client_for, secretariat, tasks):
    client_for(secretariat).post(URL, {"task": ids(tasks), "action": "status", "status": "done", "confirm": "1"})

    assert Task.objects.get(number=1).completed_on is not None
    assert Task.objects.get(number=3).completed_on == dt.date(2020, 7, 6)
    assert TaskEvent.objects.count() == 2


def test_moving_deadlines_moves_only_those_that_name_a_day(client_for, secretariat, tasks):
    client = client_for(secretariat)
    data = {"task": ids(tasks), "action": "move", "days": "10"}

    confirm = client.post(URL, data)
    client.post(URL, {**data, "confirm": "1"})

    html = confirm.content.decode()
    assert "Trước ngày 22/7/2020" in html and "Không thay đổi" in html
    assert list(Task.objects.order_by("number").values_list("deadline_phrase", "due_date")) == [
        ("Trước ngày 22/7/2020", dt.date(2020, 7, 21)),
        ("Trong tháng 8/2020", dt.date(2020, 8, 31)),
        ("Ngày 16/7/2020", dt.date(2020, 7, 16)),
    ]
    assert TaskEvent.objects.get(task__number=1).changes == {
        "deadline": ["Trước ngày 12/7/2020", "Trước ngày 22/7/2020"]
    }


def test_reassigning_replaces_the_assignees(client_for, secretariat, tasks):
    before, after = PersonFactory(full_name="Trần Văn A"), PersonFactory(full_name="Lê Thị B")
    tasks[0].assignees.add(before)
    tasks[1].assignees.add(after)

    client_for(secretariat).post(URL, {"task": ids(tasks[:2]), "action": "assign", "person": after.pk, "confirm": "1"})

    assert [list(task.assignees.all()) for task in Task.objects.order_by("number")] == [[after], [after], []]
    assert TaskEvent.objects.get().changes == {"assignees": ["Trần Văn A", "Lê Thị B"]}  # the second had no change


def test_a_missing_value_is_refused_in_vietnamese_and_nothing_changes(client_for, secretariat, tasks):
    response = client_for(secretariat).post(URL, {"task": ids(tasks), "action": "move", "days": "", "confirm": "1"})

    assert response.status_code == 422
    assert response.context["form"].errors["days"] == ["Hãy điền mục này cho thay đổi đã chọn."]
    assert not TaskEvent.objects.exists()


def test_a_subcommittee_head_changes_only_the_tasks_their_subcommittee_leads(
    client_for, subcommittee_head, subcommittee, tasks
):
    TaskPartyFactory(task=tasks[0], organization=None, subcommittee=subcommittee)
    client = client_for(subcommittee_head)

    page = client.get(URL, {"task": ids(tasks)})
    client.post(URL, {"task": ids(tasks), "action": "status", "status": "cancelled", "confirm": "1"})

    assert [task.pk for task in page.context["tasks"]] == [tasks[0].pk]
    assert len(page.context["refused"]) == 2
    assert list(Task.objects.order_by("number").values_list("status", flat=True)) == [
        "cancelled",
        "not_started",
        "done",
    ]


def test_a_stranger_finds_nothing_and_a_viewer_may_not_change(client_for, stranger, viewer, tasks):
    data = {"task": ids(tasks), "action": "status", "status": "done", "confirm": "1"}
    assert client_for(stranger).get(URL, {"task": ids(tasks)}).status_code == 404
    assert client_for(stranger).post(URL, data).status_code == 404
    assert client_for(viewer).get(URL, {"task": ids(tasks)}).status_code == 403
    assert client_for(viewer).post(URL, data).status_code == 403
    assert not TaskEvent.objects.exists()


@pytest.mark.parametrize("value", [[], ["abc"], ["999999"]])
def test_an_empty_odd_or_unknown_selection_finds_nothing(client_for, secretariat, value):
    assert client_for(secretariat).get(URL, {"task": value}).status_code == 404


def test_an_outside_return_address_is_not_followed(client_for, secretariat, tasks):
    response = client_for(secretariat).post(
        URL, {"task": ids(tasks), "action": "status", "status": "done", "confirm": "1", "next": "https://evil.example/"}
    )

    assert response.url == reverse("planning:my_work")


@pytest.mark.parametrize("count", [1, 12])
def test_the_confirmation_reads_a_fixed_number_of_queries(
    client_for, secretariat, congress, django_assert_num_queries, count
):
    selected = [TaskFactory(congress=congress, number=n + 1) for n in range(count)]
    for task in selected:
        TaskPartyFactory(task=task)
    client = client_for(secretariat)
    with django_assert_num_queries(6):
        client.post(URL, {"task": ids(selected), "action": "move", "days": "3"})


def test_the_schedule_shows_the_change_at_once(client_for, secretariat, congress, tasks, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    client = client_for(secretariat)
    schedule = reverse("planning:schedule", args=[congress.pk])
    assert "Trước ngày 12/7/2020" in client.get(schedule).content.decode()

    client.post(URL, {"task": ids(tasks[:1]), "action": "move", "days": "1", "confirm": "1"})

    assert "Trước ngày 13/7/2020" in client.get(schedule).content.decode()


def test_my_work_offers_the_checkbox_for_the_tasks_the_user_may_change(
    client_for, subcommittee_head, subcommittee, tasks
):
    TaskPartyFactory(task=tasks[0], organization=None, subcommittee=subcommittee)

    html = client_for(subcommittee_head).get(reverse("planning:my_work"), {"show": "all"}).content.decode()

    assert f'form="bulk-form" name="task" value="{tasks[0].pk}"' in html
    assert 'id="bulk-form"' in html
