import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo.congresses import load_demo
from demo.schedule import load_schedule
from reminders import jobs
from reminders.models import OutboxMail, ReminderPolicy, ReminderPreference, ScheduledReminder
from tests.factories import PersonFactory, TaskFactory

from . import helpers
from .helpers import at

eager_celery = helpers.eager_celery

Status = OutboxMail.Status


def make_mail(
    congress, person=None, *, status=Status.FAILED, subject="[Đại hội TĐYN tỉnh lần thứ VII] 1 nhiệm vụ quá hạn"
):
    person = person or PersonFactory()
    mail = OutboxMail.objects.create(
        person=person,
        to=person.email,
        digest_date=dt.date(2020, 7, 10),
        subject=subject,
        status=status,
        not_after=at("10/07/2020", hour=19),
        body_text="Kính gửi",
        body_html="<p>Kính gửi</p>",
    )
    mail.congresses.add(congress)
    return mail


def action_url(mail, action):
    return reverse("reminders:outbox_action", args=[mail.pk, action])


# The outbox


def test_the_secretariat_sees_the_outbox_of_its_congress(client_for, congress, secretariat, stranger):
    mine = make_mail(congress)
    make_mail(stranger.congress_roles.get().congress)

    response = client_for(secretariat).get(reverse("reminders:outbox"))

    assert response.status_code == 200
    assert list(response.context["page"]) == [mine]
    assert "1 nhiệm vụ quá hạn" in response.content.decode()


def test_a_recipient_sees_only_mails_addressed_to_them(client_for, congress, viewer):
    own = make_mail(congress, viewer.person)
    make_mail(congress)

    response = client_for(viewer).get(reverse("reminders:outbox"))

    assert list(response.context["page"]) == [own]


def test_the_outbox_filters_by_status_and_recipient(client_for, congress, secretariat):
    failed = make_mail(congress, PersonFactory(full_name="Trần Văn Lỗi"), status=Status.FAILED)
    make_mail(congress, PersonFactory(full_name="Trần Văn Gửi"), status=Status.SENT)

    client = client_for(secretariat)

    assert list(client.get(reverse("reminders:outbox"), {"status": "failed"}).context["page"]) == [failed]
    assert list(client.get(reverse("reminders:outbox"), {"q": "Lỗi"}).context["page"]) == [failed]
    assert (
        list(client.get(reverse("reminders:outbox"), {"congress": congress.pk, "order": "person"}).context["page"])[
            0
        ].person.full_name
        == "Trần Văn Gửi"
    )


@pytest.mark.parametrize("rows", [1, 30])
def test_the_outbox_reads_a_page_in_a_fixed_number_of_queries(
    client_for, congress, secretariat, rows, django_assert_num_queries
):
    for _ in range(rows):
        make_mail(congress)
    client = client_for(secretariat)

    with django_assert_num_queries(7):
        client.get(reverse("reminders:outbox"))


def test_a_stranger_finds_no_mail(client_for, congress, stranger):
    mail = make_mail(congress)
    client = client_for(stranger)

    assert client.get(mail.get_absolute_url()).status_code == 404
    assert client.get(reverse("reminders:outbox_html", args=[mail.pk])).status_code == 404
    assert client.post(action_url(mail, "resend")).status_code == 404


def test_a_recipient_reads_their_mail_but_may_not_resend_it(client_for, congress, viewer):
    mail = make_mail(congress, viewer.person)
    client = client_for(viewer)

    assert client.get(mail.get_absolute_url()).status_code == 200
    assert client.get(action_url(mail, "resend")).status_code == 403
    assert client.post(action_url(mail, "withhold")).status_code == 403


def test_the_preview_frame_is_sandboxed(client_for, congress, secretariat):
    mail = make_mail(congress)

    response = client_for(secretariat).get(reverse("reminders:outbox_html", args=[mail.pk]))

    assert response.content.decode() == "<p>Kính gửi</p>"
    assert response["Content-Security-Policy"].startswith("sandbox")


def test_withholding_asks_first(client_for, congress, secretariat):
    mail = make_mail(congress, status=Status.QUEUED)
    client = client_for(secretariat)

    page = client.get(action_url(mail, "withhold"))
    response = client.post(action_url(mail, "withhold"))

    assert "Giữ lại thư này?" in page.content.decode()
    assert response.status_code == 302
    mail.refresh_from_db()
    assert mail.status == Status.WITHHELD


def test_resending_a_failed_mail_queues_it_again(client_for, congress, secretariat, django_capture_on_commit_callbacks):
    mail = make_mail(congress, status=Status.FAILED)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client_for(secretariat).post(action_url(mail, "resend"), follow=True)

    mail.refresh_from_db()
    assert mail.status == Status.QUEUED
    assert len(callbacks) == 1  # handed to a worker once the change is saved
    assert "Thư đã được đưa lại vào hàng đợi gửi." in response.content.decode()


# The policy and the person's choice


def test_a_viewer_reads_the_policy_but_may_not_change_it(client_for, congress, viewer):
    url = reverse("reminders:reminder_policy", args=[congress.pk])
    client = client_for(viewer)

    response = client.get(url)

    assert response.status_code == 200
    assert "07:30" in response.content.decode()
    assert client.post(url, {"days_before": "5"}).status_code == 403


def test_a_stranger_finds_no_policy(client_for, congress, stranger):
    assert client_for(stranger).get(reverse("reminders:reminder_policy", args=[congress.pk])).status_code == 404


def test_the_secretariat_changes_the_policy(client_for, congress, secretariat):
    data = {
        "is_active": "on",
        "days_before": "5; 2",
        "on_the_day": "on",
        "overdue_every_days": "3",
        "overdue_for_days": "20",
        "escalate_after_days": "7",
        "digest_time": "08:00",
        "working_days_only": "on",
        "remind_meetings": "on",
        "grace_hours": "10",
    }

    response = client_for(secretariat).post(reverse("reminders:reminder_policy", args=[congress.pk]), data)

    assert response.status_code == 302
    policy = ReminderPolicy.objects.get(congress=congress)
    assert (policy.days_before, policy.offsets(), policy.digest_time) == ("5, 2", [5, 2, 0], dt.time(8))


def test_a_policy_with_unreadable_days_is_explained(client_for, congress, secretariat):
    response = client_for(secretariat).post(
        reverse("reminders:reminder_policy", args=[congress.pk]),
        {
            "days_before": "bảy",
            "overdue_every_days": "2",
            "overdue_for_days": "30",
            "escalate_after_days": "5",
            "digest_time": "07:30",
            "grace_hours": "12",
        },
    )

    assert response.status_code == 422
    assert "Nhập số ngày nguyên từ 1 đến 60" in response.content.decode()


def test_a_person_chooses_no_email_and_the_secretariat_sees_it(client_for, congress, viewer, secretariat):
    response = client_for(viewer).post(reverse("reminders:reminder_preferences"), {"choice": "none"})

    assert response.status_code == 302
    assert ReminderPreference.objects.get(person=viewer.person).choice == "none"
    page = client_for(secretariat).get(reverse("reminders:reminder_policy", args=[congress.pk]))
    assert list(page.context["opted_out"]) == [viewer.person]


def test_an_assignee_without_a_role_who_opted_out_is_listed_once_reminded(
    client_for, congress, secretariat, eager_celery, django_capture_on_commit_callbacks
):
    assignee = PersonFactory(full_name="Trần Thị Lan", email="lan@example.org")
    ReminderPreference.objects.create(person=assignee, choice=ReminderPreference.Choice.NONE)
    TaskFactory(congress=congress, deadline="Ngày 10/7/2020").assignees.add(assignee)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.run_reminders(at("10/07/2020"))

    page = client_for(secretariat).get(reverse("reminders:reminder_policy", args=[congress.pk]))

    assert list(page.context["opted_out"]) == [assignee]
    assert ScheduledReminder.objects.get(person=assignee).status == ScheduledReminder.Status.SKIPPED


# Who was reminded of a task


def test_the_task_page_shows_who_was_reminded_and_when(client_for, congress, viewer):
    task = TaskFactory(congress=congress)
    mail = make_mail(congress, PersonFactory(full_name="Phạm Quốc Huy"), status=Status.SENT)
    ScheduledReminder.objects.create(
        congress=congress,
        person=mail.person,
        kind="due",
        remind_on=dt.date(2020, 7, 10),
        deadline=dt.date(2020, 7, 10),
        due_at=at("10/07/2020"),
        not_after=at("10/07/2020", hour=19),
        source="planning.task",
        source_key=f"task-{task.pk}",
        status="mailed",
        mail=mail,
    )
    url = reverse("planning:task_reminders", args=[congress.pk, task.pk])

    fragment = client_for(viewer).get(url, headers={"HX-Request": "true"})
    page = client_for(viewer).get(task.get_absolute_url())

    assert "Phạm Quốc Huy" in fragment.content.decode()
    assert "10/07/2020</time> · Đến hạn hôm nay" in fragment.content.decode()
    assert url in page.content.decode()


def test_a_stranger_finds_no_task_reminders(client_for, congress, stranger):
    task = TaskFactory(congress=congress)

    response = client_for(stranger).get(reverse("planning:task_reminders", args=[congress.pk, task.pk]))

    assert response.status_code == 404


# The dry run


def test_the_dry_run_on_the_demo_shows_the_focal_points_digest_and_changes_nothing(db):
    load_demo()
    load_schedule()
    out = StringIO()

    call_command("send_reminders", "--dry-run", "--at", "10/07/2020 07:30", stdout=out)

    text = out.getvalue()
    assert "== Phạm Quốc Huy <pqhuy@demo.ninhthuan.example> ==" in text
    assert "Tiêu đề: [Đại hội TĐYN tỉnh lần thứ VII] 1 nhiệm vụ đến hạn trong 7 ngày" in text
    assert "Thời hạn: Trước ngày 12/7/2020 (còn 1 ngày)" in text
    assert "1 thư tổng hợp, 0 người không nhận thư." in text
    assert not ScheduledReminder.objects.exists()
    assert not OutboxMail.objects.exists()
