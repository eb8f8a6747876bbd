import datetime as dt

import pytest

from demo.congresses import load_demo
from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
from planning.models import Task


@pytest.fixture
def schedule(db):
    load_demo()
    load_schedule()
    return Task.objects.filter(congress__name=PROVINCIAL_CONGRESS)


def test_the_demo_schedule_holds_seed_000_with_every_deadline_as_printed(schedule):
    rows = [(task.number, task.deadline_phrase) for task in schedule.top_level().order_by("number")]

    assert rows == [
        (1, "Ngày 06/7/2020"),
        (2, "Trong tháng 7/2020"),
        (3, "Trước ngày 12/7/2020"),
        (4, "Trước ngày 10/7/2020"),
        (5, "Trước ngày 15/7/2020"),
        (6, "Trước ngày 15/7/2020"),
        (7, ""),
        (8, "Trước ngày 15/7/2020"),
        (9, "Trước ngày 25/7/2020"),
        (10, "Trước ngày 30/7/2020"),
        (11, "Trước ngày 06/8/2020"),
    ]


def test_task_seven_carries_two_sub_items_with_their_own_lead_and_deadline(schedule):
    task = schedule.get(number=7, parent=None)
    subitems = [
        (sub.deadline_phrase, [party.label for party in sub.parties.all()]) for sub in task.subitems.order_by("number")
    ]

    assert subitems == [
        ("Trước ngày 11/7/2020", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Trước ngày 15/7/2020", ["Các cơ quan, đơn vị, địa phương"]),
    ]
    assert task.due_date == dt.date(2020, 7, 14)


def test_the_schedule_groups_tasks_by_month_as_seed_000_does(schedule):
    months = {task.number: task.group_month for task in schedule.top_level()}

    assert {number for number, month in months.items() if month == dt.date(2020, 7, 1)} == set(range(1, 11))
    assert months[11] == dt.date(2020, 8, 1)


def test_parties_keep_the_seed_wording_and_link_to_the_directory(schedule):
    task = schedule.get(number=2, parent=None)
    parties = [(party.role, party.label, party.organization is not None) for party in task.parties.all()]

    assert parties == [
        ("lead", "Ban Tuyên giáo Tỉnh ủy", True),
        ("coordinating", "Sở Văn hóa, Thể thao và Du lịch", True),
        ("coordinating", "Báo Ninh Thuận", True),
        ("coordinating", "Đài Phát thanh và Truyền hình tỉnh", True),
    ]


def test_the_three_board_meetings_are_in_the_schedule_with_their_agendas(schedule):
    meetings = [
        (task.number, task.meeting.number, task.meeting.agenda.count()) for task in schedule.exclude(meeting=None)
    ]

    assert meetings == [(1, 1, 8), (9, 2, 10), (11, 3, 7)]


def test_loading_the_schedule_twice_adds_nothing(schedule):
    count = schedule.count()

    assert load_schedule() is False
    assert schedule.count() == count == 13


def test_a_deadline_counted_from_the_congress_moves_with_its_session(schedule):
    task = schedule.get(number=3, parent=None)
    session = task.congress.sessions.get()
    task.set_deadline("10 ngày trước Đại hội")
    task.save()
    first = task.due_date

    session.planned_month = 9
    session.save()
    task.refresh_from_db()

    assert (first, task.due_date) == (dt.date(2020, 7, 22), dt.date(2020, 8, 22))


def test_the_schedule_page_shows_the_demo_month_by_month_with_every_phrase(schedule, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    congress = schedule.first().congress
    client.force_login(get_user_model().objects.get(username="xem"))

    page = client.get(reverse("planning:schedule", args=[congress.pk])).content.decode()

    table = page.index("<table")  # the month filter above it names the months too
    july, august = page.index("Tháng 7/2020", table), page.index("Tháng 8/2020", table)
    top_level = schedule.top_level().exclude(deadline_phrase="").order_by("group_month", "number")
    phrases = [task.deadline_phrase for task in top_level]
    positions = [page.index(phrase, july) for phrase in dict.fromkeys(phrases)]
    assert positions == sorted(positions)
    assert july < page.index("Ngày 06/7/2020") < august < page.index("Trước ngày 06/8/2020")
    for label in [
        "Ban Tổ chức Đại hội",
        "Văn phòng UBND tỉnh",
        "Các cơ quan, đơn vị, địa phương",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]:
        assert label in page
    assert page.count('class="app-subitem-row') == 2
