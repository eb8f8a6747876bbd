"""Changing tasks: saving with a version check, numbering, progress and history; a meeting's way into the schedule."""

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congress.models import Subcommittee

from . import deadlines
from .forms_meetings import agenda_text
from .imports.tables import PartyMatcher
from .models import Attachment, ProgressUpdate, Task, TaskEvent, TaskParty

# What the history records of a task, in the order it shows them.
TRACKED = {
    "number": _("Number (STT)"),
    "content": _("Content"),
    "deadline": _("Deadline"),
    "status": _("Status"),
    "completed_on": _("Completed on"),
    "lead": _("Lead"),
    "coordinating": _("Coordinating"),
    "assignees": _("Assignees"),
}


# The task's own fields that save_task stores as given; the deadline is read from its phrase.
TASK_FIELDS = ("number", "content", "deadline_session", "status", "completed_on")


class VersionConflict(Exception):
    """Someone saved the task after the user opened it."""

    def __init__(self, current):
        super().__init__(current.pk)
        self.current = current


def snapshot(task):
    """The task's tracked values as text, for the history and for showing a conflict."""
    parties = list(task.parties.all())
    return {
        "number": str(task.number),
        "content": task.content,
        "deadline": task.deadline_phrase,
        "status": task.status,
        "completed_on": task.completed_on.strftime("%d/%m/%Y") if task.completed_on else "",
        "lead": "; ".join(party.label for party in parties if party.role == "lead"),
        "coordinating": "; ".join(party.label for party in parties if party.role != "lead"),
        "assignees": "; ".join(sorted(person.full_name for person in task.assignees.all())),
    }


def differences(before, after):
    return {key: [before.get(key, ""), value] for key, value in after.items() if before.get(key, "") != value}


def fresh(task):
    """The task as saved now, with what snapshot() reads."""
    return Task.objects.prefetch_related("parties__organization", "parties__subcommittee", "assignees").get(pk=task.pk)


@transaction.atomic
def save_task(task, *, values, parties, by, expected_version=None):
    """Save a task from cleaned values and record what changed. Raises VersionConflict when the task was
    saved by someone else since `expected_version`.

    `values` holds `number`, `content`, `deadline` (the phrase), `deadline_session`, `status`,
    `completed_on` and `assignees`; `parties` is the task's parties in order, each a dict of `role`,
    `organization`, `subcommittee` and `phrase`. Steps: claim the version; store the fields and the
    assignees; replace the parties; put the task at its number among its siblings; let a parent take its
    latest sub-item's date; record the change in the history.
    """
    creating = task.pk is None
    before = {} if creating else snapshot(fresh(task))
    if not creating:
        claimed = Task.objects.filter(pk=task.pk, version=expected_version).update(version=F("version") + 1)
        if not claimed:
            raise VersionConflict(fresh(task))
        task.version = expected_version + 1
    for name in TASK_FIELDS:
        setattr(task, name, values[name])
    task.set_deadline(values["deadline"])
    task.save()
    task.assignees.set(values["assignees"])
    task.parties.all().delete()
    for order, party in enumerate(parties, start=1):
        TaskParty.objects.create(task=task, order=order, **party)
    place(task, values["number"])
    if task.parent_id:
        task.parent.save(update_fields=["due_date", "group_month", "updated_at"])
    after = snapshot(fresh(task))
    changes = after if creating else differences(before, after)
    if changes:
        TaskEvent.objects.create(
            task=task, actor=by, kind=TaskEvent.Kind.CREATED if creating else TaskEvent.Kind.CHANGED, changes=changes
        )
    return task


def siblings(task):
    return Task.objects.filter(congress_id=task.congress_id, parent_id=task.parent_id)


def place(task, number):
    """Put the task at position `number` among its siblings and number them 1, 2, 3… again."""
    others = list(siblings(task).exclude(pk=task.pk).order_by("number", "pk"))
    position = max(0, min(number - 1, len(others)))
    ordered = others[:position] + [task] + others[position:]
    renumber(ordered)


def renumber(ordered):
    changed = []
    for number, item in enumerate(ordered, start=1):
        if item.number != number:
            item.number = number
            changed.append(item)
    Task.objects.bulk_update(changed, ["number"])


@transaction.atomic
def delete_task(task, *, by):
    parent = task.parent
    remaining = list(siblings(task).exclude(pk=task.pk).order_by("number", "pk"))
    task.delete()
    renumber(remaining)
    if parent:
        parent.save(update_fields=["due_date", "group_month", "updated_at"])


@transaction.atomic
def post_progress(task, *, by, text, new_status="", files=()):
    """Record a progress update with its files; a status change moves the task and the history."""
    update = ProgressUpdate.objects.create(task=task, author=by, text=text, new_status=new_status)
    for upload in files:
        Attachment.objects.create(
            update=update, file=upload, name=upload.name[:255], size=upload.size, content_type=upload.content_type
        )
    changes = {"progress": text}
    if new_status and new_status != task.status:
        old_status = task.status
        task.status = new_status
        task.completed_on = timezone.localdate() if new_status == Task.Status.DONE else None
        Task.objects.filter(pk=task.pk).update(
            status=task.status, completed_on=task.completed_on, version=F("version") + 1, updated_at=timezone.now()
        )
        task.version += 1
        changes["status"] = [old_status, task.status]
    if files:
        changes["files"] = [upload.name for upload in files]
    TaskEvent.objects.create(task=task, actor=by, kind=TaskEvent.Kind.PROGRESS, changes=changes)
    return update


# A meeting's way into the schedule ------------------------------------------------------------------

# The lead party of a task that came from a meeting of the organising board.
BOARD_PHRASE = "Ban Tổ chức Đại hội"


def _next_task_number(congress):
    last = congress.tasks.top_level().aggregate(Max("number"))["number__max"]
    return (last or 0) + 1


def _add_lead(task, subcommittee):
    if subcommittee is None:
        TaskParty.objects.create(task=task, role=TaskParty.Role.LEAD, phrase=BOARD_PHRASE)
    else:
        TaskParty.objects.create(task=task, role=TaskParty.Role.LEAD, subcommittee=subcommittee)


def _schedule_content(meeting):
    agenda = agenda_text(meeting.agenda.order_by("order", "pk"))
    return f"{meeting.title}:\n{agenda}" if agenda else meeting.title


def put_in_schedule(meeting, *, by):
    """Create the meeting's schedule task, or bring it in step with the meeting.

    1. A new task takes the next top-level number and the meeting's body as lead party.
    2. Its content is the title and the agenda in list text; its deadline the meeting day, when known
       (while the meeting has no day, a task keeps the deadline it has).
    3. The history records the new task as the task form would, or the fields that changed.
    """
    # Saving the meeting just now locked its row, so a second save of it waits here and finds this task.
    task = Task.objects.filter(meeting=meeting).first()
    if task is None:
        task = Task(congress=meeting.congress, meeting=meeting, number=_next_task_number(meeting.congress))
        _fill_from_meeting(task, meeting)
        task.save()
        _add_lead(task, meeting.subcommittee)
        TaskEvent.objects.create(task=task, actor=by, kind=TaskEvent.Kind.CREATED, changes=snapshot(fresh(task)))
        return task
    before = {"content": task.content, "deadline": task.deadline_phrase}
    _fill_from_meeting(task, meeting)
    after = {"content": task.content, "deadline": task.deadline_phrase}
    changes = {name: [before[name], after[name]] for name in before if before[name] != after[name]}
    if changes:
        task.version += 1
        task.save()
        TaskEvent.objects.create(task=task, actor=by, kind=TaskEvent.Kind.CHANGED, changes=changes)
    return task


def _fill_from_meeting(task, meeting):
    task.content = _schedule_content(meeting)
    if meeting.starts_at is not None:
        day = timezone.localdate(meeting.starts_at)
        task.set_deadline(deadlines.phrase_for(deadlines.Kind.ON_DAY, day=day))


def task_from_conclusion(conclusion, *, by):
    """Turn a conclusion into a new top-level task. The deadline written in its text ("hoàn thành trước ngày
    18/12/2026") becomes the task's; the first body it names leads and the others coordinate; a text that
    names no known body is led by the meeting's body."""
    meeting = conclusion.meeting
    congress = meeting.congress
    task = Task(congress=congress, number=_next_task_number(congress), content=conclusion.text)
    found = deadlines.find_deadline(conclusion.text)
    if found is not None:
        task.set_deadline(found.phrase)
    task.save()
    named = PartyMatcher.for_congress(congress).names_in(conclusion.text)
    if not named:
        _add_lead(task, meeting.subcommittee)
    for order, target in enumerate(named, start=1):
        role = TaskParty.Role.LEAD if order == 1 else TaskParty.Role.COORDINATING
        body = {"subcommittee": target} if isinstance(target, Subcommittee) else {"organization": target}
        TaskParty.objects.create(task=task, role=role, order=order, **body)
    conclusion.task = task
    conclusion.save(update_fields=["task"])
    changes = {"source": "meeting conclusion"}
    if found is not None:
        changes["deadline"] = task.deadline_phrase
    TaskEvent.objects.create(task=task, actor=by, kind=TaskEvent.Kind.CREATED, changes=changes)
    return task
