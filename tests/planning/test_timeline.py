"""The schedule in time: a six-month timeline and a month calendar, both without script and printable."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from planning.timeline import Window
from tests.factories import CongressSessionFactory, MeetingFactory, TaskFactory

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def planned(congress):
    CongressSessionFactory(
        congress=congress,
        name="Phiên chính thức",
        timing="exact",
        starts_at=dt.datetime(2020, 8, 20, 7, 30, tzinfo=HCM),
    )
    MeetingFactory(congress=congress, title="Họp Ban Tổ chức lần 2", starts_at=dt.datetime(2020, 7, 6, 8, tzinfo=HCM))
    late = TaskFactory(congress=congress, number=1, deadline="Trước ngày 12/7/2020", content="Báo cáo tổng kết")
    done = TaskFactory(
        congress=congress,
        number=2,
        deadline="Ngày 15/7/2020",
        content="In giấy mời",
        status="done",
        completed_on=dt.date(2020, 7, 15),
    )
    later = TaskFactory(congress=congress, number=3, deadline="Trong tháng 12/2020", content="Khen thưởng")
    return late, done, later


def test_a_window_places_days_in_percent_and_steps_by_six_months():
    window = Window(dt.date(2020, 7, 1))

    assert (window.end, window.days) == (dt.date(2020, 12, 31), 184)
    assert (window.x(dt.date(2020, 7, 1)), window.x(dt.date(2021, 3, 1)), window.x(dt.date(2020, 1, 1))) == (0, 100, 0)
    assert (window.previous(), window.next()) == (dt.date(2020, 1, 1), dt.date(2021, 1, 1))


def test_the_timeline_draws_bars_milestones_and_overdue_in_red(client_for, viewer, congress, planned):
    response = client_for(viewer).get(reverse("planning:timeline", args=[congress.pk]), {"start": "2020-07"})

    html = response.content.decode()
    assert response.status_code == 200
    assert [b["task"] for b in response.context["bars"]] == list(planned)
    assert [b["overdue"] for b in response.context["bars"]] == [True, False, True]
    assert html.count("app-bar app-bar-overdue") == 1 + 2  # the legend's, then the two late bars
    assert html.count("app-bar app-bar-done") == 1 + 1
    assert "Phiên chính thức" in html and "Họp Ban Tổ chức lần 2" in html
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'href="?start=2021-01"' in html and 'href="?start=2020-01"' in html


def test_the_timeline_shows_only_its_window(client_for, viewer, congress, planned):
    response = client_for(viewer).get(reverse("planning:timeline", args=[congress.pk]), {"start": "2021-01"})

    assert response.context["bars"] == []


def test_the_month_calendar_puts_deadlines_and_meetings_on_their_days(client_for, viewer, congress, planned):
    response = client_for(viewer).get(reverse("planning:deadline_month", args=[congress.pk]), {"month": "2020-07"})

    cells = {cell["day"]: cell for week in response.context["weeks"] for cell in week}
    assert [task.number for task in cells[dt.date(2020, 7, 11)]["tasks"]] == [1]
    assert [task.number for task in cells[dt.date(2020, 7, 15)]["tasks"]] == [2]
    assert [m.label for m in cells[dt.date(2020, 7, 6)]["milestones"]] == ["Họp Ban Tổ chức lần 2"]
    assert response.context["weeks"][0][0]["day"] == dt.date(2020, 6, 29)  # weeks start on Monday
    assert "Thứ Hai" in response.content.decode()


def test_a_busy_day_shows_four_tasks_and_how_many_more(client_for, viewer, congress):
    for number in range(1, 7):
        TaskFactory(congress=congress, number=number, deadline="Ngày 20/7/2020")

    response = client_for(viewer).get(reverse("planning:deadline_month", args=[congress.pk]), {"month": "2020-07"})

    cell = next(cell for week in response.context["weeks"] for cell in week if cell["day"] == dt.date(2020, 7, 20))
    assert (len(cell["tasks"]), cell["more"]) == (4, 2)
    assert "và 2 nhiệm vụ khác" in response.content.decode()


@pytest.mark.parametrize("name", ["timeline", "deadline_month"])
def test_a_stranger_finds_neither_page(client_for, stranger, congress, name):
    assert client_for(stranger).get(reverse(f"planning:{name}", args=[congress.pk])).status_code == 404


@pytest.mark.parametrize("query", [{"start": "abc"}, {"month": "2020-13"}, {"start": "99999-1"}])
def test_an_unreadable_month_falls_back_to_this_month(client_for, viewer, congress, query):
    for name in ("timeline", "deadline_month"):
        assert client_for(viewer).get(reverse(f"planning:{name}", args=[congress.pk]), query).status_code == 200


@pytest.mark.parametrize("count", [1, 15])
def test_both_pages_read_a_fixed_number_of_queries(client_for, viewer, congress, django_assert_num_queries, count):
    CongressSessionFactory(congress=congress)
    for number in range(count):
        parent = TaskFactory(congress=congress, number=number + 1, deadline="Trong tháng 7/2020")
        TaskFactory(congress=congress, parent=parent, number=1, content="", deadline="Ngày 10/7/2020")
    client = client_for(viewer)
    with django_assert_num_queries(7):
        client.get(reverse("planning:timeline", args=[congress.pk]), {"start": "2020-07"})
    with django_assert_num_queries(6):
        client.get(reverse("planning:deadline_month", args=[congress.pk]), {"month": "2020-07"})
