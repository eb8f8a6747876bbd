"""The live demo congress: dated from the day the demo is loaded, with work for every demo login."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from awards.models import Nomination
from congress.models import Congress
from demo.live import LIVE_WORK, live_congress
from demo.loader import LOGINS, load_all
from planning.models import LowerLevelCongress, Meeting, Task
from planning.views import dashboard
from reminders.models import OutboxMail

User = get_user_model()
MONDAY = datetime.date(2031, 3, 10)


@pytest.fixture
def live(db, monkeypatch):
    monkeypatch.setattr(dashboard, "local_today", lambda: MONDAY)
    load_all(today=MONDAY)
    return live_congress()


def test_the_live_congress_is_six_weeks_ahead_and_its_board_two_months_old(live):
    session = live.sessions.get()
    assert (session.planned_date - MONDAY).days in range(42, 45)
    assert (MONDAY - live.board.founded_on).days == 60
    assert live.name == "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII - năm 2031"
    union = Congress.objects.get(parent=live)
    assert LowerLevelCongress.objects.get(congress=live, lower_congress=union)


def test_its_tasks_are_done_overdue_due_this_week_and_later(live):
    tasks = Task.objects.filter(congress=live)
    week = MONDAY + datetime.timedelta(days=7)
    assert tasks.filter(status=Task.Status.DONE).count() == 3
    assert tasks.overdue(on=MONDAY).count() >= 2
    assert tasks.open().filter(due_date__gte=MONDAY, due_date__lte=week).exists()
    assert tasks.open().filter(due_date__gt=week).count() >= 4
    assert tasks.get(parent=None, number=6).due_date == MONDAY  # due today
    assert Meeting.objects.filter(congress=live, starts_at__date__lt=MONDAY).count() == 1
    assert Meeting.objects.filter(congress=live, starts_at__date__gt=MONDAY).count() == 1


def test_every_login_load_demo_prints_exists_and_the_task_logins_all_have_live_work(live):
    assert {username for username, _ in LOGINS} <= set(User.objects.values_list("username", flat=True))
    # The delegates' and the cluster's logins work on their own pages, not on tasks.
    assert set(LIVE_WORK) == {username for username, _ in LOGINS} - {"bacai", "cumtruong", "dm_ninhthuan"}


@pytest.mark.parametrize("username", list(LIVE_WORK))
def test_every_demo_login_has_open_work_on_my_work(live, client, username):
    client.force_login(User.objects.get(username=username))

    page = client.get(reverse("planning:my_work")).context["page"]

    assert page.paginator.count > 0, LIVE_WORK[username]
    assert any(task.congress.name.endswith("năm 2031") for task in page)


def test_the_sub_committee_head_finds_the_sub_committees_tasks(live, client):
    client.force_login(User.objects.get(username="tieuban"))

    page = client.get(reverse("planning:my_work")).context["page"]

    assert any(
        "Tiểu ban Nội dung leads" in reason or "Tiểu ban Nội dung chủ trì" in reason
        for t in page
        for reason in t.reasons
    )


def test_the_council_member_sees_the_dossiers_before_the_council(live, client):
    client.force_login(User.objects.get(username="hoidong"))

    response = client.get(reverse("awards:nomination_list", args=[live.pk]))

    assert response.status_code == 200
    assert {nomination.status for nomination in response.context["page"]} == {Nomination.Status.IN_COUNCIL}
    statuses = set(Nomination.objects.filter(round__congress=live).values_list("status", flat=True))
    assert {Nomination.Status.DRAFT, Nomination.Status.SUBMITTED, Nomination.Status.RETURNED} <= statuses


def test_the_dashboard_is_in_the_middle_of_preparation_not_all_red(live, client):
    client.force_login(User.objects.get(username="xem"))

    response = client.get(reverse("planning:dashboard", args=[live.pk]))

    totals, countdown = response.context["totals"], response.context["countdown"]
    assert countdown.state == "ahead" and 42 <= countdown.days_to_go <= 44
    assert totals.done and totals.in_progress and totals.not_started and totals.overdue
    assert totals.overdue < totals.total / 2


def test_the_day_s_reminders_are_in_the_outbox(live, client):
    assert OutboxMail.objects.filter(digest_date=MONDAY).count() >= 5
    client.force_login(User.objects.get(username="vanphong"))
    assert "năm 2031" in client.get(reverse("reminders:outbox")).content.decode()


def test_loading_again_changes_nothing(live, capsys):
    counts = (Congress.objects.count(), Task.objects.count(), OutboxMail.objects.count())

    call_command("load_demo")

    assert (Congress.objects.count(), Task.objects.count(), OutboxMail.objects.count()) == counts
    assert "Đại hội mẫu đang chuẩn bị đã có sẵn, không nạp lại." in capsys.readouterr().out
