"""The day's reminders: which person is reminded of which registered deadline or meeting.

Apps hand their deadlines in through `registry` (planning its tasks and meetings, awards its
rounds); the planner knows none of them.

`plan_day(now)` writes them as ScheduledReminder rows. Rows are unique per (thing, person,
kind, day) by database constraints and inserted with ON CONFLICT DO NOTHING, so any number of
jobs may plan the same day at the same time and each reminder still exists once. A congress
plans once its digest hour has come, and again on every run that day, which picks up tasks
added since (a person whose digest has gone already gets them the next time).

`preview_day(now)` gives the same reminders unsaved, for the dry run.
"""

import datetime
from collections import defaultdict

from django.utils import timezone

from congress.models import Congress

from . import registry
from .models import ReminderPolicy, ScheduledReminder
from .policy import day_plan

BATCH = 2000
STALE_BATCH = 500  # keys asked of a source at once (SQLite takes at most 999 parameters)
CLOSED_CONGRESS = [Congress.Status.HELD, Congress.Status.CLOSED, Congress.Status.CANCELLED]
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
            key = (row.source, row.source_key, row.person_id, row.kind)
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
    """Re-plan what is still pending: a reminder not yet mailed whose item is gone, closed or
    moved (as its source's `current` tells) is deleted; the planner adds what now applies."""
    for source, current in registry.current_deadlines().items():
        pending = ScheduledReminder.objects.pending().filter(source=source)
        rows = list(pending.order_by("source_key").values_list("pk", "source_key", "deadline"))
        for batch in batched(rows, STALE_BATCH):
            deadlines = current({key for _, key, _ in batch})
            stale = [pk for pk, key, deadline in batch if deadlines.get(key) != deadline]
            if stale:
                ScheduledReminder.objects.filter(pk__in=stale, status=ScheduledReminder.Status.PENDING).delete()


def _plan(now, collector, *, congress_ids):
    groups = _groups(now, congress_ids)
    if not groups:
        return
    for policy, plan, ids in groups:
        today = plan.today
        due_at = timezone.make_aware(datetime.datetime.combine(today, policy.digest_time))
        common = {
            "remind_on": today,
            "due_at": due_at,
            "not_after": due_at + datetime.timedelta(hours=policy.grace_hours),
        }
        _plan_items(collector, policy, plan, ids, common)
        if policy.remind_meetings:
            _plan_meetings(collector, plan, ids, now, common)


def _fields(source, item):
    details = dict(item.details)
    if item.category:
        details["category"] = item.category
    return {
        "congress_id": item.congress_id,
        "deadline": item.due_date,
        "source": source,
        "source_key": item.key,
        "title": item.title[:300],
        "link": item.link[:500],
        "phrase": item.phrase[:120],
        "details": details,
    }


def _plan_items(collector, policy, plan, congress_ids, common):
    if not plan.deadlines:
        return
    for source, item in registry.collect(congress_ids=set(congress_ids), due_dates=set(plan.deadlines)):
        regular = set(item.recipients) | (set(item.coordinating) if policy.remind_coordinating else set())
        for trigger in plan.triggers(item.due_date, escalate=bool(item.escalate_to)):
            people = set(item.escalate_to) if trigger.kind == "escalation" else regular
            for person_id in sorted(people):
                collector.add(person_id=person_id, kind=trigger.kind, **_fields(source, item), **common)


def _plan_meetings(collector, plan, congress_ids, now, common):
    if not plan.meeting_days:
        return
    found = registry.collect(congress_ids=set(congress_ids), due_dates=set(plan.meeting_days), meetings=True)
    for source, item in found:
        for person_id in sorted(set(item.recipients)):
            collector.add(person_id=person_id, kind="meeting", **_fields(source, item), **common)
