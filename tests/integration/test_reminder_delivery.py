"""Reminders end to end: the job and real Celery workers on Redis, PostgreSQL, an SMTP server."""

import datetime as dt
import time

from django.utils import timezone

from congress.models import CongressRole
from reminders.models import OutboxMail, ReminderPolicy, ScheduledReminder
from tests.factories import (
    CongressRoleFactory,
    OrganizationFactory,
    OrganizingBoardFactory,
    PersonFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

from .conftest import needs_real_parts

pytestmark = needs_real_parts


def people_with_tasks_due_tomorrow(count):
    """A congress whose policy reminds at any hour of any day, and `count` focal points each
    with a task due tomorrow; returns their addresses."""
    congress = OrganizingBoardFactory().congress
    # Midnight and every day: the test runs whenever CI does.
    ReminderPolicy.objects.create(congress=congress, digest_time=dt.time(0, 0), working_days_only=False, grace_hours=24)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    addresses = []
    for n in range(count):
        agency = OrganizationFactory()
        user = UserFactory()
        person = PersonFactory(user=user, organization=agency, email=f"daumoi{n}@example.org")
        CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=agency)
        task = TaskFactory(congress=congress, deadline=f"Ngày {tomorrow:%d/%m/%Y}")
        TaskPartyFactory(task=task, organization=agency)
        addresses.append(person.email)
    return sorted(addresses)


def finished(process, timeout=120):
    assert process.wait(timeout=timeout) == 0


def settle(seconds=4):
    """Give a worker time to send a duplicate, if it were going to."""
    time.sleep(seconds)


def test_a_due_reminder_arrives_at_the_smtp_server_exactly_once(processes, inbox):
    addresses = people_with_tasks_due_tomorrow(1)
    processes.worker("worker-a")
    processes.wait_until_ready("worker-a")

    finished(processes.job("job-1"))
    assert inbox.wait_for(1), processes.log("worker-a")
    finished(processes.job("job-2"))  # the next beat, the same day
    settle()

    assert inbox.recipients() == addresses
    assert inbox.messages[0]["subject"].endswith("1 nhiệm vụ đến hạn trong 7 ngày")
    mail = OutboxMail.objects.get()
    assert (mail.status, mail.attempts) == (OutboxMail.Status.SENT, 1)
    assert inbox.messages[0]["message_id"] == mail.message_id()


def test_two_beats_and_two_workers_at_the_same_moment_still_send_each_digest_once(processes, inbox):
    addresses = people_with_tasks_due_tomorrow(12)
    processes.worker("worker-a", concurrency=2)
    processes.worker("worker-b", concurrency=2)
    processes.wait_until_ready("worker-a")
    processes.wait_until_ready("worker-b")

    jobs = [processes.job("job-1"), processes.job("job-2"), processes.job("job-3")]
    for job in jobs:
        finished(job)
    assert inbox.wait_for(12), processes.log("worker-a") + processes.log("worker-b")
    settle()

    assert inbox.recipients() == addresses
    assert OutboxMail.objects.count() == 12
    assert ScheduledReminder.objects.filter(status=ScheduledReminder.Status.MAILED).count() == 12


def test_a_worker_killed_mid_batch_and_restarted_sends_the_rest_without_duplicates(processes, inbox):
    addresses = people_with_tasks_due_tomorrow(10)
    inbox.delay = 0.5  # each mail takes half a second at the server
    processes.worker("worker-a")
    processes.wait_until_ready("worker-a")
    finished(processes.job("job-1"))
    # Three mails delivered and the fourth's DATA at the server, not yet answered.
    assert inbox.wait_for_one_in_the_middle(3), processes.log("worker-a")

    processes.kill(processes.started[0][0])  # SIGKILL to the whole worker, in the middle of the batch
    sent_before = len(inbox.messages)
    assert 3 <= sent_before < 10
    processes.worker("worker-b")
    processes.wait_until_ready("worker-b")
    time.sleep(9)  # past REMINDER_STUCK_AFTER_SECONDS and REMINDER_REQUEUE_AFTER_SECONDS of the test
    finished(processes.job("job-2"))  # the next beat sweeps back what the dead worker held
    assert inbox.wait_for(10), processes.log("worker-b") + processes.log("job-2")
    settle()

    assert inbox.recipients() == addresses
    assert set(OutboxMail.objects.values_list("status", flat=True)) == {OutboxMail.Status.SENT}
