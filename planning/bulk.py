"""Changing many tasks at once from the schedule or My work: a status, the person assigned, or the deadline
moved by a number of days. `plan_changes` works out what each task would become (nothing is written) so the
user confirms a list; `apply_changes` writes it in one transaction with a history entry per task."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import deadlines
from .models import Task, TaskEvent

STATUS, ASSIGN, MOVE = "status", "assign", "move"
DATED = (deadlines.Kind.ON_DAY, deadlines.Kind.BEFORE_DAY, deadlines.Kind.BY_DAY)


@dataclass
class Change:
    task: Task
    changes: dict  # {field: [before, after]} as the task history records it
    status: str = ""
    completed_on: datetime.date | None = None
    deadline: str = ""
    person: object = None


def plan_changes(tasks, *, action, status=None, person=None, days=None, today):
    """Each task's change, or None when the action leaves it as it is (already in that status, already
    assigned to that person only, a deadline that is not a day)."""
    return [_change(task, action, status, person, days, today) for task in tasks]


def _change(task, action, status, person, days, today):
    if action == STATUS:
        if task.status == status:
            return None
        completed_on = (task.completed_on or today) if status == Task.Status.DONE else None
        changes = {"status": [task.status, status]}
        if completed_on != task.completed_on:
            changes["completed_on"] = [_day(task.completed_on), _day(completed_on)]
        return Change(task, changes, status=status, completed_on=completed_on)
    if action == ASSIGN:
        assignees = list(task.assignees.all())
        if [assignee.pk for assignee in assignees] == [person.pk]:
            return None
        before = "; ".join(sorted(assignee.full_name for assignee in assignees))
        return Change(task, {"assignees": [before, person.full_name]}, person=person)
    if task.deadline_kind not in DATED:
        return None
    moved = deadlines.shifted(task.deadline(), days=days, months=0)
    return Change(task, {"deadline": [task.deadline_phrase, moved.phrase]}, deadline=moved.phrase)


def _day(day):
    return day.strftime("%d/%m/%Y") if day else ""


@transaction.atomic
def apply_changes(changes, *, action, by):
    """Write the planned changes: the tasks' fields, their assignees, a new version each (an edit form open
    on one of them then reports the conflict), a parent's date when a sub-item moved, and the history."""
    changes = [change for change in changes if change is not None]
    if not changes:
        return 0
    tasks = [change.task for change in changes]
    now = timezone.now()
    for change in changes:
        task = change.task
        task.updated_at = now
        if action == STATUS:
            task.status, task.completed_on = change.status, change.completed_on
        elif action == MOVE:
            task.set_deadline(change.deadline)
            task.refresh_dates()
    fields = {STATUS: ["status", "completed_on"], MOVE: ["deadline_phrase", "deadline_day", "due_date", "group_month"]}
    Task.objects.bulk_update(tasks, [*fields.get(action, []), "updated_at"])
    Task.objects.filter(pk__in=[task.pk for task in tasks]).update(version=F("version") + 1)
    if action == ASSIGN:
        _assign(changes)
    if action == MOVE:
        _refresh_parents(tasks)
    TaskEvent.objects.bulk_create(
        TaskEvent(task=change.task, actor=by, kind=TaskEvent.Kind.CHANGED, changes=change.changes) for change in changes
    )
    return len(changes)


def _assign(changes):
    Assignee = Task.assignees.through
    Assignee.objects.filter(task__in=[change.task for change in changes]).delete()
    Assignee.objects.bulk_create(Assignee(task=change.task, person=change.person) for change in changes)


def _refresh_parents(tasks):
    """A parent without its own deadline takes its latest sub-item's date."""
    moved = {task.pk for task in tasks}
    parents = Task.objects.filter(pk__in={task.parent_id for task in tasks if task.parent_id}, deadline_kind="")
    for parent in parents.exclude(pk__in=moved):
        parent.refresh_dates()
        parent.save(update_fields=["due_date", "group_month"])
