"""The day's reminders: which person is reminded of which task, meeting or registered item.

`plan_day(now)` writes them as ScheduledReminder rows. Rows are unique per (thing, person,
kind, day) by database constraints and inserted with ON CONFLICT DO NOTHING, so any number of
jobs may plan the same day at the same time and each reminder still exists once. A congress
plans once its digest hour has come, and again on every run that day, which picks up tasks
added since (a person whose digest has gone already gets them the next time).

`preview_day(now)` gives the same reminders unsaved, for the dry run.
"""

import datetime
from collections import defaultdict

from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone

from congress.models import Congress

from ..models import Meeting, ReminderPolicy, ScheduledReminder, Task
from . import registry
from .policy import day_plan
from .recipients import RoleHolders, TaskPeople, meeting_people

BATCH = 2000
CLOSED_CONGRESS = [Congress.Status.HELD, Congress.Status.CLOSED, Congress.Status.CANCELLED]
CLOSED_TASK = [Task.Status.DONE, Task.Status.CANCELLED]
POLICY_FIELDS = [
    "is_active",
    "days_before",
    "on_the_day",
    "overdue_every_days",
    "overdue_for_days",
    "escalate_after_days",
    "digest_time",
    "working_days_only",
    "remind_coordinating",
    "remind_meetings",
    "grace_hours",
]


def batched(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def policies(congress_ids=None):
    """{congress id: policy} for every congress still preparing; defaults where none is saved."""
    congresses = Congress.objects.exclude(status__in=CLOSED_CONGRESS)
    if congress_ids is not None:
        congresses = congresses.filter(pk__in=congress_ids)
    ids = list(congresses.values_list("pk", flat=True))
    saved = {policy.congress_id: policy for policy in ReminderPolicy.objects.filter(congress_id__in=ids)}
    return {pk: saved.get(pk) or ReminderPolicy(congress_id=pk) for pk in ids}


def _groups(now, congress_ids):
    """Congresses whose digest hour has come, grouped by identical policy: [(policy, day plan, ids)]."""
    local = timezone.localtime(now)
    by_rules = defaultdict(list)
    for congress_id, policy in policies(congress_ids).items():
        if local.time() >= policy.digest_time:
            by_rules[tuple(getattr(policy, name) for name in POLICY_FIELDS)].append((congress_id, policy))
    groups = []
    for members in by_rules.values():
        policy = members[0][1]
        plan = day_plan(policy, local.date())
        if plan:
            groups.append((policy, plan, [congress_id for congress_id, _ in members]))
    return groups


class Collector:
    """Builds reminder rows; flushes them to the database every BATCH rows, or keeps them."""

    def __init__(self, *, save):
        self.save = save
        self.rows = []
        self.kept = {}
        self.count = 0

    def add(self, **fields):
        row = ScheduledReminder(**fields)
        if self.save:
            self.rows.append(row)
            if len(self.rows) >= BATCH:
                self.flush()
        else:
            key = (row.task_id, row.meeting_id, row.source, row.source_key, row.person_id, row.kind)
            self.kept.setdefault(key, row)

    def flush(self):
        if self.rows:
            ScheduledReminder.objects.bulk_create(self.rows, batch_size=BATCH, ignore_conflicts=True)
            self.count += len(self.rows)
            self.rows = []


def plan_day(now):
    """Write the reminders due today for every congress whose digest hour has come; returns
    how many rows were offered (existing ones are left as they are)."""
    forget_stale(now)
    collector = Collector(save=True)
    _plan(now, collector, congress_ids=None)
    collector.flush()
    return collector.count


def preview_day(now, *, congress_ids=None):
    """The reminders plan_day(now) would write, unsaved."""
    collector = Collector(save=False)
    _plan(now, collector, congress_ids=congress_ids)
    return list(collector.kept.values())


def forget_stale(now):
    """Re-plan what is still pending: a reminder not yet mailed whose task has closed, whose
    deadline moved or whose meeting moved is deleted; the planner adds what now applies."""
    pending = ScheduledReminder.objects.pending()
    pending.filter(task__isnull=False).filter(
        Q(task__status__in=CLOSED_TASK) | Q(task__due_date__isnull=True) | ~Q(deadline=F("task__due_date"))
    ).delete()
    moved = [
        reminder.pk
        for reminder in pending.filter(meeting__isnull=False).select_related("meeting").only("deadline", "meeting")
        if not reminder.meeting.starts_at or timezone.localdate(reminder.meeting.starts_at) != reminder.deadline
    ]
    if moved:
        ScheduledReminder.objects.filter(pk__in=moved, status=ScheduledReminder.Status.PENDING).delete()


def _plan(now, collector, *, congress_ids):
    groups = _groups(now, congress_ids)
    if not groups:
        return
    directory = RoleHolders([pk for _, _, ids in groups for pk in ids])
    for policy, plan, ids in groups:
        today = plan.today
        due_at = timezone.make_aware(datetime.datetime.combine(today, policy.digest_time))
        common = {
            "remind_on": today,
            "due_at": due_at,
            "not_after": due_at + datetime.timedelta(hours=policy.grace_hours),
        }
        _plan_tasks(collector, directory, policy, plan, ids, common)
        _plan_meetings(collector, directory, plan, ids, now, common)
        _plan_items(collector, plan, ids, common)


def _plan_tasks(collector, directory, policy, plan, congress_ids, common):
    if not plan.deadlines:
        return
    rows = list(
        Task.objects.open()
        .filter(congress_id__in=congress_ids, due_date__in=list(plan.deadlines))
        .exclude(Exists(Task.objects.filter(parent=OuterRef("pk"))))  # a parent reminds through its sub-items
        .order_by("pk")
        .values_list("pk", "congress_id", "parent_id", "due_date")
    )
    for batch in batched(rows, BATCH):
        people = TaskPeople(
            directory,
            [(pk, congress, parent) for pk, congress, parent, _ in batch],
            coordinating=policy.remind_coordinating,
        )
        for task_id, congress_id, _, due_date in batch:
            for trigger in plan.triggers(due_date):
                recipients = people.escalation(task_id) if trigger.kind == "escalation" else people.regular(task_id)
                for person_id in recipients:
                    collector.add(
                        congress_id=congress_id,
                        person_id=person_id,
                        kind=trigger.kind,
                        deadline=due_date,
                        task_id=task_id,
                        **common,
                    )


def _plan_meetings(collector, directory, plan, congress_ids, now, common):
    if not plan.meeting_days:
        return
    meetings = list(
        Meeting.objects.filter(congress_id__in=congress_ids, starts_at__gt=now, starts_at__date__in=plan.meeting_days)
        .only("pk", "congress_id", "subcommittee_id", "chair_id", "starts_at")
        .order_by("pk")
    )
    for batch in batched(meetings, BATCH):
        people_of = meeting_people(directory, batch)
        for meeting in batch:
            for person_id in people_of[meeting.pk]:
                collector.add(
                    congress_id=meeting.congress_id,
                    person_id=person_id,
                    kind="meeting",
                    deadline=timezone.localdate(meeting.starts_at),
                    meeting_id=meeting.pk,
                    **common,
                )


def _plan_items(collector, plan, congress_ids, common):
    for source, item in registry.collect(congress_ids=set(congress_ids), due_dates=set(plan.deadlines)):
        for trigger in plan.triggers(item.due_date, escalate=False):
            for person_id in set(item.recipients):
                collector.add(
                    congress_id=item.congress_id,
                    person_id=person_id,
                    kind=trigger.kind,
                    deadline=item.due_date,
                    source=source,
                    source_key=item.key,
                    title=item.title[:300],
                    link=item.link[:500],
                    phrase=item.phrase[:120],
                    **common,
                )
