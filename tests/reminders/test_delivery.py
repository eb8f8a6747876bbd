import datetime as dt
import smtplib
from email import message_from_string

import icalendar
import pytest
from django.core import mail as django_mail
from django.core.mail.backends import locmem
from django.utils import translation

from planning.calendar_events import linker, task_event
from planning.models import Task
from reminders import delivery, jobs
from reminders.digests import short_name
from reminders.models import OutboxMail, ReminderPreference, ScheduledReminder
from tests.factories import CongressFactory, OrganizationFactory, OrganizingBoardFactory

from . import helpers as reminder_helpers
from .helpers import at, focal_point_of, task_led_by

# Fixtures shared by the reminder tests.
agency = reminder_helpers.agency
clock = reminder_helpers.clock
eager_celery = reminder_helpers.eager_celery
huy = reminder_helpers.huy

Status = OutboxMail.Status


@pytest.fixture(autouse=True)
def _clock_follows_the_job(clock, monkeypatch):
    """Whatever moment the job runs at is "now" for the workers it hands mails to."""
    real = jobs.run_reminders
    monkeypatch.setattr(jobs, "run_reminders", lambda moment=None: real(clock(moment)))


@pytest.fixture
def schedule(congress, agency, huy):
    """Two overdue tasks and three coming within the week, all led by Huy's agency."""
    for phrase in ("Ngày 06/7/2020", "Ngày 08/7/2020", "Ngày 10/7/2020", "Trước ngày 14/7/2020", "Ngày 17/7/2020"):
        task_led_by(congress, agency, phrase)


def run(moment, capture):
    with capture(execute=True):
        return jobs.run_reminders(moment)


def test_the_congress_short_name_abbreviates_the_kind_and_keeps_the_level_and_edition(congress):
    assert short_name(congress) == "Đại hội TĐYN tỉnh lần thứ VII"


def test_a_due_reminder_becomes_one_vietnamese_digest(
    schedule, eager_celery, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://thidua.example.gov.vn"

    result = run(at("10/07/2020"), django_capture_on_commit_callbacks)

    assert result["queued"] == 1
    assert len(django_mail.outbox) == 1
    message = django_mail.outbox[0]
    assert message.to == ["pqhuy@example.org"]
    assert message.subject == "[Đại hội TĐYN tỉnh lần thứ VII] 2 nhiệm vụ quá hạn, 3 nhiệm vụ đến hạn trong 7 ngày"
    assert "Kính gửi Phạm Quốc Huy," in message.body
    assert "Thời hạn: Ngày 06/7/2020 (quá hạn 4 ngày)" in message.body
    assert "Thời hạn: Trước ngày 14/7/2020 (còn 3 ngày)" in message.body
    assert "Chủ trì: Sở Nội vụ · Trạng thái: Chưa thực hiện" in message.body
    assert "https://thidua.example.gov.vn/congresses/" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "Quá hạn" in html and "Sắp đến hạn" in html
    name, ics, content_type = message.attachments[0]
    assert (name, content_type) == ("han-chot-2020-07-10.ics", "text/calendar")
    assert ics.count("BEGIN:VEVENT") == 3  # the coming deadlines only
    assert message.extra_headers["Message-ID"].startswith("<outbox-")
    sent = OutboxMail.objects.get()
    assert (sent.status, sent.attempts, sent.body_text) == (Status.SENT, 1, message.body)


def test_the_job_running_again_the_same_day_sends_nothing_more(
    schedule, eager_celery, django_capture_on_commit_callbacks
):
    run(at("10/07/2020"), django_capture_on_commit_callbacks)
    run(at("10/07/2020", hour=7, minute=35), django_capture_on_commit_callbacks)
    run(at("10/07/2020", hour=15), django_capture_on_commit_callbacks)

    assert len(django_mail.outbox) == 1
    assert OutboxMail.objects.count() == 1


def test_a_person_gets_one_digest_a_day_even_across_congresses(
    agency, huy, eager_celery, django_capture_on_commit_callbacks
):
    other = OrganizingBoardFactory(congress=CongressFactory(edition=3, area_name="huyện Ninh Hải")).congress
    focal = focal_point_of(other, agency, full_name="Phạm Quốc Huy", email="huy2@example.org")
    first = task_led_by(huy.user.congress_roles.get().congress, agency, "Ngày 10/7/2020")
    task_led_by(other, agency, "Ngày 10/7/2020")
    focal.user.congress_roles.update(user=huy.user)

    run(at("10/07/2020"), django_capture_on_commit_callbacks)

    assert [m.subject for m in django_mail.outbox] == [
        "[Đại hội TĐYN tỉnh lần thứ VII; Đại hội TĐYN huyện lần thứ III] 2 nhiệm vụ đến hạn trong 7 ngày"
    ]
    assert ScheduledReminder.objects.get(source_key=f"task-{first.pk}").mail.status == Status.SENT


def test_a_person_who_chose_no_email_gets_none(schedule, huy, eager_celery, django_capture_on_commit_callbacks):
    ReminderPreference.objects.create(person=huy, choice=ReminderPreference.Choice.NONE)

    run(at("10/07/2020"), django_capture_on_commit_callbacks)

    assert django_mail.outbox == []
    assert set(ScheduledReminder.objects.values_list("status", "note")) == {("skipped", "đã chọn không nhận e-mail")}


def test_a_temporary_smtp_failure_is_retried_with_back_off(schedule, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPResponseException(421, b"Service not available, try later")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))
    mail = OutboxMail.objects.get()

    outcome = delivery.send(mail.pk, now=at("10/07/2020", minute=31))

    mail.refresh_from_db()
    assert outcome.retry_in == 60
    assert (mail.status, mail.attempts) == (Status.QUEUED, 1)
    assert "421" in mail.last_error
    assert delivery.send(mail.pk, now=at("10/07/2020", minute=31)).status == ""  # not due again yet


def test_a_permanent_smtp_failure_marks_the_mail_failed(schedule, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"pqhuy@example.org": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))
    mail = OutboxMail.objects.get()

    outcome = delivery.send(mail.pk, now=at("10/07/2020", minute=31))

    mail.refresh_from_db()
    assert (outcome.retry_in, mail.status) == (None, Status.FAILED)
    assert "No such user" in mail.last_error


class GoodbyeFails(locmem.EmailBackend):
    """A server that accepts the mail, then fails the QUIT that ends the conversation. Like
    Django's SMTP backend, sending opens a connection when none is open and closes it after."""

    connected = False

    def open(self):
        if self.connected:
            return False
        self.connected = True
        return True

    def close(self):
        self.connected = False
        raise smtplib.SMTPResponseException(421, b"Closing connection")

    def send_messages(self, messages):
        opened = self.open()
        sent = super().send_messages(messages)
        if opened:
            self.close()
        return sent


def test_a_mail_the_server_accepted_is_sent_even_when_the_goodbye_fails(
    schedule, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))
    mail = OutboxMail.objects.get()
    settings.EMAIL_BACKEND = f"{__name__}.GoodbyeFails"

    outcome = delivery.send(mail.pk, now=at("10/07/2020", minute=31))

    mail.refresh_from_db()
    assert (outcome.status, outcome.retry_in) == (Status.SENT, None)
    assert (mail.status, mail.attempts, mail.last_error, len(django_mail.outbox)) == (Status.SENT, 1, "", 1)


def test_a_mail_stuck_in_sending_is_swept_back_and_sent_once(
    schedule, eager_celery, clock, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))
    mail = OutboxMail.objects.get()
    delivery.claim(mail.pk, at("10/07/2020", minute=31))  # a worker took it, then died

    with django_capture_on_commit_callbacks(execute=True):
        assert delivery.sweep(clock(at("10/07/2020", minute=35)))["swept"] == 0  # it may still be working
        assert delivery.sweep(clock(at("10/07/2020", minute=45)))["swept"] == 1

    mail.refresh_from_db()
    assert (mail.status, mail.attempts, len(django_mail.outbox)) == (Status.SENT, 2, 1)


def test_a_digest_that_cannot_go_out_within_its_grace_window_is_missed(
    schedule, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))  # queued, but no worker ever took it

    with django_capture_on_commit_callbacks(execute=True):
        jobs.run_reminders(at("10/07/2020", hour=20))

    assert OutboxMail.objects.get().status == Status.MISSED
    assert set(ScheduledReminder.objects.values_list("status", flat=True)) == {"missed"}
    assert django_mail.outbox == []


def test_reminders_planned_but_never_composed_in_time_are_missed(
    schedule, eager_celery, django_capture_on_commit_callbacks
):
    from reminders.planner import plan_day

    plan_day(at("10/07/2020"))

    run(at("10/07/2020", hour=20), django_capture_on_commit_callbacks)

    assert set(ScheduledReminder.objects.values_list("status", flat=True)) == {"missed"}
    assert django_mail.outbox == []


def test_a_lost_broker_message_is_handed_to_a_worker_again(schedule, eager_celery, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))

    run(at("10/07/2020", hour=7, minute=45), django_capture_on_commit_callbacks)

    assert OutboxMail.objects.get().status == Status.SENT
    assert len(django_mail.outbox) == 1


def test_a_failed_mail_can_be_resent_and_a_queued_one_withheld(
    schedule, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        jobs.run_reminders(at("10/07/2020"))
    mail = OutboxMail.objects.get()

    assert delivery.withhold(mail)
    assert delivery.send(mail.pk).status == ""
    with django_capture_on_commit_callbacks(execute=True):
        assert delivery.resend(mail)

    mail.refresh_from_db()
    assert mail.status == Status.SENT
    assert not delivery.withhold(mail)
    assert len(django_mail.outbox) == 1


def test_the_text_and_html_bodies_parse_as_one_mail(schedule, eager_celery, django_capture_on_commit_callbacks):
    run(at("10/07/2020"), django_capture_on_commit_callbacks)

    parsed = message_from_string(django_mail.outbox[0].message().as_string())

    assert [part.get_content_type() for part in parsed.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
    ]


def test_other_organisations_tasks_stay_out_of_the_digest(
    congress, agency, huy, eager_celery, django_capture_on_commit_callbacks
):
    task_led_by(congress, agency, "Ngày 10/7/2020", content="Việc của Sở Nội vụ")
    task_led_by(congress, OrganizationFactory(), "Ngày 10/7/2020", content="Việc của sở khác")

    run(at("10/07/2020"), django_capture_on_commit_callbacks)

    body = django_mail.outbox[0].body
    assert "Việc của Sở Nội vụ" in body
    assert "Việc của sở khác" not in body
    assert dt.date(2020, 7, 10) == OutboxMail.objects.get().digest_date


def test_the_digest_calendar_carries_the_same_events_as_the_calendar_feed(
    schedule, eager_celery, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://thidua.example.gov.vn"
    run(at("10/07/2020"), django_capture_on_commit_callbacks)

    ics = django_mail.outbox[0].attachments[0][1]
    events = {str(event["uid"]): event for event in icalendar.Calendar.from_ical(ics).walk("VEVENT")}
    link = linker(settings.SITE_URL)
    with translation.override("vi"):
        expected = [
            task_event(task, link)
            for task in Task.objects.filter(due_date__gte=dt.date(2020, 7, 10)).select_related("congress")
        ]
    assert sorted(events) == sorted(f"{event.uid}@thidua.example.gov.vn" for event in expected)
    for event in expected:
        found = events[f"{event.uid}@thidua.example.gov.vn"]
        assert (str(found["summary"]), str(found["description"]), str(found["url"])) == (
            event.summary,
            event.description,
            event.url,
        )
        assert found.decoded("dtstart") == event.start
