"""A private calendar address per person: deadlines, meetings and congress sessions as iCal,
for phones and Outlook. The address carries a secret token and needs no login, because
calendar apps cannot log in; a new token revokes the old address."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from congress.models import Congress, CongressRole, CongressSession, Person
from documents.vietnamese import short_date

from ..models import CalendarFeed, Meeting, TaskParty
from ..selectors import tasks_for

ACTIONS = ("create", "renew", "revoke")
CONFIRMED_ACTIONS = ("renew", "revoke")
SUMMARY_LENGTH = 120


@login_required
def calendar_link(request):
    person = Person.objects.active().filter(user=request.user).first()
    if person is None:
        return render(request, "planning/calendar.html", {"person": None})
    action = request.POST.get("action") if request.method == "POST" else None
    if action in ACTIONS:
        _apply(request, person, action)
        return redirect("planning:calendar")
    feed = CalendarFeed.objects.filter(person=person).first()
    confirm = request.GET.get("confirm")
    if feed and confirm in CONFIRMED_ACTIONS:
        return render(request, "planning/calendar_confirm.html", {"feed": feed, "action": confirm})
    return render(request, "planning/calendar.html", {"person": person, "feed": feed, **_addresses(request, feed)})


def _apply(request, person, action):
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()  # one change at a time, even on a double click
        has_feed = CalendarFeed.objects.filter(person=person).exists()
        if action == "revoke":
            CalendarFeed.objects.filter(person=person).delete()
            messages.success(request, _("The calendar address was revoked; it no longer works anywhere."))
        elif action == "renew" or not has_feed:
            CalendarFeed.objects.renew(person)
            messages.success(request, _("Your new calendar address is ready. Subscribe to it in your calendar app."))


def _addresses(request, feed):
    if feed is None:
        return {}
    url = request.build_absolute_uri(feed.get_absolute_url())
    return {"feed_url": url, "webcal_url": "webcal://" + url.split("://", 1)[1]}


@login_not_required
@require_safe
def calendar_feed(request, token):
    feed = get_object_or_404(CalendarFeed.objects.select_related("person__user"), token=token)
    person = feed.person
    if not person.is_active or person.user is None or not person.user.is_active:
        raise Http404
    with translation.override("vi"):
        body = render_calendar(person, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-viec.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def render_calendar(person, *, base_url):
    """The person's calendar as iCal bytes, in the active language.

    1. Deadlines of their open tasks, as all-day events.
    2. Meetings they attend, chair or whose body they sit on, in congresses where they have a role.
    3. The fixed sessions of those congresses.
    Timed events carry the time zone by name, and the calendar its VTIMEZONE.
    """
    user = person.user
    zone = ZoneInfo(settings.TIME_ZONE)
    stamp = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Emulation congresses//Calendar feed//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Work calendar: %(name)s") % {"name": person.full_name})
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    link = _linker(base_url)
    host = urlsplit(base_url).hostname
    congress_ids = _congress_ids(user)
    for task in _tasks(user, congress_ids):
        calendar.add_component(_task_event(task, link, host, stamp))
    for meeting in _meetings(person, congress_ids):
        calendar.add_component(_meeting_event(meeting, link, host, stamp, zone))
    for session in _sessions(congress_ids):
        calendar.add_component(_session_event(session, link, host, stamp, zone))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _linker(base_url):
    root = base_url.rstrip("/")
    return lambda name, *args: root + reverse(name, args=args)


def _congress_ids(user):
    """Congresses where the user has a role and that still go ahead."""
    return (
        CongressRole.objects.filter(user=user).exclude(congress__status=Congress.Status.CANCELLED).values("congress_id")
    )


def _tasks(user, congress_ids):
    parties = TaskParty.objects.select_related("organization", "subcommittee")
    return (
        tasks_for(user)
        .open()
        .filter(due_date__isnull=False, congress_id__in=congress_ids)
        .select_related("congress", "parent")
        .prefetch_related(Prefetch("parties", queryset=parties))
        .order_by("due_date", "pk")
    )


def _meetings(person, congress_ids):
    attends = (
        Q(participants=person)
        | Q(chair=person)
        | Q(subcommittee__isnull=True, congress__board__members__person=person)
        | Q(subcommittee__members__person=person)
    )
    return (
        Meeting.objects.filter(pk__in=Meeting.objects.filter(attends).values("pk"))
        .filter(congress_id__in=congress_ids, starts_at__isnull=False)
        .select_related("congress")
        .prefetch_related("agenda")
        .order_by("starts_at", "pk")
    )


def _sessions(congress_ids):
    return (
        CongressSession.objects.filter(
            congress_id__in=congress_ids, timing=CongressSession.Timing.EXACT, starts_at__isnull=False
        )
        .select_related("congress")
        .order_by("starts_at", "pk")
    )


def _event(uid, summary, stamp):
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    return event


def _task_event(task, link, host, stamp):
    title = task.first_line() or _("Task %(number)s") % {"number": task.number}
    event = _event(f"task-{task.pk}@{host}", _("Due: %(task)s") % {"task": _shorten(title)}, stamp)
    event.add("dtstart", task.due_date)
    event.add("dtend", task.due_date + datetime.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    url = link("planning:task_detail", task.congress_id, task.pk)
    lines = [_("Deadline: %(deadline)s") % {"deadline": task.deadline_phrase or short_date(task.due_date)}]
    for role, label in TaskParty.Role.choices:
        names = [party.label for party in task.parties.all() if party.role == role]
        if names:
            lines.append(f"{label}: {'; '.join(names)}")
    lines += [task.congress.name, url]
    event.add("description", "\n".join(lines))
    event.add("url", url)
    return event


def _meeting_event(meeting, link, host, stamp, zone):
    event = _event(f"meeting-{meeting.pk}@{host}", meeting.title, stamp)
    event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
    if meeting.place:
        event.add("location", meeting.place)
    url = link("planning:meeting_detail", meeting.congress_id, meeting.pk)
    event.add("description", "\n".join([*_agenda_lines(meeting), meeting.congress.name, url]))
    event.add("url", url)
    return event


def _agenda_lines(meeting):
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


def _session_event(session, link, host, stamp, zone):
    summary = f"{session.congress.name} - {session.name}"
    event = _event(f"session-{session.pk}@{host}", summary, stamp)
    event.add("dtstart", timezone.localtime(session.starts_at, zone))
    if session.ends_at:
        event.add("dtend", timezone.localtime(session.ends_at, zone))
    if session.place:
        event.add("location", session.place)
    url = link("congress:sessions", session.congress_id)
    event.add("description", "\n".join(line for line in (session.notes, url) if line))
    event.add("url", url)
    return event


def _shorten(text):
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1].rstrip() + "…"
