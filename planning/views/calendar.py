"""A private calendar address per person: deadlines, meetings and congress sessions as iCal,
for phones and Outlook. The address carries a secret token and needs no login, because
calendar apps cannot log in; a new token revokes the old address."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, login_required
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from congress.models import Congress, CongressRole, CongressSession, Person
from reminders import ical

from ..calendar_events import linker, meeting_event, session_event, task_event
from ..models import CalendarFeed, Meeting, TaskParty
from ..selectors import tasks_for

ACTIONS = ("create", "renew", "revoke")
CONFIRMED_ACTIONS = ("renew", "revoke")


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
    calendar = ical.new_calendar(
        "Calendar feed",
        calscale="GREGORIAN",
        method="PUBLISH",
        x_wr_calname=_("Work calendar: %(name)s") % {"name": person.full_name},
        x_wr_timezone=settings.TIME_ZONE,
        refresh_interval=(datetime.timedelta(hours=1), {"VALUE": "DURATION"}),
        x_published_ttl="PT1H",
    )
    link = linker(base_url)
    congress_ids = _congress_ids(person.user)
    events = [
        *(task_event(task, link) for task in _tasks(person.user, congress_ids)),
        *(meeting_event(meeting, link) for meeting in _meetings(person, congress_ids)),
        *(session_event(session, link) for session in _sessions(congress_ids)),
    ]
    return ical.to_ical(calendar, events, base_url=base_url)


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
