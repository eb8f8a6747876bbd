"""Planning's tasks and meetings, handed to the reminder planner through reminders.registry,
exactly as awards hands in its rounds.

- "planning.task": the deadlines of open tasks without sub-items (a parent reminds through its
  sub-items), for their assignees, lead focal points and sub-committee heads; the coordinating
  focal points when the congress's policy says so; escalations to the lead organisations' heads
  and the board's standing deputy.
- "planning.meeting": the meetings held on the asked days, for their participants, chair and
  the members of the body that meets.

Each item keeps its number on the reminder row; when a digest is rendered, `describe_tasks` and
`describe_meetings` give what it shows as it is then (lead, status; place, time, agenda) and the
calendar event, built by the same code as the calendar feed.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from congress.links import RowLink
from documents.emphasis import plain
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
    task_link = RowLink("planning:task_detail", 2)
    for start in range(0, len(ids), BATCH):
        rows = list(
            Task.objects.filter(pk__in=ids[start : start + BATCH])
            .select_related("parent")
            .only(
                "pk",
                "congress_id",
                "number",
                "content",
                "due_date",
                "deadline_phrase",
                "parent_id",
                "parent__number",
                "parent__content",
                "parent__parent_id",
            )
            .order_by("pk")
        )
        people = TaskPeople(directory, [(task.pk, task.congress_id, task.parent_id) for task in rows])
        for task in rows:
            yield _task_item(task, people, task_link)


def _number(task):
    return f"{task.parent.number}.{task.number}" if task.parent_id else str(task.number)


def _untitled(number):
    with translation.override("vi"):
        return _("Task %(number)s") % {"number": number}


def _task_item(task, people, task_link):
    number = _number(task)
    return registry.DeadlineItem(
        key=task_key(task.pk),
        congress_id=task.congress_id,
        due_date=task.due_date,
        recipients=tuple(people.regular(task.pk)),
        coordinating=tuple(people.coordinating(task.pk)),
        escalate_to=tuple(people.escalation(task.pk)),
        title=plain(task.first_line()) or _untitled(number),
        link=task_link(task.congress_id, task.pk),
        phrase=task.deadline_phrase or short_date(task.due_date),
        category="task",
        details={"number": number},
    )


def describe_tasks(keys):
    """{key: what the digest shows of the task now, and its calendar event}."""
    ids = {pk for pk in (_pk(key, "task") for key in keys) if pk}
    tasks = (
        Task.objects.filter(pk__in=ids)
        .select_related("congress", "parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"))
    )
    link = linker(settings.SITE_URL)
    found = {}
    with translation.override("vi"):
        for task in tasks:
            decorate(task, today=task.due_date)
            leads = task.leads or (decorate(task.parent, today=task.due_date).leads if task.parent_id else [])
            found[task_key(task.pk)] = {
                "number": _number(task),
                "lead": "; ".join(leads),
                "status": task.get_status_display(),
                "event": task_event(task, link) if task.due_date else None,
            }
    return found


def current_task_deadlines(keys):
    ids = {pk for pk in (_pk(key, "task") for key in keys) if pk}
    found = _remindable_tasks().filter(pk__in=ids, due_date__isnull=False).values_list("pk", "due_date")
    return {task_key(pk): due_date for pk, due_date in found}


def meetings_held(*, congress_ids, due_dates):
    meetings = list(
        Meeting.objects.filter(congress_id__in=congress_ids, starts_at__date__in=due_dates)
        .only("pk", "congress_id", "subcommittee_id", "chair_id", "starts_at", "title")
        .order_by("pk")
    )
    if not meetings:
        return
    directory = RoleHolders(congress_ids)
    for start in range(0, len(meetings), BATCH):
        batch = meetings[start : start + BATCH]
        people_of = meeting_people(directory, batch)
        for meeting in batch:
            day = timezone.localdate(meeting.starts_at)
            yield registry.DeadlineItem(
                key=meeting_key(meeting.pk),
                congress_id=meeting.congress_id,
                due_date=day,
                recipients=tuple(people_of[meeting.pk]),
                title=meeting.plain_title,
                link=reverse("planning:meeting_detail", args=[meeting.congress_id, meeting.pk]),
                phrase=short_date(day),
                category="meeting",
            )


def describe_meetings(keys):
    """{key: the meeting's time, place and agenda now, and its calendar event}."""
    ids = {pk for pk in (_pk(key, "meeting") for key in keys) if pk}
    meetings = Meeting.objects.filter(pk__in=ids, starts_at__isnull=False).select_related("congress")
    link = linker(settings.SITE_URL)
    found = {}
    for meeting in meetings.prefetch_related("agenda"):
        start = timezone.localtime(meeting.starts_at)
        items = sorted(meeting.agenda.all(), key=lambda item: (item.order, item.pk))
        found[meeting_key(meeting.pk)] = {
            "place": meeting.place,
            "time": f"{start:%H:%M} ngày {short_date(start.date())}",
            "agenda": [("+ " if item.parent_id else "- ") + item.text for item in items],
            "event": meeting_event(meeting, link),
        }
    return found


def current_meeting_days(keys):
    ids = {pk for pk in (_pk(key, "meeting") for key in keys) if pk}
    found = Meeting.objects.filter(pk__in=ids, starts_at__isnull=False).values_list("pk", "starts_at")
    return {meeting_key(pk): timezone.localdate(starts_at) for pk, starts_at in found}


def register():
    registry.register(TASKS, task_deadlines, current=current_task_deadlines, describe=describe_tasks)
    registry.register(MEETINGS, meetings_held, meetings=True, current=current_meeting_days, describe=describe_meetings)
