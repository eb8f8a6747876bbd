"""Planning's tasks and meetings, handed to the reminder planner through reminders.registry,
exactly as awards hands in its rounds.

- "planning.task": the deadlines of open tasks without sub-items (a parent reminds through its
  sub-items), for their assignees, lead focal points and sub-committee heads; the coordinating
  focal points when the congress's policy says so; escalations to the lead organisations' heads
  and the board's standing deputy.
- "planning.meeting": the meetings held on the asked days, for their participants, chair and
  the members of the body that meets.

Each item carries what the digest shows (number, lead, status; place, time, agenda) and its
calendar event, built by the same code as the calendar feed.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from documents.vietnamese import short_date
from reminders import registry

from .calendar_events import linker, meeting_event, task_event
from .models import Meeting, Task
from .reminder_recipients import RoleHolders, TaskPeople, meeting_people
from .selectors import decorate, party_prefetch

TASKS = "planning.task"
MEETINGS = "planning.meeting"
BATCH = 2000


def task_key(task_id):
    return f"task-{task_id}"


def meeting_key(meeting_id):
    return f"meeting-{meeting_id}"


def _pk(key, prefix):
    head, _, number = key.partition("-")
    return int(number) if head == prefix and number.isdigit() else None


def _remindable_tasks():
    return Task.objects.open().exclude(Exists(Task.objects.filter(parent=OuterRef("pk"))))


def task_deadlines(*, congress_ids, due_dates):
    ids = list(
        _remindable_tasks()
        .filter(congress_id__in=congress_ids, due_date__in=due_dates)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not ids:
        return
    directory = RoleHolders(congress_ids)
    link = linker(settings.SITE_URL)
    with translation.override("vi"):
        for start in range(0, len(ids), BATCH):
            tasks = list(
                Task.objects.filter(pk__in=ids[start : start + BATCH])
                .select_related("congress", "parent")
                .prefetch_related(party_prefetch(), party_prefetch("parent__"))
                .order_by("pk")
            )
            people = TaskPeople(directory, [(task.pk, task.congress_id, task.parent_id) for task in tasks])
            for task in tasks:
                yield _task_item(task, people, link)


def _task_item(task, people, link):
    decorate(task, today=task.due_date)
    leads = task.leads or (decorate(task.parent, today=task.due_date).leads if task.parent_id else [])
    number = f"{task.parent.number}.{task.number}" if task.parent_id else str(task.number)
    return registry.DeadlineItem(
        key=task_key(task.pk),
        congress_id=task.congress_id,
        due_date=task.due_date,
        recipients=tuple(sorted(people.regular(task.pk))),
        coordinating=tuple(sorted(people.coordinating(task.pk))),
        escalate_to=tuple(sorted(people.escalation(task.pk))),
        title=task.first_line() or _("Task %(number)s") % {"number": number},
        link=task.get_absolute_url(),
        phrase=task.deadline_phrase or short_date(task.due_date),
        category="task",
        details={
            "number": number,
            "lead": "; ".join(leads),
            "status": task.get_status_display(),
            "event": task_event(task, link).as_data(),
        },
    )


def current_task_deadlines(keys):
    ids = {pk for pk in (_pk(key, "task") for key in keys) if pk}
    found = _remindable_tasks().filter(pk__in=ids, due_date__isnull=False).values_list("pk", "due_date")
    return {task_key(pk): due_date for pk, due_date in found}


def meetings_held(*, congress_ids, due_dates):
    meetings = list(
        Meeting.objects.filter(congress_id__in=congress_ids, starts_at__date__in=due_dates)
        .select_related("congress")
        .prefetch_related("agenda")
        .order_by("pk")
    )
    if not meetings:
        return
    directory = RoleHolders(congress_ids)
    link = linker(settings.SITE_URL)
    with translation.override("vi"):
        for start in range(0, len(meetings), BATCH):
            batch = meetings[start : start + BATCH]
            people_of = meeting_people(directory, batch)
            for meeting in batch:
                yield _meeting_item(meeting, people_of[meeting.pk], link)


def _meeting_item(meeting, people, link):
    start = timezone.localtime(meeting.starts_at)
    items = sorted(meeting.agenda.all(), key=lambda item: (item.order, item.pk))
    return registry.DeadlineItem(
        key=meeting_key(meeting.pk),
        congress_id=meeting.congress_id,
        due_date=start.date(),
        recipients=tuple(sorted(people)),
        title=meeting.title,
        link=reverse("planning:meeting_detail", args=[meeting.congress_id, meeting.pk]),
        phrase=short_date(start.date()),
        category="meeting",
        details={
            "place": meeting.place,
            "time": f"{start:%H:%M} ngày {short_date(start.date())}",
            "agenda": [("+ " if item.parent_id else "- ") + item.text for item in items],
            "event": meeting_event(meeting, link).as_data(),
        },
    )


def current_meeting_days(keys):
    ids = {pk for pk in (_pk(key, "meeting") for key in keys) if pk}
    found = Meeting.objects.filter(pk__in=ids, starts_at__isnull=False).values_list("pk", "starts_at")
    return {meeting_key(pk): timezone.localdate(starts_at) for pk, starts_at in found}


def register():
    registry.register(TASKS, task_deadlines, current=current_task_deadlines)
    registry.register(MEETINGS, meetings_held, meetings=True, current=current_meeting_days)
