import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse

from congress.models import CongressRole, CongressSession
from planning.models import AgendaItem, CalendarFeed, Task
from tests.factories import (
    BoardMemberFactory,
    CongressFactory,
    CongressRoleFactory,
    CongressSessionFactory,
    MeetingFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def feed_url(feed):
    return reverse("planning:calendar_feed", args=[feed.token])


def read_feed(client, feed):
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return {str(event["uid"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def test_the_calendar_page_needs_a_login(client):
    response = client.get(reverse("planning:calendar"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_user_without_a_person_is_told_why_and_offered_nothing(db, client_for):
    user = UserFactory()

    response = client_for(user).get(reverse("planning:calendar"))

    assert response.status_code == 200
    assert response.context["person"] is None
    assert 'name="action"' not in response.content.decode()
    assert client_for(user).post(reverse("planning:calendar"), {"action": "create"}).status_code == 200
    assert CalendarFeed.objects.count() == 0


def test_making_an_address_shows_it_for_outlook_and_for_phones(client_for, viewer):
    client = client_for(viewer)

    response = client.post(reverse("planning:calendar"), {"action": "create"})

    feed = CalendarFeed.objects.get(person=viewer.person)
    assert response.status_code == 302
    assert len(feed.token) == 43
    page = client.get(reverse("planning:calendar"))
    assert page.context["feed_url"] == f"http://testserver/calendar/{feed.token}.ics"
    assert page.context["webcal_url"] == f"webcal://testserver/calendar/{feed.token}.ics"
    assert f'value="http://testserver/calendar/{feed.token}.ics"' in page.content.decode()


def test_making_an_address_twice_keeps_the_first(client_for, viewer):
    client = client_for(viewer)
    client.post(reverse("planning:calendar"), {"action": "create"})
    token = CalendarFeed.objects.get().token

    client.post(reverse("planning:calendar"), {"action": "create"})

    assert list(CalendarFeed.objects.values_list("token", flat=True)) == [token]


def test_a_new_address_is_confirmed_first_and_then_the_old_one_stops_working(client, client_for, viewer):
    old = CalendarFeed.objects.create(person=viewer.person)
    logged_in = client_for(viewer)

    confirmation = logged_in.get(reverse("planning:calendar"), {"confirm": "renew"})
    response = logged_in.post(reverse("planning:calendar"), {"action": "renew"})

    new = CalendarFeed.objects.get(person=viewer.person)
    assert confirmation.status_code == 200
    assert confirmation.templates[0].name == "planning/calendar_confirm.html"
    assert CalendarFeed.objects.get(person=viewer.person).token == new.token
    assert response.status_code == 302
    assert new.token != old.token
    client.logout()
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200


def test_a_revoked_address_answers_404(client, client_for, viewer):
    feed = CalendarFeed.objects.create(person=viewer.person)
    logged_in = client_for(viewer)

    confirmation = logged_in.get(reverse("planning:calendar"), {"confirm": "revoke"})
    response = logged_in.post(reverse("planning:calendar"), {"action": "revoke"})

    assert confirmation.templates[0].name == "planning/calendar_confirm.html"
    assert response.status_code == 302
    assert not CalendarFeed.objects.exists()
    client.logout()
    assert client.get(feed_url(feed)).status_code == 404


def test_an_unknown_token_answers_404(client, viewer):
    CalendarFeed.objects.create(person=viewer.person)

    assert client.get(reverse("planning:calendar_feed", args=["not-a-token"])).status_code == 404
    assert client.get("/calendar/.ics").status_code == 404


@pytest.mark.parametrize("who", ["user", "person"])
def test_no_feed_for_an_inactive_user_or_person(client, viewer, who):
    feed = CalendarFeed.objects.create(person=viewer.person)
    inactive = viewer if who == "user" else viewer.person
    inactive.is_active = False
    inactive.save()

    assert client.get(feed_url(feed)).status_code == 404


def test_no_feed_once_the_person_loses_their_account(client, viewer):
    person = viewer.person
    feed = CalendarFeed.objects.create(person=person)
    person.user = None
    person.save()

    assert client.get(feed_url(feed)).status_code == 404


def test_the_feed_is_an_icalendar_file_with_its_time_zone(client, viewer):
    feed = CalendarFeed.objects.create(person=viewer.person)

    response = client.get(feed_url(feed))
    calendar = icalendar.Calendar.from_ical(response.content)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-timezone"]) == "Asia/Ho_Chi_Minh"
    assert viewer.person.full_name in str(calendar["x-wr-calname"])


@pytest.fixture
def person_with_work(congress, focal_point):
    """The focal point of the host: a task of the host, a meeting, a board seat, a sub-committee seat."""
    person = focal_point.person
    task = TaskFactory(
        congress=congress,
        content="- Xây dựng dự thảo Báo cáo tổng kết\n+ Gửi Sở Nội vụ",
        deadline="Trước ngày 15/7/2020",
    )
    TaskPartyFactory(task=task, organization=congress.host)
    meeting = MeetingFactory(
        congress=congress,
        title="Họp Ban Tổ chức (phiên thứ nhất)",
        starts_at=dt.datetime(2020, 7, 6, 8, 0, tzinfo=HCM),
        place="Phòng họp số 1, UBND tỉnh",
    )
    meeting.participants.add(person)
    first = AgendaItem.objects.create(meeting=meeting, order=1, text="Công bố Quyết định thành lập Ban Tổ chức")
    AgendaItem.objects.create(meeting=meeting, parent=first, order=1, text="Hội Nông dân tỉnh")
    session = CongressSessionFactory(
        congress=congress,
        timing=CongressSession.Timing.EXACT,
        starts_at=dt.datetime(2020, 8, 20, 7, 30, tzinfo=HCM),
        ends_at=dt.datetime(2020, 8, 20, 11, 30, tzinfo=HCM),
        place="Hội trường Trung tâm Hội nghị tỉnh",
    )
    return {"person": person, "task": task, "meeting": meeting, "session": session}


def test_the_feed_holds_a_deadline_as_an_all_day_event(client, person_with_work):
    task = person_with_work["task"]
    feed = CalendarFeed.objects.create(person=person_with_work["person"])

    event = events(read_feed(client, feed))[f"task-{task.pk}"]

    assert event.decoded("dtstart") == dt.date(2020, 7, 14)
    assert event.decoded("dtend") == dt.date(2020, 7, 15)
    assert "Xây dựng dự thảo Báo cáo tổng kết" in str(event["summary"])
    assert "Trước ngày 15/7/2020" in str(event["description"])
    assert task.congress.host.name in str(event["description"])
    assert str(event["url"]) == f"http://testserver/congresses/{task.congress_id}/tasks/{task.pk}/"


def test_the_feed_holds_a_meeting_and_a_session_in_vietnam_time(client, person_with_work):
    meeting, session = person_with_work["meeting"], person_with_work["session"]
    feed = CalendarFeed.objects.create(person=person_with_work["person"])

    calendar = read_feed(client, feed)

    found = events(calendar)
    meeting_event, session_event = found[f"meeting-{meeting.pk}"], found[f"session-{session.pk}"]
    assert meeting_event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert meeting_event.decoded("dtstart") == dt.datetime(2020, 7, 6, 8, 0, tzinfo=HCM)
    assert str(meeting_event["summary"]) == "Họp Ban Tổ chức (phiên thứ nhất)"
    assert str(meeting_event["location"]) == "Phòng họp số 1, UBND tỉnh"
    assert str(meeting_event["description"]).startswith(
        "- Công bố Quyết định thành lập Ban Tổ chức\n+ Hội Nông dân tỉnh\n"
    )
    assert session_event["dtstart"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert session_event.decoded("dtstart") == dt.datetime(2020, 8, 20, 7, 30, tzinfo=HCM)
    assert session_event.decoded("dtend") == dt.datetime(2020, 8, 20, 11, 30, tzinfo=HCM)
    assert str(session_event["location"]) == "Hội trường Trung tâm Hội nghị tỉnh"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert b"DTSTART;TZID=Asia/Ho_Chi_Minh:20200706T080000" in client.get(feed_url(feed)).content


def test_every_event_has_a_stable_uid_and_a_stamp(client, person_with_work):
    feed = CalendarFeed.objects.create(person=person_with_work["person"])

    first = read_feed(client, feed)
    second = read_feed(client, feed)

    assert sorted(events(first)) == sorted(events(second))
    assert all(event.get("dtstamp") for event in first.walk("VEVENT"))
    assert all(str(event["uid"]).endswith("@testserver") for event in first.walk("VEVENT"))


def test_done_cancelled_and_undated_tasks_stay_out(client, congress, focal_point, person_with_work):
    done = TaskFactory(congress=congress, status=Task.Status.DONE, completed_on=dt.date(2020, 7, 1))
    cancelled = TaskFactory(congress=congress, status=Task.Status.CANCELLED)
    ongoing = TaskFactory(congress=congress, deadline="Thường xuyên")
    for task in (done, cancelled, ongoing):
        TaskPartyFactory(task=task, organization=congress.host)
    feed = CalendarFeed.objects.create(person=person_with_work["person"])

    found = events(read_feed(client, feed))

    assert {f"task-{task.pk}" for task in (done, cancelled, ongoing)} & set(found) == set()
    assert f"task-{person_with_work['task'].pk}" in found


def test_meetings_of_the_board_and_of_a_sub_committee_count_for_their_members(client, congress, subcommittee, viewer):
    person = viewer.person
    BoardMemberFactory(board=congress.board, person=person)
    SubcommitteeMemberFactory(subcommittee=subcommittee, person=person)
    when = dt.datetime(2020, 7, 20, 14, 0, tzinfo=HCM)
    board_meeting = MeetingFactory(congress=congress, starts_at=when)
    sub_meeting = MeetingFactory(congress=congress, subcommittee=subcommittee, starts_at=when)
    chaired = MeetingFactory(congress=congress, subcommittee=None, number=90, starts_at=when, chair=person)
    feed = CalendarFeed.objects.create(person=person)

    found = events(read_feed(client, feed))

    assert {f"meeting-{m.pk}" for m in (board_meeting, sub_meeting, chaired)} <= set(found)


def test_someone_elses_work_does_not_leak_into_a_feed(client, congress, viewer, person_with_work, stranger):
    other_congress = CongressRole.objects.get(user=stranger).congress
    strangers_task = TaskFactory(congress=other_congress, content="Việc riêng của đơn vị khác")
    strangers_task.assignees.add(stranger.person)
    other_meeting = MeetingFactory(congress=congress, starts_at=dt.datetime(2020, 7, 6, 8, 0, tzinfo=HCM))
    other_meeting.participants.add(stranger.person)
    foreign_session = CongressSessionFactory(
        congress=other_congress, timing=CongressSession.Timing.EXACT, starts_at=dt.datetime(2020, 9, 1, 8, tzinfo=HCM)
    )
    feed = CalendarFeed.objects.create(person=viewer.person)

    found = events(read_feed(client, feed))

    assert f"task-{strangers_task.pk}" not in found
    assert f"task-{person_with_work['task'].pk}" not in found  # the host's task is the focal point's, not the viewer's
    assert f"meeting-{other_meeting.pk}" not in found
    assert f"session-{foreign_session.pk}" not in found
    assert f"session-{person_with_work['session'].pk}" in found  # the viewer has a role in this congress


def test_a_session_without_a_fixed_time_stays_out(client, congress, viewer):
    planned = CongressSessionFactory(congress=congress, timing=CongressSession.Timing.MONTH)
    feed = CalendarFeed.objects.create(person=viewer.person)

    assert f"session-{planned.pk}" not in events(read_feed(client, feed))


@pytest.mark.parametrize("rows", [1, 20])
def test_the_feed_reads_a_fixed_number_of_queries(client, django_assert_num_queries, congress, focal_point, rows):
    person = focal_point.person
    for number in range(rows):
        task = TaskFactory(congress=congress, deadline=f"Trước ngày {number % 28 + 1}/7/2020")
        TaskPartyFactory(task=task, organization=congress.host)
        TaskPartyFactory(task=task, role="coordinating")
        meeting = MeetingFactory(congress=congress, starts_at=dt.datetime(2020, 7, number % 28 + 1, 8, tzinfo=HCM))
        meeting.participants.add(person)
        AgendaItem.objects.create(meeting=meeting, text="Thông qua chương trình")
        other = CongressFactory()
        CongressRoleFactory(congress=other, user=focal_point)
        CongressSessionFactory(congress=other, timing="exact", starts_at=dt.datetime(2020, 8, 20, 7, tzinfo=HCM))
    feed = CalendarFeed.objects.create(person=person)

    with django_assert_num_queries(8):
        response = client.get(feed_url(feed))

    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 3 * rows
