"""Synthetic congresses of a given size for `manage.py bench`: organisations, people, tasks.

Rows go in with bulk_create; the derived deadline fields are computed the way Task.save() does.
Also what every benchmark shares: `measure` (median time and queries of a page), `analyze`
(fresh planner statistics after a bulk load), `rolled_back` (leave the database as it was) and
`serving_pages` (production-like settings).
"""

import datetime
import itertools
import resource
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from congress.models import (
    Congress,
    CongressRole,
    CongressSession,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)
from planning.models import ProgressUpdate, Task, TaskParty
from planning.models.tallies import settling

WARM_UP = 2  # requests before the timed ones


def peak_kb():
    """The process's own high-water mark of resident memory, in kilobytes (Linux's VmHWM; a child
    process started from a big one would report its parent's size through ru_maxrss)."""
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def reset_peak():
    """Start the high-water mark again from the present size (Linux ≥ 4.0); a no-op where not allowed."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


@contextmanager
def counted_queries():
    """{"queries": n}: the statements run in the block, counted as they run (unlike Django's
    query log, this counts right however many queries ran before)."""
    counter = {"queries": 0}

    def count(execute, sql, params, many, context):
        counter["queries"] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield counter


@contextmanager
def rolled_back():
    """Run the block in a transaction undone at its end, so the database is left as it was."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextmanager
def serving_pages():
    """Pages answered as in production (no debug, plain static names), for the test client."""
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise looks there
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=plain_static, DEBUG=False, SECURE_SSL_REDIRECT=False):
        yield


@dataclass
class Figure:
    """The median time of a page over repeated requests, its spread, and its query count."""

    ms: float
    queries: int
    low_ms: float = 0.0  # first quartile
    high_ms: float = 0.0  # third quartile
    cpu_ms: float = 0.0  # median CPU time of the process (less swayed by other work on the machine)


def analyze():
    """After a bulk load, the upkeep a live database does before anyone reads it: fresh planner
    statistics (`ANALYZE`) and, on PostgreSQL outside a transaction, `VACUUM` as autovacuum would,
    which marks the new rows visible to all so that an index can answer without the table. Inside
    a transaction (where VACUUM cannot run) the dashboard's tallies of the load are settled first
    (on PostgreSQL they wait for a commit), so that ANALYZE counts them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM ANALYZE")
            return
        if pending := settling():
            cursor.execute(pending)
        cursor.execute("ANALYZE")


def measure(requests, repeat):
    """{key: Figure} for {key: (client, url)}: every page requested in turn, round after round
    (warm-up rounds first), so that a machine busier at one moment than at another slows every
    page alike and the ratios between them hold; the query count from one more request each."""
    order = list(requests)
    timings = {key: [] for key in order}
    cpu = {key: [] for key in order}
    for round_number in range(WARM_UP + max(repeat, 1)):
        shift = round_number % len(order)
        for key in order[shift:] + order[:shift]:
            client, url = requests[key]
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            cpu_elapsed = (time.process_time() - cpu_started) * 1000
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            if round_number >= WARM_UP:
                timings[key].append(elapsed)
                cpu[key].append(cpu_elapsed)
    figures = {}
    for key in order:
        client, url = requests[key]
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        samples = timings[key]
        quartiles = statistics.quantiles(samples, n=4) if len(samples) > 1 else [samples[0]] * 3
        figures[key] = Figure(
            ms=round(statistics.median(samples), 2),
            queries=len(queries),
            low_ms=round(quartiles[0], 2),
            high_ms=round(quartiles[2], 2),
            cpu_ms=round(statistics.median(cpu[key]), 2),
        )
    return figures


def database_label():
    """Which database the figures come from, for the bench's first line."""
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version} ({connection.settings_dict['NAME']})"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    params = connection.settings_dict
    return (
        f"PostgreSQL {version} ({params['NAME']} on {params.get('HOST') or 'localhost'}:{params.get('PORT') or 5432})"
    )


PHRASES = ["Ngày {d:02d}/{m}/2030", "Trước ngày {d:02d}/{m}/2030", "Trong tháng {m}/2030", "Thường xuyên"]
STATUSES = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS, Task.Status.DONE, Task.Status.NOT_STARTED]
CONTENT = (
    "Xây dựng dự thảo báo cáo tổng kết phong trào thi đua yêu nước số {n}:\n"
    "- Tổng hợp số liệu của các cơ quan, đơn vị, địa phương.\n"
    "+ Rà soát, hoàn thiện.\n"
    "- Trình Ban Tổ chức Đại hội cho ý kiến."
)


class BenchCongress:
    """One congress with its directory; `add_tasks` grows it."""

    HOST = "UBND tỉnh Bench"  # the host organisation's name, before the tag
    AREA = "tỉnh Bench"

    def __init__(self, *, organizations=200, people=300, subcommittees=5, tag=""):
        """`tag` tells apart the users and the host of several bench congresses built side by side."""
        User = get_user_model()
        self.root = root = Organization.objects.create(
            name=f"{self.HOST}{tag}", kind=Organization.Kind.PEOPLES_COMMITTEE
        )
        self.organizations = Organization.objects.bulk_create(
            Organization(name=f"Sở thử nghiệm số {n}", short_name=f"Sở số {n}", parent=root)
            for n in range(1, organizations + 1)
        )
        self.people = Person.objects.bulk_create(
            Person(full_name=f"Nguyễn Văn Thử {n}", organization=self.organizations[n % organizations])
            for n in range(1, people + 1)
        )
        self.congress = Congress.objects.create(
            kind=Congress.Kind.CONGRESS,
            level=Congress.Level.PROVINCE,
            edition=7,
            year=2030,
            area_name=self.AREA,
            host=root,
        )
        OrganizingBoard.objects.create(congress=self.congress, name="Ban Tổ chức")
        CongressSession.objects.create(
            congress=self.congress,
            name="Phiên chính thức",
            timing=CongressSession.Timing.EXACT,
            starts_at=datetime.datetime(2030, 9, 15, 8, tzinfo=datetime.UTC),
        )
        self.subcommittees = Subcommittee.objects.bulk_create(
            Subcommittee(congress=self.congress, name=f"Tiểu ban {n}", order=n) for n in range(1, subcommittees + 1)
        )
        SubcommitteeMember.objects.bulk_create(
            SubcommitteeMember(subcommittee=sub, person=self.people[n], order=1)
            for n, sub in enumerate(self.subcommittees)
        )
        self.secretariat = User.objects.create_user(f"bench-vanphong{tag}", password=None)
        self.focal_point = User.objects.create_user(f"bench-daumoi{tag}", password=None)
        self.people[0].user = self.secretariat
        self.people[1].user = self.focal_point
        Person.objects.bulk_update(self.people[:2], ["user"])
        self.focal_organization = self.organizations[0]
        CongressRole.objects.bulk_create(
            [
                CongressRole(congress=self.congress, user=self.secretariat, role=CongressRole.Role.SECRETARIAT),
                CongressRole(
                    congress=self.congress,
                    user=self.focal_point,
                    role=CongressRole.Role.FOCAL_POINT,
                    organization=self.focal_organization,
                ),
            ]
        )
        self.count = 0

    def remove(self):
        """Delete the congress and its directory again."""
        self.remove_congress(self.congress)

    @classmethod
    def remove_left_over(cls):
        """Remove the bench congresses of a run that was stopped before it could (by their area and
        their host's name, which no real congress has)."""
        left_over = Congress.objects.filter(area_name=cls.AREA, host__name__startswith=cls.HOST)
        for congress in left_over.select_related("host"):
            cls.remove_congress(congress)

    @classmethod
    def remove_congress(cls, congress):
        root = congress.host
        tag = root.name.removeprefix(cls.HOST)
        Task.objects.filter(congress=congress).delete()  # first: their parties protect the organisations
        congress.delete()
        organizations = Organization.objects.filter(parent=root)
        Person.objects.filter(organization__in=organizations).delete()
        organizations.delete()
        root.delete()
        get_user_model().objects.filter(username__in=[f"bench-vanphong{tag}", f"bench-daumoi{tag}"]).delete()

    def add_tasks(self, count):
        """Add `count` tasks: one in ten led by the focal point's organisation, every task with a
        lead, two coordinating parties and two assignees, some with progress updates."""
        start = self.count
        tasks = []
        for n in range(start, start + count):
            task = Task(
                congress=self.congress,
                number=n + 1,
                content=CONTENT.format(n=n + 1),
                status=STATUSES[n % len(STATUSES)],
                completed_on=datetime.date(2030, 1, 1) if STATUSES[n % len(STATUSES)] == Task.Status.DONE else None,
            )
            task.set_deadline(PHRASES[n % len(PHRASES)].format(d=n % 28 + 1, m=n % 8 + 1))
            task.refresh_dates()
            tasks.append(task)
        tasks = Task.objects.bulk_create(tasks, batch_size=1000)
        organizations = itertools.cycle(self.organizations[1:])
        parties, assignees, updates = [], [], []
        Assignee = Task.assignees.through
        for index, task in enumerate(tasks):
            n = start + index
            lead = self.focal_organization if n % 10 == 0 else next(organizations)
            parties.append(TaskParty(task=task, role=TaskParty.Role.LEAD, order=1, organization=lead))
            if n % 7 == 0:
                sub = self.subcommittees[n % len(self.subcommittees)]
                parties.append(TaskParty(task=task, role=TaskParty.Role.LEAD, order=2, subcommittee=sub))
            parties.append(
                TaskParty(task=task, role=TaskParty.Role.COORDINATING, order=3, organization=next(organizations))
            )
            parties.append(
                TaskParty(
                    task=task, role=TaskParty.Role.COORDINATING, order=4, phrase="Các cơ quan, đơn vị, địa phương"
                )
            )
            for person in (self.people[n % len(self.people)], self.people[(n * 7 + 3) % len(self.people)]):
                assignees.append(Assignee(task=task, person=person))
            if n % 5 == 0:
                updates.append(
                    ProgressUpdate(
                        task=task, congress=self.congress, author=self.focal_point, text=f"Đã triển khai bước {n}."
                    )
                )
        TaskParty.objects.bulk_create(parties, batch_size=2000)
        Assignee.objects.bulk_create(assignees, batch_size=2000, ignore_conflicts=True)
        ProgressUpdate.objects.bulk_create(updates, batch_size=2000)
        self.count += count
