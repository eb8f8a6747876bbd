"""Planning's tasks, meetings and congress sessions as calendar events (reminders.ical), for
the calendar feed and for the reminder digests' .ics, which must show the same events."""

from django.urls import reverse
from django.utils.translation import gettext as _

from documents.emphasis import plain
from documents.vietnamese import short_date
from reminders.ical import CalendarEvent, shorten

from .models import TaskParty


def linker(base_url):
    """link(url name, *args) → an absolute address under `base_url`."""
    root = base_url.rstrip("/")
    return lambda name, *args: root + reverse(name, args=args)


def task_event(task, link):
    """A task's deadline as an all-day event; `task` comes with its congress and parties."""
    title = plain(task.first_line()) or _("Task %(number)s") % {"number": task.number}
    url = link("planning:task_detail", task.congress_id, task.pk)
    lines = [_("Deadline: %(deadline)s") % {"deadline": task.deadline_phrase or short_date(task.due_date)}]
    for role, label in TaskParty.Role.choices:
        names = [party.label for party in task.parties.all() if party.role == role]
        if names:
            lines.append(f"{label}: {'; '.join(names)}")
    lines += [task.congress.name, url]
    return CalendarEvent(
        uid=f"task-{task.pk}",
        summary=_("Due: %(task)s") % {"task": shorten(title)},
        start=task.due_date,
        description="\n".join(lines),
        url=url,
        transparent=True,
    )


def agenda_lines(meeting):
    """The agenda in the list style: "- item", then "+ sub-item" under it."""
    items = sorted(meeting.agenda.all(), key=lambda item: (item.order, item.pk))
    children = {}
    for item in items:
        children.setdefault(item.parent_id, []).append(item)
    lines = []
    for item in children.get(None, []):
        lines.append(f"- {item.text}")
        lines += [f"+ {child.text}" for child in children.get(item.pk, [])]
    return lines


def meeting_event(meeting, link):
    """A meeting at its start time; `meeting` comes with its congress and agenda."""
    url = link("planning:meeting_detail", meeting.congress_id, meeting.pk)
    return CalendarEvent(
        uid=f"meeting-{meeting.pk}",
        summary=meeting.plain_title,
        start=meeting.starts_at,
        location=meeting.place,
        description="\n".join([*agenda_lines(meeting), meeting.congress.name, url]),
        url=url,
    )


def session_event(session, link):
    url = link("congress:sessions", session.congress_id)
    return CalendarEvent(
        uid=f"session-{session.pk}",
        summary=f"{session.congress.name} - {session.name}",
        start=session.starts_at,
        end=session.ends_at,
        location=session.place,
        description="\n".join(line for line in (session.notes, url) if line),
        url=url,
    )
