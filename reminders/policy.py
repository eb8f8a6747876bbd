"""A congress's reminder policy, turned around: given a day, which deadlines remind on it.

Planning one day then needs one query per batch of tasks (`due_date IN (…)`), whatever the
number of tasks: the policy decides the dates, the database finds the tasks.

Reminders that would fall on a day off move: those before a deadline to the working day
before, those after it (overdue, escalation) to the working day after. Several reminders of
one deadline that land on the same day are one reminder.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import workdays

DAY = datetime.timedelta(days=1)
MAX_DAYS_BEFORE = 60


def parse_days_before(text):
    """ "7, 3, 1" → [7, 3, 1]; ValidationError for anything else."""
    parts = [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]
    if not all(part.isdigit() and 0 < int(part) <= MAX_DAYS_BEFORE for part in parts):
        raise ValidationError(
            _("Write whole numbers of days from 1 to %(max)s, separated by commas, for example “7, 3, 1”."),
            params={"max": MAX_DAYS_BEFORE},
        )
    return sorted({int(part) for part in parts}, reverse=True)


@dataclass(frozen=True)
class Trigger:
    kind: str  # a ScheduledReminder.Kind
    days: int  # days left before the deadline, or days past it


@dataclass
class DayPlan:
    """What one policy reminds of on one day: deadlines (date → triggers) and meeting days."""

    today: datetime.date
    deadlines: dict = field(default_factory=dict)
    meeting_days: set = field(default_factory=set)

    def triggers(self, due_date, *, escalate=True):
        found = self.deadlines.get(due_date, ())
        return [trigger for trigger in found if escalate or trigger.kind != "escalation"]

    def __bool__(self):
        return bool(self.deadlines or self.meeting_days)


def day_plan(policy, today):
    """The DayPlan of `policy` (a ReminderPolicy, saved or not) on `today`."""
    plan = DayPlan(today)
    if not policy.is_active or (policy.working_days_only and not workdays.is_working_day(today)):
        return plan
    ahead = [today, *workdays.days_off_after(today)] if policy.working_days_only else [today]
    behind = [today, *workdays.days_off_before(today)] if policy.working_days_only else [today]
    for offset in policy.offsets():
        for day in ahead:
            due = day + offset * DAY
            kind = "due" if due == today else "upcoming"
            plan.deadlines[due] = [Trigger(kind, (due - today).days)]
    for due, trigger in _after_deadline(policy, today, behind):
        plan.deadlines.setdefault(due, []).append(trigger)
    if policy.remind_meetings:
        plan.meeting_days = {day + DAY for day in ahead}
    return plan


def _after_deadline(policy, today, behind):
    """(deadline, trigger) for overdue reminders and escalations whose day falls on `today`."""
    window = policy.overdue_for_days
    found = {}
    for day in behind:
        if policy.overdue_every_days:
            late = policy.overdue_every_days
            while late <= window:
                found[(day - late * DAY, "overdue")] = None
                late += policy.overdue_every_days
        if policy.escalate_after_days:
            late = policy.escalate_after_days
            while late <= max(window, policy.escalate_after_days):
                found[(day - late * DAY, "escalation")] = None
                if not policy.overdue_every_days:
                    break
                late += policy.overdue_every_days
    return [(due, Trigger(kind, (today - due).days)) for due, kind in found]
