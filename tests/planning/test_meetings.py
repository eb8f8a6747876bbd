"""Board and sub-committee meetings: who may do what, the agenda as list text, the way into the schedule."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from demo.congresses import load_demo
from demo.schedule import MEETING_1, MEETING_3, PROVINCIAL_CONGRESS, load_schedule
from planning.forms_meetings import agenda_text, session_ordinal
from planning.models import AgendaItem, Conclusion, Meeting, Task
from tests.factories import (
    ConclusionFactory,
    MeetingFactory,
    PersonFactory,
    SubcommitteeFactory,
    TaskFactory,
)

AGENDA = """- Công bố Quyết định thành lập Ban Tổ chức.
- Đánh giá – rút kinh nghiệm:
+ Hội Nông dân tỉnh.
+ Huyện Ninh Hải.
1. Thông qua chương trình hoạt động."""


@pytest.fixture
def meeting(congress):
    return MeetingFactory(congress=congress, number=1, title="Họp Ban Tổ chức (phiên thứ nhất)")


@pytest.fixture
def sub_meeting(subcommittee):
    return MeetingFactory(congress=subcommittee.congress, subcommittee=subcommittee, number=1)


@pytest.fixture
def objects(meeting):
    return {
        "pk": meeting.congress.pk,
        "meeting_pk": meeting.pk,
        "conclusion_pk": ConclusionFactory(meeting=meeting).pk,
    }


def meeting_data(**overrides):
    data = {
        "subcommittee": "",
        "number": "",
        "title": "",
        "starts_at": "06/07/2020 08:00",
        "place": "Phòng họp số 1, UBND tỉnh",
        "chair": "",
        "participants": [],
        "agenda": AGENDA,
        "minutes": "",
    }
    return {**data, **overrides}


def url(name, objects, *keys):
    return reverse(f"planning:{name}", kwargs={key: objects[key] for key in ("pk", *keys)})


READ_PAGES = [("meeting_list", ()), ("meeting_detail", ("meeting_pk",))]
CHANGE_PAGES = [
    ("meeting_create", ()),
    ("meeting_edit", ("meeting_pk",)),
    ("meeting_delete", ("meeting_pk",)),
    ("conclusion_create", ("meeting_pk",)),
    ("conclusion_edit", ("meeting_pk", "conclusion_pk")),
    ("conclusion_delete", ("meeting_pk", "conclusion_pk")),
]
ALL_PAGES = [*READ_PAGES, *CHANGE_PAGES, ("conclusion_task", ("meeting_pk", "conclusion_pk"))]


# Ordinals ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "phiên thứ nhất"),
        (2, "phiên thứ hai"),
        (4, "phiên thứ tư"),
        (10, "phiên thứ mười"),
        (14, "phiên thứ mười bốn"),
        (15, "phiên thứ mười lăm"),
        (20, "phiên thứ hai mươi"),
        (21, "phiên thứ 21"),
    ],
)
def test_a_session_number_reads_as_a_vietnamese_ordinal(number, words):
    assert session_ordinal(number) == words


# Access --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "keys"), ALL_PAGES)
def test_a_stranger_gets_404_on_every_meeting_page(client_for, stranger, objects, name, keys):
    client = client_for(stranger)

    assert client.get(url(name, objects, *keys)).status_code == 404
    assert client.post(url(name, objects, *keys)).status_code == 404


@pytest.mark.parametrize(("name", "keys"), ALL_PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, objects, name, keys):
    response = client.get(url(name, objects, *keys))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "keys"), READ_PAGES)
def test_a_viewer_reads_the_meetings(client_for, viewer, objects, name, keys):
    assert client_for(viewer).get(url(name, objects, *keys)).status_code == 200


@pytest.mark.parametrize(("name", "keys"), CHANGE_PAGES)
def test_a_viewer_gets_403_on_every_change(client_for, viewer, objects, name, keys):
    client = client_for(viewer)

    assert client.get(url(name, objects, *keys)).status_code == 403
    assert client.post(url(name, objects, *keys), meeting_data()).status_code == 403
    assert Meeting.objects.count() == 1
    assert Conclusion.objects.count() == 1


def test_a_viewer_cannot_make_a_task_of_a_conclusion(client_for, viewer, objects):
    response = client_for(viewer).post(url("conclusion_task", objects, "meeting_pk", "conclusion_pk"))

    assert response.status_code == 403
    assert Task.objects.count() == 0


def test_making_a_task_answers_only_to_post(client_for, secretariat, objects):
    response = client_for(secretariat).get(url("conclusion_task", objects, "meeting_pk", "conclusion_pk"))

    assert response.status_code == 405
    assert Task.objects.count() == 0


def test_a_viewer_sees_no_buttons_to_change_anything(client_for, viewer, objects):
    response = client_for(viewer).get(url("meeting_detail", objects, "meeting_pk"))

    assert response.context["can_edit"] is False
    assert response.context["can_add_task"] is False
    assert url("conclusion_task", objects, "meeting_pk", "conclusion_pk") not in response.content.decode()


@pytest.mark.parametrize(("name", "keys"), CHANGE_PAGES[1:])
def test_a_subcommittee_head_gets_403_on_the_boards_meetings(client_for, subcommittee_head, objects, name, keys):
    response = client_for(subcommittee_head).post(url(name, objects, *keys), meeting_data(number="5"))

    assert response.status_code == 403
    assert Meeting.objects.get().number == 1


def test_a_subcommittee_head_enters_a_meeting_of_their_own_subcommittee(client_for, subcommittee_head, subcommittee):
    data = meeting_data(subcommittee=subcommittee.pk)

    response = client_for(subcommittee_head).post(
        reverse("planning:meeting_create", args=[subcommittee.congress.pk]), data
    )

    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.subcommittee, meeting.number, meeting.title) == (
        subcommittee,
        1,
        "Họp Tiểu ban Nội dung (phiên thứ nhất)",
    )


def test_a_subcommittee_head_may_not_enter_a_board_meeting(client_for, subcommittee_head, congress):
    response = client_for(subcommittee_head).post(
        reverse("planning:meeting_create", args=[congress.pk]), meeting_data()
    )

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["subcommittee"]
    assert Meeting.objects.count() == 0


def test_a_subcommittee_head_may_not_enter_another_subcommittees_meeting(client_for, subcommittee_head, congress):
    other = SubcommitteeFactory(congress=congress, name="Tiểu ban Tuyên truyền")

    response = client_for(subcommittee_head).post(
        reverse("planning:meeting_create", args=[congress.pk]), meeting_data(subcommittee=other.pk)
    )

    assert response.status_code == 422
    assert Meeting.objects.count() == 0


def test_a_subcommittee_head_edits_and_deletes_their_own_subcommittees_meeting(
    client_for, subcommittee_head, sub_meeting
):
    client = client_for(subcommittee_head)
    args = [sub_meeting.congress.pk, sub_meeting.pk]

    edited = client.post(
        reverse("planning:meeting_edit", args=args),
        meeting_data(subcommittee=sub_meeting.subcommittee.pk, number="1", title="Họp Tiểu ban Nội dung lần đầu"),
    )
    assert edited.status_code == 302
    assert Meeting.objects.get().title == "Họp Tiểu ban Nội dung lần đầu"

    assert client.get(reverse("planning:meeting_delete", args=args)).status_code == 200
    assert client.post(reverse("planning:meeting_delete", args=args)).status_code == 302
    assert Meeting.objects.count() == 0


def test_a_focal_point_reads_but_may_not_enter_meetings(client_for, focal_point, meeting):
    client = client_for(focal_point)

    assert client.get(reverse("planning:meeting_detail", args=[meeting.congress.pk, meeting.pk])).status_code == 200
    assert client.get(reverse("planning:meeting_create", args=[meeting.congress.pk])).status_code == 403


# Entering a meeting --------------------------------------------------------------------------------


def test_a_new_board_meeting_takes_the_next_number_and_a_composed_title(client_for, secretariat, meeting):
    congress = meeting.congress

    response = client_for(secretariat).post(reverse("planning:meeting_create", args=[congress.pk]), meeting_data())

    created = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response.status_code == 302
    assert response.url == reverse("planning:meeting_detail", args=[congress.pk, created.pk])
    assert created.number == 2
    assert created.title == f"Họp Ban Tổ chức {congress.name} (phiên thứ hai)"
    assert timezone.localtime(created.starts_at).replace(tzinfo=None) == dt.datetime(2020, 7, 6, 8, 0)


def test_a_number_already_used_by_the_body_is_refused_with_the_meeting_that_holds_it(client_for, secretariat, meeting):
    response = client_for(secretariat).post(
        reverse("planning:meeting_create", args=[meeting.congress.pk]), meeting_data(number="1", place="Hội trường A")
    )

    assert response.status_code == 422
    [error] = response.context["form"].errors["number"]
    assert meeting.title in error
    assert "Hội trường A" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_a_session_number_below_one_is_refused_alone(client_for, secretariat, congress):
    response = client_for(secretariat).post(
        reverse("planning:meeting_create", args=[congress.pk]), meeting_data(number="0")
    )

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["number"]


def test_a_subcommittee_may_use_a_number_the_board_already_has(client_for, secretariat, meeting, subcommittee):
    response = client_for(secretariat).post(
        reverse("planning:meeting_create", args=[meeting.congress.pk]),
        meeting_data(subcommittee=subcommittee.pk, number="1"),
    )

    assert response.status_code == 302
    assert Meeting.objects.filter(number=1).count() == 2


def test_the_agenda_typed_as_list_text_is_stored_as_items_and_shown_back_the_same(client_for, secretariat, congress):
    client = client_for(secretariat)
    client.post(reverse("planning:meeting_create", args=[congress.pk]), meeting_data())
    meeting = Meeting.objects.get()

    items = [(item.order, item.parent.text if item.parent else None, item.text) for item in AgendaItem.objects.all()]
    form = client.get(reverse("planning:meeting_edit", args=[congress.pk, meeting.pk])).context["form"]

    assert sorted(items) == [
        (1, None, "Công bố Quyết định thành lập Ban Tổ chức."),
        (2, None, "Đánh giá – rút kinh nghiệm:"),
        (3, "Đánh giá – rút kinh nghiệm:", "Hội Nông dân tỉnh."),
        (4, "Đánh giá – rút kinh nghiệm:", "Huyện Ninh Hải."),
        (5, None, "1. Thông qua chương trình hoạt động."),
    ]
    assert form["agenda"].value() == AGENDA


def test_the_demo_meetings_read_back_as_the_schedule_prints_their_agenda(db):
    load_demo()
    load_schedule()
    meetings = Meeting.objects.filter(congress__name=PROVINCIAL_CONGRESS)

    for number, printed in ((1, MEETING_1), (3, MEETING_3)):
        meeting = meetings.get(number=number)
        assert f"{meeting.title}:\n{agenda_text(meeting.agenda.all())}" == printed


def test_editing_the_agenda_replaces_its_items(client_for, secretariat, meeting):
    AgendaItem.objects.create(meeting=meeting, order=1, text="Mục cũ")

    client_for(secretariat).post(
        reverse("planning:meeting_edit", args=[meeting.congress.pk, meeting.pk]),
        meeting_data(number="1", agenda="- Mục mới\n+ Ý nhỏ"),
    )

    assert agenda_text(meeting.agenda.all()) == "- Mục mới\n+ Ý nhỏ"


def test_a_composed_title_follows_a_new_number_but_a_typed_title_stays(client_for, secretariat, congress):
    client = client_for(secretariat)
    create = reverse("planning:meeting_create", args=[congress.pk])
    client.post(create, meeting_data(number="1"))
    client.post(create, meeting_data(number="2", title="Họp bất thường"))
    composed, typed = Meeting.objects.order_by("number")

    client.post(
        reverse("planning:meeting_edit", args=[congress.pk, composed.pk]),
        meeting_data(number="3", title=composed.title),
    )
    client.post(
        reverse("planning:meeting_edit", args=[congress.pk, typed.pk]), meeting_data(number="4", title=typed.title)
    )

    composed.refresh_from_db()
    typed.refresh_from_db()
    assert composed.title == f"Họp Ban Tổ chức {congress.name} (phiên thứ ba)"
    assert typed.title == "Họp bất thường"


def test_chair_and_participants_are_kept(client_for, secretariat, congress):
    chair, guest = PersonFactory(full_name="Lưu Xuân Vĩnh"), PersonFactory()

    client_for(secretariat).post(
        reverse("planning:meeting_create", args=[congress.pk]),
        meeting_data(chair=chair.pk, participants=[chair.pk, guest.pk]),
    )

    meeting = Meeting.objects.get()
    assert meeting.chair == chair
    assert set(meeting.participants.all()) == {chair, guest}


# The schedule --------------------------------------------------------------------------------------


def test_show_in_the_schedule_makes_a_task_due_on_the_meeting_day(client_for, secretariat, congress):
    TaskFactory(congress=congress, number=11)

    client_for(secretariat).post(reverse("planning:meeting_create", args=[congress.pk]), meeting_data(in_schedule="on"))

    meeting = Meeting.objects.get()
    task = Task.objects.get(meeting=meeting)
    assert task.number == 12
    assert task.content == f"{meeting.title}:\n{AGENDA}"
    assert (task.deadline_phrase, task.due_date) == ("Ngày 06/7/2020", dt.date(2020, 7, 6))
    assert [(party.role, party.label) for party in task.parties.all()] == [("lead", "Ban Tổ chức Đại hội")]
    [event] = task.events.all()
    assert (event.kind, event.actor, event.changes["lead"]) == ("created", secretariat, "Ban Tổ chức Đại hội")


def test_a_subcommittee_meeting_in_the_schedule_is_led_by_the_subcommittee(client_for, subcommittee_head, subcommittee):
    client_for(subcommittee_head).post(
        reverse("planning:meeting_create", args=[subcommittee.congress.pk]),
        meeting_data(subcommittee=subcommittee.pk, in_schedule="on"),
    )

    task = Task.objects.get()
    assert [(party.role, party.subcommittee) for party in task.parties.all()] == [("lead", subcommittee)]


def test_saving_again_updates_the_same_task_and_records_what_changed(client_for, secretariat, congress):
    client = client_for(secretariat)
    client.post(reverse("planning:meeting_create", args=[congress.pk]), meeting_data(in_schedule="on"))
    meeting = Meeting.objects.get()

    client.post(
        reverse("planning:meeting_edit", args=[congress.pk, meeting.pk]),
        meeting_data(number="1", starts_at="20/07/2020 14:00", in_schedule="on"),
    )

    task = Task.objects.get()
    assert (task.deadline_phrase, task.due_date, task.version) == ("Ngày 20/7/2020", dt.date(2020, 7, 20), 2)
    assert task.events.filter(kind="changed").get().changes == {"deadline": ["Ngày 06/7/2020", "Ngày 20/7/2020"]}


def test_unticking_show_in_the_schedule_keeps_the_task(client_for, secretariat, congress):
    client = client_for(secretariat)
    client.post(reverse("planning:meeting_create", args=[congress.pk]), meeting_data(in_schedule="on"))
    meeting = Meeting.objects.get()

    response = client.post(
        reverse("planning:meeting_edit", args=[congress.pk, meeting.pk]), meeting_data(number="1", place="Nơi khác")
    )

    assert response.status_code == 302
    assert Task.objects.get().meeting == meeting


def test_a_demo_meeting_saved_unchanged_leaves_its_schedule_task_as_printed(client_for, db):
    load_demo()
    load_schedule()
    meeting = Meeting.objects.get(congress__name=PROVINCIAL_CONGRESS, number=3)
    task = meeting.task
    client = client_for(get_user_model().objects.get(username="vanphong"))
    form = client.get(reverse("planning:meeting_edit", args=[meeting.congress.pk, meeting.pk])).context["form"]
    data = {name: form[name].value() or "" for name in ("number", "title", "place", "agenda", "minutes")}

    response = client.post(
        reverse("planning:meeting_edit", args=[meeting.congress.pk, meeting.pk]),
        {**data, "subcommittee": "", "starts_at": "", "in_schedule": "on"},
    )

    task.refresh_from_db()
    assert response.status_code == 302
    assert (task.content, task.deadline_phrase, task.events.count()) == (MEETING_3, "Trước ngày 06/8/2020", 0)


def test_deleting_a_meeting_keeps_its_schedule_task(client_for, secretariat, meeting):
    task = TaskFactory(congress=meeting.congress, meeting=meeting)

    response = client_for(secretariat).post(reverse("planning:meeting_delete", args=[meeting.congress.pk, meeting.pk]))

    assert response.status_code == 302
    assert Meeting.objects.count() == 0
    task.refresh_from_db()
    assert task.meeting is None


# Conclusions ---------------------------------------------------------------------------------------


def test_a_conclusion_becomes_one_task_however_often_the_button_is_pressed(client_for, secretariat, meeting):
    conclusion = ConclusionFactory(meeting=meeting, text="Sở Nội vụ hoàn thiện dự thảo báo cáo.")
    TaskFactory(congress=meeting.congress, number=3)
    client = client_for(secretariat)
    button = reverse("planning:conclusion_task", args=[meeting.congress.pk, meeting.pk, conclusion.pk])

    first = client.post(button)
    second = client.post(button)

    task = Task.objects.get(conclusion=conclusion)
    edit_url = reverse("planning:task_edit", args=[meeting.congress.pk, task.pk])
    assert (first.status_code, first.url, second.url) == (302, edit_url, edit_url)
    assert Task.objects.count() == 2
    assert (task.number, task.content) == (4, "Sở Nội vụ hoàn thiện dự thảo báo cáo.")
    assert [party.label for party in task.parties.all()] == ["Ban Tổ chức Đại hội"]
    assert list(task.events.values_list("kind", "actor", "changes")) == [
        ("created", secretariat.pk, {"source": "meeting conclusion"})
    ]


def test_a_subcommittee_meetings_conclusion_becomes_a_task_of_the_subcommittee(
    client_for, subcommittee_head, sub_meeting
):
    conclusion = ConclusionFactory(meeting=sub_meeting)

    response = client_for(subcommittee_head).post(
        reverse("planning:conclusion_task", args=[sub_meeting.congress.pk, sub_meeting.pk, conclusion.pk])
    )

    task = Task.objects.get()
    assert response.url == reverse("planning:task_edit", args=[sub_meeting.congress.pk, task.pk])
    assert [party.subcommittee for party in task.parties.all()] == [sub_meeting.subcommittee]


def test_the_detail_page_links_a_converted_conclusion_to_its_task(client_for, secretariat, meeting):
    task = TaskFactory(congress=meeting.congress)
    ConclusionFactory(meeting=meeting, task=task)
    open_one = ConclusionFactory(meeting=meeting)

    page = client_for(secretariat).get(reverse("planning:meeting_detail", args=[meeting.congress.pk, meeting.pk]))

    html = page.content.decode()
    assert reverse("planning:task_detail", args=[meeting.congress.pk, task.pk]) in html
    assert reverse("planning:conclusion_task", args=[meeting.congress.pk, meeting.pk, open_one.pk]) in html


def test_the_secretariat_adds_edits_and_deletes_a_conclusion(client_for, secretariat, meeting):
    client = client_for(secretariat)
    args = [meeting.congress.pk, meeting.pk]
    ConclusionFactory(meeting=meeting, order=1)

    assert client.get(reverse("planning:conclusion_create", args=args)).context["form"]["order"].value() == 2
    client.post(reverse("planning:conclusion_create", args=args), {"text": "  - Giao Sở Nội vụ chủ trì.", "order": "2"})
    conclusion = meeting.conclusions.get(order=2)
    assert conclusion.text == "- Giao Sở Nội vụ chủ trì."

    client.post(
        reverse("planning:conclusion_edit", args=[*args, conclusion.pk]), {"text": "Giao Sở Nội vụ.", "order": "2"}
    )
    conclusion.refresh_from_db()
    assert conclusion.text == "Giao Sở Nội vụ."

    assert client.get(reverse("planning:conclusion_delete", args=[*args, conclusion.pk])).status_code == 200
    client.post(reverse("planning:conclusion_delete", args=[*args, conclusion.pk]))
    assert meeting.conclusions.count() == 1


def test_an_empty_conclusion_is_refused(client_for, secretariat, meeting):
    response = client_for(secretariat).post(
        reverse("planning:conclusion_create", args=[meeting.congress.pk, meeting.pk]), {"text": "  ", "order": "1"}
    )

    assert response.status_code == 422
    assert meeting.conclusions.count() == 0


def test_deleting_a_conclusion_keeps_the_task_made_from_it(client_for, secretariat, meeting):
    task = TaskFactory(congress=meeting.congress)
    conclusion = ConclusionFactory(meeting=meeting, task=task)

    client_for(secretariat).post(
        reverse("planning:conclusion_delete", args=[meeting.congress.pk, meeting.pk, conclusion.pk])
    )

    assert Conclusion.objects.count() == 0
    assert Task.objects.filter(pk=task.pk).exists()


# Pages ---------------------------------------------------------------------------------------------


def test_the_detail_page_shows_minutes_as_escaped_lines(client_for, viewer, meeting):
    meeting.minutes = "Khai mạc lúc 8 giờ.\n<script>alert(1)</script>"
    meeting.save()

    html = client_for(viewer).get(reverse("planning:meeting_detail", args=[meeting.congress.pk, meeting.pk])).content

    assert "Khai mạc lúc 8 giờ.<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html.decode()


def test_the_list_narrows_to_one_body_and_to_a_search(client_for, viewer, meeting, sub_meeting):
    client = client_for(viewer)
    list_url = reverse("planning:meeting_list", args=[meeting.congress.pk])
    AgendaItem.objects.create(meeting=sub_meeting, text="Thống nhất kịch bản chi tiết")

    def titles(query):
        return [row.title for row in client.get(list_url, query).context["page"]]

    assert titles({"body": "board"}) == [meeting.title]
    assert titles({"body": str(sub_meeting.subcommittee.pk)}) == [sub_meeting.title]
    assert titles({"q": "kịch bản"}) == [sub_meeting.title]


def test_the_list_sorts_by_date_with_undated_meetings_last(client_for, viewer, congress):
    later = MeetingFactory(congress=congress, starts_at=dt.datetime(2020, 7, 25, 8, tzinfo=dt.UTC))
    undated = MeetingFactory(congress=congress)
    earlier = MeetingFactory(congress=congress, starts_at=dt.datetime(2020, 7, 6, 8, tzinfo=dt.UTC))
    client = client_for(viewer)
    list_url = reverse("planning:meeting_list", args=[congress.pk])

    assert list(client.get(list_url, {"order": "date"}).context["page"]) == [earlier, later, undated]
    assert list(client.get(list_url, {"order": "-date"}).context["page"]) == [later, earlier, undated]


@pytest.mark.parametrize("rows", [1, 30])
def test_the_meeting_list_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, subcommittee, django_assert_num_queries, rows
):
    for number in range(1, rows + 1):
        meeting = MeetingFactory(congress=congress, number=number, chair=PersonFactory())
        MeetingFactory(congress=congress, subcommittee=subcommittee, number=number)
        ConclusionFactory(meeting=meeting)
        TaskFactory(congress=congress, meeting=meeting)
    client = client_for(viewer)

    with django_assert_num_queries(6):
        client.get(reverse("planning:meeting_list", args=[congress.pk]))


@pytest.mark.parametrize("rows", [1, 30])
def test_the_meeting_page_reads_a_fixed_number_of_queries(
    client_for, secretariat, meeting, django_assert_num_queries, rows
):
    for order in range(1, rows + 1):
        item = AgendaItem.objects.create(meeting=meeting, order=order, text=f"Mục {order}")
        AgendaItem.objects.create(meeting=meeting, parent=item, order=order, text=f"Ý {order}")
        ConclusionFactory(meeting=meeting, task=TaskFactory(congress=meeting.congress))
        ConclusionFactory(meeting=meeting)
        meeting.participants.add(PersonFactory())
    client = client_for(secretariat)

    with django_assert_num_queries(7):
        client.get(reverse("planning:meeting_detail", args=[meeting.congress.pk, meeting.pk]))


# Emphasis in a meeting's title ---------------------------------------------------------------------------


def test_a_title_pasted_from_word_keeps_its_italic_on_one_line(client_for, secretariat, congress):
    client_for(secretariat).post(
        reverse("planning:meeting_create", args=[congress.pk]),
        meeting_data(number="3", title="<p>Họp Ban Tổ chức</p><p>(<i>phiên thứ ba</i>)<script>x</script></p>"),
    )

    assert Meeting.objects.get().title == "Họp Ban Tổ chức (*phiên thứ ba*)"


def test_the_demo_meeting_keeps_seed_000s_italic_and_the_pages_print_it(client_for, db):
    load_demo()
    load_schedule()
    meeting = Meeting.objects.get(congress__name=PROVINCIAL_CONGRESS, number=3)
    congress = meeting.congress
    conclusion = ConclusionFactory(meeting=meeting)
    client = client_for(get_user_model().objects.get(username="vanphong"))
    italic = "(<em>phiên thứ ba</em>)"

    assert meeting.title.endswith("(*phiên thứ ba*)")
    assert str(meeting) == meeting.plain_title == meeting.title.replace("*", "")
    for name, args in (
        ("planning:meeting_list", [congress.pk]),
        ("planning:meeting_detail", [congress.pk, meeting.pk]),
        ("planning:meeting_edit", [congress.pk, meeting.pk]),
        ("planning:meeting_delete", [congress.pk, meeting.pk]),
        ("planning:conclusion_edit", [congress.pk, meeting.pk, conclusion.pk]),
        ("planning:conclusion_delete", [congress.pk, meeting.pk, conclusion.pk]),
    ):
        html = client.get(reverse(name, args=args)).content.decode()
        assert italic in html, name
        assert "*phiên thứ ba*" not in html.split("<main", 1)[0], name  # the page's <title> reads plainly


def test_a_notice_without_agenda_prints_the_titles_italic_in_the_pdf_and_the_docx(congress):
    from documents.html import blocks_html
    from documents.layer import get_kind, letter_for, record_for, render_docx
    from tests.documents.reading import docx_document

    meeting = MeetingFactory(congress=congress, number=3, title="Họp Ban Tổ chức (*phiên thứ ba*)")
    kind = get_kind("meeting-notice")
    letter = letter_for(kind, meeting, record_for(kind, meeting))
    runs = [run for p in docx_document(render_docx(letter)).paragraphs for run in p.runs]

    assert "Họp Ban Tổ chức (<em>phiên thứ ba</em>)" in str(blocks_html(letter.body))
    assert [run.text for run in runs if run.italic and "phiên" in run.text] == ["phiên thứ ba"]
    assert not any("*" in run.text for run in runs)
