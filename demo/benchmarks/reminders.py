"""`make bench`: plan and queue one day's reminder digests for 100,000 open tasks and 10,000 people.

Builds congresses whose tasks fall due over a month around the measured day (so about half
of them remind that day), led by 2,000 organisations with a focal point each, with two
assignees per task among 10,000 people; then times `plan_day` + `compose` (no mail is sent:
the enqueueing waits for a commit that never comes). Everything happens in a transaction that
is rolled back. Time and queries come from one run, peak memory (tracemalloc) from a second
run of the same work, as tracing slows Python down.
"""

import datetime
import time
import tracemalloc
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from congress.models import Congress, CongressRole, Organization, OrganizingBoard, Person
from demo.benchdata import analyze, counted_queries, rolled_back
from planning.models import Task, TaskParty
from reminders import digests, planner
from reminders.models import OutboxMail, ReminderPolicy, ScheduledReminder

SIZE = (100_000, 10_000)  # open tasks, people
GOALS = {"seconds": 30, "peak_mb": 300}
DAY = datetime.date(2030, 7, 10)  # a Wednesday
CONGRESSES = 10
ORGANIZATIONS = 2000


def build(tasks, people):
    """The congresses, organisations, focal points, people and open tasks."""
    User = get_user_model()
    root = Organization.objects.create(name="UBND tỉnh Bench nhắc việc")
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Cơ quan nhắc việc {n}", parent=root) for n in range(ORGANIZATIONS)
    )
    congresses = [
        Congress.objects.create(year=2030, edition=n + 1, area_name="tỉnh Bench", host=root) for n in range(CONGRESSES)
    ]
    OrganizingBoard.objects.bulk_create(OrganizingBoard(congress=congress) for congress in congresses)
    ReminderPolicy.objects.bulk_create(ReminderPolicy(congress=congress) for congress in congresses)
    users = User.objects.bulk_create(
        User(username=f"bench-nhac-viec-{n}", password="!") for n in range(len(organizations))
    )
    persons = Person.objects.bulk_create(
        Person(
            full_name=f"Người nhận {n}",
            email=f"nguoi{n}@bench.example",
            organization=organizations[n % len(organizations)],
            user=users[n] if n < len(users) else None,
        )
        for n in range(people)
    )
    CongressRole.objects.bulk_create(
        CongressRole(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=organization)
        for congress in congresses
        for user, organization in zip(users, organizations, strict=True)
    )
    rows = []
    for n in range(tasks):
        task = Task(congress=congresses[n % CONGRESSES], number=n + 1, content=f"Nhiệm vụ nhắc việc số {n + 1}")
        due = DAY + datetime.timedelta(days=n % 31 - 20)
        task.set_deadline(f"Ngày {due:%d/%m/%Y}")
        task.refresh_dates()
        rows.append(task)
    created = Task.objects.bulk_create(rows, batch_size=5000)
    TaskParty.objects.bulk_create(
        (
            TaskParty(task=task, role=TaskParty.Role.LEAD, order=1, organization=organizations[n % len(organizations)])
            for n, task in enumerate(created)
        ),
        batch_size=5000,
    )
    Assignee = Task.assignees.through
    Assignee.objects.bulk_create(
        (
            Assignee(task=task, person=persons[(n * 7 + k) % len(persons)])
            for n, task in enumerate(created)
            for k in (0, 1)
        ),
        batch_size=5000,
        ignore_conflicts=True,
    )


def plan_and_queue(now):
    planner.plan_day(now)
    return digests.compose(now)


def measure(tasks, people, stdout):
    """(seconds, peak MB, queries, digests, reminders) for one day's planning and queueing."""
    now = datetime.datetime.combine(DAY, datetime.time(7, 30), tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    stdout.write(f"Building {tasks:,} tasks and {people:,} people…")
    started = time.perf_counter()
    build(tasks, people)
    analyze()  # statistics for the new rows, as autovacuum gives a live database
    stdout.write(f"  built in {time.perf_counter() - started:.1f} s")
    with transaction.atomic():
        with counted_queries() as counter:
            started = time.perf_counter()
            queued = plan_and_queue(now)
            seconds = time.perf_counter() - started
        reminders = ScheduledReminder.objects.filter(remind_on=DAY).count()
        transaction.set_rollback(True)
    with transaction.atomic():
        tracemalloc.start()
        plan_and_queue(now)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        mails = OutboxMail.objects.filter(digest_date=DAY).count()
        transaction.set_rollback(True)
    assert mails == len(queued), (mails, len(queued))
    return seconds, peak, counter["queries"], len(queued), reminders


def run(*, stdout, repeat, size=SIZE):
    tasks, people = size
    label = f"{tasks // 1000}k" if tasks >= 1000 else str(tasks)
    with rolled_back():
        seconds, peak, queries, mails, reminders = measure(tasks, people, stdout)
    figures = {
        f"reminder_plan_s_{label}": round(seconds, 2),
        f"reminder_plan_peak_mb_{label}": round(peak, 1),
        f"reminder_plan_queries_{label}": queries,
    }
    stdout.write(f"\n{reminders:,} reminders in {mails:,} digests for {tasks:,} open tasks and {people:,} people")
    stdout.write(f"{'figure':<32}{'value':>10}  goal")
    stdout.write(f"{'time (s)':<32}{seconds:>10.2f}  < {GOALS['seconds']}")
    stdout.write(f"{'peak memory (MB, tracemalloc)':<32}{peak:>10.1f}  < {GOALS['peak_mb']}")
    stdout.write(f"{'queries':<32}{queries:>10}  grow with batches, not rows")
    return figures
