"""The dashboard's tallies (planning.models.tallies) are kept by database triggers: after any
write to tasks or their parties, however made, the work items and lead items equal what the tasks
and parties say, and the counts equal the items."""

import datetime
import random
from collections import Counter

import pytest
from django.db import connection

from congress.models import Subcommittee
from planning.models import LeadCount, LeadItem, MonthCount, Task, TaskParty, TopLevelCount, WorkItem
from planning.models.tallies import COUNTERS, NO_MONTH, TOP_LEVEL_TRIGGERS, TRIGGERS, settling, top_level_counts
from tests.factories import (
    CongressFactory,
    OrganizationFactory,
    SubcommitteeFactory,
    TaskFactory,
    TaskPartyFactory,
)

LEAD, COORDINATING = TaskParty.Role.LEAD, TaskParty.Role.COORDINATING
Status = Task.Status


def expected(congress):
    """The rows as the rule says, from the tasks and parties themselves: every task without
    sub-items under each distinct lead body of its own, or, for a sub-item naming none, of its
    parent's."""
    tasks = list(Task.objects.filter(congress=congress))
    parents = {task.parent_id for task in tasks if task.parent_id}
    leads = {}
    for party in TaskParty.objects.filter(task__congress=congress, role=LEAD):
        named_only_by_phrase = party.organization_id is None and party.subcommittee_id is None
        body = (party.organization_id, party.subcommittee_id, party.phrase if named_only_by_phrase else "")
        leads.setdefault(party.task_id, set()).add(body)
    rows = set()
    for task in tasks:
        if task.pk in parents:
            continue
        bodies = leads.get(task.pk) or (leads.get(task.parent_id, set()) if task.parent_id else set())
        rows |= {(task.pk, *body, task.status, task.due_date) for body in bodies}
    return rows


def settle():
    with connection.cursor() as cursor:
        if sql := settling():  # PostgreSQL: the triggers wait for a commit that a test never makes
            cursor.execute(sql)


def stored(congress):
    settle()
    found = list(
        LeadItem.objects.filter(congress=congress).values_list(
            "item_id", "organization_id", "subcommittee_id", "phrase", "status", "due_date"
        )
    )
    assert len(found) == len(set(found)), "an item is counted twice under one body"
    return set(found)


def assert_kept(congress):
    assert stored(congress) == expected(congress)
    work = {(task.pk, task.group_month, task.status, task.due_date) for task in work_items(congress)}
    assert (
        set(WorkItem.objects.filter(congress=congress).values_list("item", "group_month", "status", "due_date")) == work
    )
    assert WorkItem.objects.filter(congress=congress).count() == len(work)
    # The counts are the items counted, and none falls below zero.
    by_month = Counter((month or datetime.date.fromisoformat(NO_MONTH), status) for _, month, status, _ in work)
    month_counts = MonthCount.objects.filter(congress=congress)
    assert {(row.month, row.status): row.n for row in month_counts if row.n} == by_month
    by_lead = Counter((org or 0, sub or 0, phrase, status) for _, org, sub, phrase, status, _ in stored(congress))
    lead_counts = LeadCount.objects.filter(congress=congress)
    assert {
        (row.organization_id, row.subcommittee_id, row.phrase, row.status): row.n for row in lead_counts if row.n
    } == by_lead
    assert not month_counts.filter(n__lt=0).exists() and not lead_counts.filter(n__lt=0).exists()
    # The schedule's month pager counts the top-level tasks of each month.
    tops = Counter(Task.objects.filter(congress=congress, parent__isnull=True).values_list("group_month", flat=True))
    assert top_level_counts(congress) == tops
    assert not TopLevelCount.objects.filter(n__lt=0).exists()


def work_items(congress):
    tasks = list(Task.objects.filter(congress=congress))
    parents = {task.parent_id for task in tasks}
    return [task for task in tasks if task.pk not in parents]


@pytest.fixture
def congress(db):
    return CongressFactory()


def test_a_task_counts_under_its_leads_and_not_its_coordinating_parties(congress):
    task = TaskFactory(congress=congress)
    home, culture = OrganizationFactory(), OrganizationFactory()
    TaskPartyFactory(task=task, organization=home)
    TaskPartyFactory(task=task, organization=culture, role=COORDINATING)
    TaskPartyFactory(task=task, organization=None, phrase="Các cơ quan, đơn vị")

    assert stored(congress) == {
        (task.pk, home.pk, None, "", Status.NOT_STARTED, task.due_date),
        (task.pk, None, None, "Các cơ quan, đơn vị", Status.NOT_STARTED, task.due_date),
    }


def test_sub_items_stand_for_their_parent_and_inherit_its_lead(congress):
    parent = TaskFactory(congress=congress)
    home = OrganizationFactory()
    TaskPartyFactory(task=parent, organization=home)
    assert_kept(congress)

    first = TaskFactory(congress=congress, parent=parent, number=1)
    second = TaskFactory(congress=congress, parent=parent, number=2)
    own = TaskPartyFactory(task=second, organization=OrganizationFactory())

    assert {row[0] for row in stored(congress)} == {first.pk, second.pk}
    assert_kept(congress)

    # The parent's lead changes: the sub-item without a lead of its own follows.
    party = parent.parties.get()
    party.organization = OrganizationFactory()
    party.save()
    assert_kept(congress)

    # The sub-item's own lead goes: it counts under the parent's again.
    own.delete()
    assert_kept(congress)

    # The sub-items go: the parent is a work item again.
    first.delete()
    second.delete()
    assert {row[0] for row in stored(congress)} == {parent.pk}
    assert_kept(congress)


def test_state_and_deadline_follow_every_kind_of_write(congress):
    tasks = [TaskFactory(congress=congress, number=n) for n in range(1, 6)]
    for task in tasks:
        TaskPartyFactory(task=task)

    Task.objects.filter(congress=congress).update(
        status=Status.DONE, completed_on=datetime.date(2020, 7, 1)
    )  # no save()
    assert_kept(congress)
    Task.objects.filter(pk=tasks[0].pk).update(due_date=datetime.date(2031, 1, 2))
    assert_kept(congress)
    tasks[1].status, tasks[1].completed_on = Status.IN_PROGRESS, None
    tasks[1].save()
    assert_kept(congress)

    made = Task.objects.bulk_create(Task(congress=congress, number=10 + n) for n in range(3))
    TaskParty.objects.bulk_create(TaskParty(task=task, role=LEAD, phrase="UBND các huyện") for task in made)
    assert_kept(congress)

    TaskParty.objects.filter(task__in=made).update(role=COORDINATING)
    assert_kept(congress)


def test_a_body_named_twice_counts_once(congress):
    task = TaskFactory(congress=congress)
    home = OrganizationFactory()
    TaskPartyFactory(task=task, organization=home, order=1)
    TaskPartyFactory(task=task, organization=home, order=2)

    assert len(stored(congress)) == 1
    assert_kept(congress)


def test_cascades_keep_the_rows(congress):
    sub = SubcommitteeFactory(congress=congress)
    parent = TaskFactory(congress=congress)
    TaskPartyFactory(task=parent, organization=None, subcommittee=sub)
    TaskFactory(congress=congress, parent=parent)
    assert len(stored(congress)) == 1

    Subcommittee.objects.filter(pk=sub.pk).delete()  # its parties go with it
    assert stored(congress) == set() == expected(congress)

    parent.delete()  # with its sub-item
    assert_kept(congress)
    congress.delete()
    settle()
    assert not LeadItem.objects.exists() and not WorkItem.objects.exists()


def test_the_schedule_months_count_top_level_tasks_however_they_move(congress):
    """A task without a date counts under no month; a sub-item never counts; a task that becomes a
    sub-item, moves to another month or to another congress, or goes, moves its count with it."""
    july = TaskFactory(congress=congress, deadline="Ngày 06/7/2020")
    undated = TaskFactory(congress=congress, deadline="Thường xuyên")
    TaskFactory(congress=congress, parent=july, deadline="Trước ngày 20/9/2020")
    assert top_level_counts(congress) == {datetime.date(2020, 7, 1): 1, None: 1}

    undated.set_deadline("Trong tháng 9/2020")
    undated.save()
    assert top_level_counts(congress) == {datetime.date(2020, 7, 1): 1, datetime.date(2020, 9, 1): 1}
    Task.objects.filter(pk=undated.pk).update(parent=july)
    assert top_level_counts(congress) == {datetime.date(2020, 7, 1): 1}
    Task.objects.filter(pk=undated.pk).update(parent=None)
    other = CongressFactory()
    Task.objects.filter(pk=july.pk).update(congress=other)
    assert top_level_counts(congress) == {datetime.date(2020, 9, 1): 1}
    assert top_level_counts(other) == {datetime.date(2020, 7, 1): 1}
    Task.objects.filter(congress__in=[congress, other]).delete()
    assert top_level_counts(congress) == {} == top_level_counts(other)
    assert_kept(congress)


def test_a_random_walk_of_writes_keeps_the_rows(congress):
    """Two hundred writes of every kind, chosen at random (seeded), checked after each."""
    chooser = random.Random(20261206)
    bodies = [OrganizationFactory() for _ in range(3)]
    subs = [SubcommitteeFactory(congress=congress) for _ in range(2)]
    deadlines = ["Ngày 06/7/2020", "Trước ngày 20/7/2020", "Thường xuyên", "", "Trong tháng 9/2020"]

    def any_task():
        return Task.objects.filter(congress=congress).order_by("?").first()

    def add_task():
        parent = any_task() if chooser.random() < 0.4 else None
        if parent is not None and parent.parent_id:
            parent = None  # two levels only
        TaskFactory(congress=congress, parent=parent, deadline=chooser.choice(deadlines))

    def add_party():
        if task := any_task():
            kind = chooser.randrange(3)
            TaskParty.objects.create(
                task=task,
                role=chooser.choice([LEAD, LEAD, COORDINATING]),
                organization=chooser.choice(bodies) if kind == 0 else None,
                subcommittee=chooser.choice(subs) if kind == 1 else None,
                phrase="Các sở, ngành" if kind == 2 else "",
            )

    def change_party():
        if party := TaskParty.objects.filter(task__congress=congress).order_by("?").first():
            party.role = chooser.choice([LEAD, COORDINATING])
            if party.organization_id:
                party.organization = chooser.choice(bodies)
            party.save()

    def drop_party():
        if party := TaskParty.objects.filter(task__congress=congress).order_by("?").first():
            party.delete()

    def change_state():
        if task := any_task():
            task.status = chooser.choice(Status.values)
            task.completed_on = datetime.date(2020, 7, 1) if task.status == Status.DONE else None
            task.set_deadline(chooser.choice(deadlines))
            task.save()

    def move_task():
        task = any_task()
        tops = Task.objects.filter(congress=congress, parent__isnull=True, subitems__isnull=True)
        target = tops.exclude(pk=getattr(task, "pk", None)).order_by("?").first()
        if task and target and not task.subitems.exists():
            Task.objects.filter(pk=task.pk).update(parent=chooser.choice([target, None]))

    def drop_task():
        if task := any_task():
            task.delete()

    steps = [add_task] * 4 + [add_party] * 4 + [change_party, drop_party, change_state, change_state, move_task]
    steps.append(drop_task)
    for _ in range(200):
        chooser.choice(steps)()
        assert_kept(congress)
    assert len(stored(congress)) > 5  # the walk built something to check


def test_every_trigger_outlives_the_migrations_after_it(db):
    """The six on tasks and parties and the three top-level counters (deferred on PostgreSQL), and
    the four item counters. On SQLite a later migration that copied planning_task or
    planning_taskparty to alter a column would drop them."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname, tgdeferrable FROM pg_trigger WHERE tgname LIKE 'planning_%'")
        else:
            cursor.execute(
                "SELECT name, name LIKE 'planning_tally_%' OR name LIKE 'planning_toplevel_%'"
                " FROM sqlite_master WHERE type = 'trigger'"
            )
        found = dict(cursor.fetchall())
    assert sorted(name for name, deferred in found.items() if deferred) == sorted(TRIGGERS + TOP_LEVEL_TRIGGERS)
    assert sorted(name for name, deferred in found.items() if not deferred) == sorted(COUNTERS)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits; the migrations' rows come back after
def test_two_transactions_changing_one_item_at_once_leave_it_right():
    """A sub-item's status and its parent's lead change in two transactions at the same moment:
    neither waits for the other, and the item ends under the new lead with the new status."""
    import psycopg2

    congress = CongressFactory()
    home, culture = OrganizationFactory(), OrganizationFactory()
    parent = TaskFactory(congress=congress)
    party = TaskPartyFactory(task=parent, organization=home)
    item = TaskFactory(congress=congress, parent=parent)
    first, second = (psycopg2.connect(**connection.get_connection_params()) for _ in range(2))
    try:
        with first.cursor() as cursor:
            cursor.execute("UPDATE planning_task SET status = 'in_progress' WHERE id = %s", [item.pk])
        with second.cursor() as cursor:
            cursor.execute("SET statement_timeout = 5000")  # a wait for the first would end here
            cursor.execute("UPDATE planning_taskparty SET organization_id = %s WHERE id = %s", [culture.pk, party.pk])
        second.commit()
        first.commit()
    finally:
        first.close()
        second.close()

    assert stored(congress) == {(item.pk, culture.pk, None, "", Status.IN_PROGRESS, item.due_date)}
    assert_kept(congress)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits; the migrations' rows come back after
def test_two_transactions_moving_tasks_between_the_same_months_do_not_wait_for_each_other():
    """Each moves a task from July to September: the month counts are written at the commits, one
    after the other, so neither statement waits for a count row the other holds."""
    import psycopg2

    congress = CongressFactory()
    july, september = datetime.date(2020, 7, 1), datetime.date(2020, 9, 1)
    tasks = [TaskFactory(congress=congress, deadline="Ngày 06/7/2020", number=n) for n in (1, 2)]
    first, second = (psycopg2.connect(**connection.get_connection_params()) for _ in range(2))
    try:
        for conn, task in zip((first, second), tasks, strict=True):
            with conn.cursor() as cursor:
                cursor.execute("SET statement_timeout = 5000")  # a wait for the other would end here
                cursor.execute("UPDATE planning_task SET group_month = %s WHERE id = %s", [september, task.pk])
        second.commit()
        first.commit()
    finally:
        first.close()
        second.close()

    assert top_level_counts(congress) == {september: 2}
    assert TopLevelCount.objects.get(congress=congress, month=july).n == 0
    assert_kept(congress)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans of PostgreSQL's planner")
def test_a_large_load_is_counted_by_key_whatever_the_statistics_say(congress):
    """A plan loaded in one transaction into tables whose statistics say they are empty (a new
    database, an import, a restore) is counted item by item through indexed keys: the rows the
    triggers read grow with the tasks, not with their square. Statements that joined the touched
    tasks to the tables were planned for one-row tables here and scanned whole indexes per event."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE planning_task, planning_taskparty, planning_workitem, planning_leaditem")
    count = 300
    tasks = Task.objects.bulk_create(Task(congress=congress, number=n) for n in range(1, count + 1))
    organization = OrganizationFactory()
    TaskParty.objects.bulk_create(
        party
        for task in tasks
        for party in (
            TaskParty(task=task, role=LEAD, order=1, organization=organization),
            TaskParty(task=task, role=COORDINATING, order=2, phrase="Các đơn vị"),
        )
    )
    Task.objects.bulk_create(Task(congress=congress, parent=task, number=1) for task in tasks[::10])
    # Rows read by sequential scans of the tables and index entries read, in this transaction.
    reads = "SELECT SUM(pg_stat_get_xact_tuples_returned(oid)) FROM pg_class WHERE relname LIKE 'planning_%%'"
    with connection.cursor() as cursor:
        cursor.execute(reads)
        before = cursor.fetchone()[0]
        settle()
        cursor.execute(reads)
        read = cursor.fetchone()[0] - before

    assert read < 40 * count, f"{read} rows read to count {count} tasks"
    assert_kept(congress)
