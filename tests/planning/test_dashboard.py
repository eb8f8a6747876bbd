import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from congress.models import CongressSession
from planning.models import Attachment, ProgressUpdate, Task
from planning.views import dashboard
from tests.factories import (
    CongressRoleFactory,
    CongressSessionFactory,
    OrganizationFactory,
    PersonFactory,
    SubcommitteeFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

TODAY = datetime.date(2020, 7, 14)
Status = Task.Status


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(dashboard, "local_today", lambda: TODAY)


def url(congress):
    return reverse("planning:dashboard", args=[congress.pk])


def task(congress, deadline, status=Status.NOT_STARTED, lead=None, **fields):
    """A task in a status; `lead` is an organisation, a sub-committee or a phrase."""
    completed_on = datetime.date(2020, 7, 1) if status == Status.DONE else None
    made = TaskFactory(congress=congress, deadline=deadline, status=status, completed_on=completed_on, **fields)
    if lead is not None:
        add_lead(made, lead)
    return made


def add_lead(made, lead):
    if isinstance(lead, str):
        return TaskPartyFactory(task=made, organization=None, phrase=lead)
    if lead._meta.model_name == "subcommittee":
        return TaskPartyFactory(task=made, organization=None, subcommittee=lead)
    return TaskPartyFactory(task=made, organization=lead)


def figures(rows):
    return [(row.label, row.done, row.in_progress, row.not_started, row.overdue) for row in rows]


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page_text(response):
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def schedule(congress, subcommittee):
    """Nine work items on 14/7/2020: done, late, on time, cancelled, ongoing, and a parent whose
    sub-items stand for it (one inherits the parent's lead)."""
    agency_a = OrganizationFactory(name="Sở Nội vụ tỉnh Ninh Thuận", short_name="Sở Nội vụ")
    agency_b = OrganizationFactory(name="Sở Văn hóa, Thể thao và Du lịch")
    CongressSessionFactory(congress=congress, planned_month=8, planned_year=2020)
    task(congress, "Ngày 06/7/2020", Status.DONE, agency_a, number=1)
    task(congress, "Trước ngày 10/7/2020", Status.NOT_STARTED, agency_a, number=2)
    task(congress, "Trước ngày 12/7/2020", Status.IN_PROGRESS, subcommittee, number=3)
    task(congress, "Trong tháng 7/2020", Status.IN_PROGRESS, agency_b, number=4)
    task(congress, "Trước ngày 18/7/2020", Status.NOT_STARTED, "Các cơ quan, đơn vị, địa phương", number=5)
    task(congress, "Trong tháng 8/2020", Status.CANCELLED, agency_b, number=6)
    task(congress, "Thường xuyên", Status.NOT_STARTED, subcommittee, number=7)
    parent = task(congress, "", lead=agency_b, number=8, content="Tổ chức Đại hội cấp cơ sở")
    task(congress, "Trong tháng 8/2020", Status.DONE, parent=parent, number=1)
    task(congress, "Trước ngày 05/7/2020", Status.NOT_STARTED, agency_a, parent=parent, number=2)
    parent.save()  # now that it has sub-items, the parent takes their latest date
    return {"a": agency_a, "b": agency_b, "parent": parent}


def test_the_dashboard_counts_work_items_by_status(client_for, viewer, congress, schedule):
    response = client_for(viewer).get(url(congress))

    counts = response.context["totals"].counts
    assert response.status_code == 200
    assert counts["all"] == 9
    assert [counts[f"status_{value}"] for value in ("not_started", "in_progress", "done", "cancelled")] == [4, 2, 2, 1]
    assert (counts["late"], counts["due_soon"], counts["no_deadline"]) == (3, 1, 1)


def test_the_overall_picture_splits_open_work_into_late_and_on_time(client_for, viewer, congress, schedule):
    response = client_for(viewer).get(url(congress))

    totals = response.context["totals"]
    assert (totals.done, totals.in_progress, totals.not_started, totals.overdue) == (2, 1, 2, 3)
    assert totals.percent_done == 25
    assert [part["state"] for part in totals.segments()] == ["done", "in_progress", "not_started", "overdue"]


def test_progress_per_subcommittee_counts_the_work_it_leads(client_for, viewer, congress, schedule, subcommittee):
    SubcommitteeFactory(congress=congress, name="Tiểu ban Phục vụ", order=2)

    response = client_for(viewer).get(url(congress))

    assert figures(response.context["subcommittees"]) == [
        ("Tiểu ban Nội dung", 0, 0, 1, 1),
        ("Tiểu ban Phục vụ", 0, 0, 0, 0),
    ]


def test_progress_per_agency_counts_subitems_under_the_parent_lead_when_they_have_none(
    client_for, viewer, congress, schedule
):
    response = client_for(viewer).get(url(congress))

    assert figures(response.context["agencies"]) == [
        ("Sở Nội vụ", 1, 0, 0, 2),
        ("Sở Văn hóa, Thể thao và Du lịch", 1, 1, 0, 0),
        ("Các cơ quan, đơn vị, địa phương", 0, 0, 1, 0),
    ]
    assert [row.kind for row in response.context["agencies"]] == ["organization", "organization", "phrase"]
    assert response.context["agency_count"] == 3


def test_the_counts_per_lead_use_the_same_four_states_as_the_overall_picture(client_for, viewer, congress):
    """lead_rows states the four states in SQL, state_filters with the ORM: with one lead each,
    the leads' counts add up to the overall ones, whatever the status and the deadline."""
    lead = OrganizationFactory()
    deadlines = ["Ngày 06/7/2020", "Ngày 14/7/2020", "Trước ngày 20/7/2020", "Thường xuyên", ""]
    for number, (status, deadline) in enumerate(
        ((status, deadline) for status in Status.values for deadline in deadlines), start=1
    ):
        task(congress, deadline, status, lead, number=number)

    context = client_for(viewer).get(url(congress)).context

    (row,) = context["agencies"]
    totals = context["totals"]
    assert (row.done, row.in_progress, row.not_started, row.overdue) == (
        totals.done,
        totals.in_progress,
        totals.not_started,
        totals.overdue,
    )
    assert row.overdue and row.in_progress and row.not_started and row.done


def test_the_timeline_has_a_column_per_month_and_marks_the_session_month(client_for, viewer, congress, schedule):
    response = client_for(viewer).get(url(congress))

    timeline = response.context["timeline"]
    columns = [
        (column.label, column.done, column.in_progress, column.not_started, column.overdue, column.is_session_month)
        for column in timeline["columns"]
    ]
    assert [column[1:] for column in columns] == [(1, 1, 1, 3, False), (1, 0, 0, 0, True)]
    assert [column.is_current_month for column in timeline["columns"]] == [True, False]
    assert (timeline["undated"].not_started, timeline["undated"].total) == (1, 1)
    assert "Month 7/2020" in page_text(in_english(client_for(viewer)).get(url(congress)))


def test_the_timeline_fills_the_months_between_and_reaches_the_session(client_for, viewer, congress):
    CongressSessionFactory(congress=congress, planned_month=11, planned_year=2020)
    task(congress, "Trong tháng 6/2020")
    task(congress, "Trong tháng 9/2020")

    response = client_for(viewer).get(url(congress))

    columns = response.context["timeline"]["columns"]
    assert [column.label.split()[-1] for column in columns] == [f"{month}/2020" for month in range(6, 12)]
    assert [column.total for column in columns] == [1, 0, 0, 1, 0, 0]
    assert columns[-1].is_session_month


def test_the_overdue_list_shows_the_most_overdue_first_with_their_leads(client_for, viewer, congress, schedule):
    response = client_for(viewer).get(url(congress))

    overdue = response.context["overdue"]
    assert [(item.number, item.days_overdue) for item in overdue] == [(2, 10), (2, 5), (3, 3)]
    assert [item.leads for item in overdue] == [
        ["Sở Nội vụ"],
        ["Sở Nội vụ"],
        ["Tiểu ban Nội dung"],
    ]
    assert overdue[0].parent_id == schedule["parent"].pk
    assert overdue[0].display_number == f"{schedule['parent'].number}.{overdue[0].number}"
    assert f'href="{reverse("planning:task_detail", args=[congress.pk, overdue[0].pk])}"' in response.content.decode()


def test_the_overdue_list_stops_at_ten_and_links_to_all_of_them(client_for, viewer, congress):
    for day in range(1, 13):
        task(congress, f"Ngày {day:02d}/7/2020", number=day)

    response = client_for(viewer).get(url(congress))

    assert [item.number for item in response.context["overdue"]] == list(range(1, 11))
    assert response.context["totals"].counts["late"] == 12
    assert f"{reverse('planning:schedule', args=[congress.pk])}?overdue=on" in response.content.decode()


def test_a_subitem_without_a_lead_shows_its_parents_lead_in_the_overdue_list(client_for, viewer, congress):
    parent = task(congress, "", lead=congress.host, content="Nhiệm vụ lớn")
    task(congress, "Ngày 01/7/2020", parent=parent, content="- Việc nhỏ\n+ chi tiết")

    response = client_for(viewer).get(url(congress))

    [item] = response.context["overdue"]
    assert item.leads == [congress.host.display_name]
    assert item.first_line == "Việc nhỏ"


def test_lead_agencies_beyond_twelve_are_shown_when_asked_for(client_for, viewer, congress):
    for number in range(14):
        task(congress, "Trong tháng 7/2020", lead=OrganizationFactory(name=f"Cơ quan {number:02d}"))
    busiest = OrganizationFactory(name="Cơ quan bận nhất")
    task(congress, "Trong tháng 7/2020", lead=busiest)
    task(congress, "Trong tháng 8/2020", lead=busiest)
    client = client_for(viewer)

    first = client.get(url(congress))
    every = client.get(url(congress), {"agencies": "all"})

    assert [row.label for row in first.context["agencies"]] == ["Cơ quan bận nhất"] + [
        f"Cơ quan {number:02d}" for number in range(11)
    ]
    assert first.context["agency_count"] == 15
    assert 'href="?agencies=all#dash-agencies"' in first.content.decode()
    assert [row.label for row in every.context["agencies"]][-3:] == ["Cơ quan 11", "Cơ quan 12", "Cơ quan 13"]
    assert len(every.context["agencies"]) == 15


def test_the_latest_progress_shows_the_eight_newest_updates(client_for, viewer, focal_point, congress):
    work = task(congress, "Trong tháng 7/2020", content="Xây dựng báo cáo tổng kết\n- phần 1")
    updates = [ProgressUpdate.objects.create(task=work, author=focal_point, text=f"Lần {n}") for n in range(9)]
    Attachment.objects.create(update=updates[-1], file="tasks/2020/07/a.pdf", name="a.pdf", size=1, content_type="x")
    Attachment.objects.create(update=updates[-1], file="tasks/2020/07/b.pdf", name="b.pdf", size=1, content_type="x")

    response = client_for(viewer).get(url(congress))

    shown = response.context["latest_updates"]
    assert [update.text for update in shown] == [f"Lần {n}" for n in range(8, 0, -1)]
    assert [update.attachment_count for update in shown[:2]] == [2, 0]
    assert shown[0].task.first_line == "Xây dựng báo cáo tổng kết"
    assert focal_point.person.full_name in response.content.decode()


def test_an_empty_congress_shows_the_countdown_and_a_way_to_the_schedule(client_for, viewer, congress):
    response = client_for(viewer).get(url(congress))

    assert response.status_code == 200
    assert response.context["countdown"] is None
    assert response.context["totals"].counts["all"] == 0
    assert reverse("planning:schedule", args=[congress.pk]) in response.content.decode()


# Countdown


def at(day, hour=7, minute=30):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def exact_session(congress, day, **fields):
    return CongressSessionFactory(
        congress=congress, timing=CongressSession.Timing.EXACT, starts_at=at(day), planned_month=None, **fields
    )


@pytest.mark.parametrize(
    ("today", "wording"),
    [
        (datetime.date(2020, 7, 14), "18 days to go"),
        (datetime.date(2020, 7, 31), "1 day to go"),
        (datetime.date(2020, 8, 1), "Today"),
        (datetime.date(2020, 8, 11), "Held 10 days ago"),
    ],
)
def test_the_countdown_counts_the_days_to_the_session(client_for, viewer, congress, monkeypatch, today, wording):
    exact_session(congress, datetime.date(2020, 8, 1))
    monkeypatch.setattr(dashboard, "local_today", lambda: today)

    response = in_english(client_for(viewer)).get(url(congress))

    assert wording in page_text(response)
    assert "07:30 ngày 01/8/2020" in page_text(response)


def test_a_session_planned_for_a_month_counts_to_its_first_day_and_is_now_all_month(
    client_for, viewer, congress, monkeypatch
):
    CongressSessionFactory(congress=congress, planned_month=8, planned_year=2020)

    client = in_english(client_for(viewer))
    before = page_text(client.get(url(congress)))
    monkeypatch.setattr(dashboard, "local_today", lambda: datetime.date(2020, 8, 20))
    during = page_text(client.get(url(congress)))

    assert "about 18 days to go" in before
    assert "tháng 8/2020" in before
    assert "This month" in during


def test_the_countdown_picks_the_next_session_to_come(client_for, viewer, congress, monkeypatch):
    exact_session(congress, datetime.date(2020, 7, 20), name="Phiên trù bị", order=1)
    exact_session(congress, datetime.date(2020, 8, 1), name="Phiên chính thức", order=2)
    monkeypatch.setattr(dashboard, "local_today", lambda: datetime.date(2020, 7, 25))

    response = client_for(viewer).get(url(congress))

    countdown = response.context["countdown"]
    assert (countdown.session.name, countdown.state, countdown.days_to_go) == ("Phiên chính thức", "ahead", 7)


def test_once_every_session_is_past_the_countdown_shows_the_last(client_for, viewer, congress, monkeypatch):
    exact_session(congress, datetime.date(2020, 7, 20), name="Phiên trù bị", order=1)
    exact_session(congress, datetime.date(2020, 8, 1), name="Phiên chính thức", order=2)
    monkeypatch.setattr(dashboard, "local_today", lambda: datetime.date(2020, 9, 1))

    response = client_for(viewer).get(url(congress))

    countdown = response.context["countdown"]
    assert (countdown.session.name, countdown.state, countdown.days_ago) == ("Phiên chính thức", "past", 31)


def test_sessions_without_a_date_are_left_out_of_the_countdown(client_for, viewer, congress):
    CongressSessionFactory(
        congress=congress, timing=CongressSession.Timing.EXACT, planned_month=None, ends_at=at(TODAY)
    )
    CongressSessionFactory(congress=congress, timing=CongressSession.Timing.MONTH, planned_month=None)

    response = client_for(viewer).get(url(congress))

    assert response.status_code == 200
    assert response.context["countdown"] is None


# Queries


@pytest.mark.parametrize("rows", [1, 30])
def test_the_dashboard_reads_a_fixed_number_of_queries(
    client_for, viewer, focal_point, congress, django_assert_num_queries, rows
):
    CongressSessionFactory(congress=congress)
    subcommittees = SubcommitteeFactory.create_batch(3, congress=congress)
    agencies = OrganizationFactory.create_batch(5)
    statuses = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.CANCELLED]
    for n in range(rows):
        lead = subcommittees[n % 3] if n % 2 else agencies[n % 5]
        made = task(congress, f"Trong tháng {6 + n % 4}/2020", statuses[n % 4], lead, number=n + 1)
        subitem = task(congress, f"Ngày {1 + n % 28:02d}/6/2020", lead=agencies[(n + 1) % 5], parent=made)
        task(congress, "Thường xuyên", parent=made, lead="Các cơ quan, đơn vị, địa phương")
        made.save()
        update = ProgressUpdate.objects.create(task=subitem, author=focal_point, text="Đang làm", new_status="")
        Attachment.objects.create(update=update, file="tasks/a.pdf", name="a.pdf", size=1, content_type="x")
    client = client_for(viewer)

    with django_assert_num_queries(10):
        client.get(url(congress))


# Access


@pytest.mark.parametrize("role", ["secretariat", "board_member", "subcommittee_head", "focal_point", "viewer"], ids=str)
def test_every_role_of_the_congress_reads_the_dashboard(client_for, congress, subcommittee, role):
    user = UserFactory()
    PersonFactory(user=user)
    extra = {"focal_point": {"organization": congress.host}, "subcommittee_head": {"subcommittee": subcommittee}}
    CongressRoleFactory(congress=congress, user=user, role=role, **extra.get(role, {}))

    response = client_for(user).get(url(congress))

    assert response.status_code == 200
    assert response.context["tab"] == "dashboard"


def test_a_stranger_gets_not_found(client_for, stranger, congress):
    assert client_for(stranger).get(url(congress)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, congress):
    response = client.get(url(congress))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_lists_built_in_python_escape_what_users_typed(client_for, viewer, congress):
    """The overdue rows, the timeline and the latest updates are built in Python (planning.rows)."""
    late = task(congress, "Ngày 01/7/2020", content="<script>alert(1)</script> *gấp*", lead="<b>Các sở</b>")
    stranger = UserFactory(username="<i>khach</i>")
    update = ProgressUpdate.objects.create(task=late, author=stranger, text="<img src=x onerror=alert(2)>")
    for name in ("a.pdf", "b.pdf"):
        Attachment.objects.create(update=update, file=f"tasks/{name}", name=name, size=1, content_type="x")
    ProgressUpdate.objects.create(task=late, author=None, text="Không rõ ai")

    page = in_english(client_for(viewer)).get(url(congress)).content.decode()

    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; <em>gấp</em>" in page
    assert "<b>Các sở</b>" not in page and "&lt;b&gt;Các sở&lt;/b&gt;" in page
    assert '<i class="bi bi-people me-1 text-body-secondary" aria-hidden="true"></i>&lt;b&gt;Các sở&lt;/b&gt;' in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;i&gt;khach&lt;/i&gt;" in page and "Unknown author" in page and "None" not in page
    assert "2 files" in page and "13 days" in page  # 1 July to 14 July
    assert "1 item: 0 done, 0 in progress, 0 not started, 1 overdue." in page


def test_the_lead_table_prints_a_phrases_emphasis_as_the_task_page_does(client_for, viewer, congress):
    task(congress, "Ngày 02/7/2020", lead="*Các huyện*, **thành phố**")

    page = client_for(viewer).get(url(congress)).content.decode()

    assert 'aria-hidden="true"></i><em>Các huyện</em>, <strong>thành phố</strong><span' in page
    assert "*Các huyện*" not in page


def test_an_agency_whose_work_is_all_cancelled_is_listed_with_nothing_to_count(client_for, viewer, congress):
    quiet = OrganizationFactory(name="Sở Tư pháp")
    task(congress, "Trong tháng 7/2020", Status.CANCELLED, quiet)

    agencies = client_for(viewer).get(url(congress)).context["agencies"]

    assert figures(agencies) == [("Sở Tư pháp", 0, 0, 0, 0)]
