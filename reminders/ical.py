"""Calendar events as iCal, built in one place: the calendar feed (planning) and the digest's
.ics attachment (reminders) both describe their events as `CalendarEvent`s and turn them into
iCal here, so a deadline carries the same UID, summary and link wherever it comes from.

An event with a date (not a datetime) is an all-day event; timed events carry their time zone
by name and the calendar its VTIMEZONE.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

SUMMARY_LENGTH = 120


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # unique within the site, e.g. "task-12"; the host is added
    summary: str
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime | None = None  # an all-day event lasts its day
    location: str = ""
    description: str = ""
    url: str = ""
    transparent: bool = False  # shown as free time (a deadline, not an appointment)


def _is_date(value):
    return isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)


def shorten(text, length=SUMMARY_LENGTH):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def absolute(link, base_url=None):
    """A path made absolute against the site (or `base_url`); absolute URLs stay as they are."""
    if not link or urlsplit(link).scheme:
        return link
    return (base_url or settings.SITE_URL).rstrip("/") + link


def new_calendar(prodid, **properties):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//Emulation congresses//{prodid}//VI")
    calendar.add("version", "2.0")
    for name, value in properties.items():
        if isinstance(value, tuple):
            calendar.add(name.replace("_", "-"), value[0], parameters=value[1])
        else:
            calendar.add(name.replace("_", "-"), value)
    return calendar


def component(event, *, host, stamp):
    """The icalendar VEVENT of `event`."""
    zone = timezone.get_default_timezone()
    found = icalendar.Event()
    found.add("uid", f"{event.uid}@{host}")
    found.add("dtstamp", stamp)
    found.add("summary", event.summary)
    start = event.start if _is_date(event.start) else timezone.localtime(event.start, zone)
    found.add("dtstart", start)
    if event.end:
        found.add("dtend", event.end if _is_date(event.end) else timezone.localtime(event.end, zone))
    elif _is_date(event.start):
        found.add("dtend", event.start + datetime.timedelta(days=1))
    if event.transparent:
        found.add("transp", "TRANSPARENT")
    if event.location:
        found.add("location", event.location)
    if event.description:
        found.add("description", event.description)
    if event.url:
        found.add("url", event.url)
    return found


def to_ical(calendar, events, *, base_url):
    """Add `events` to `calendar` and return its iCal bytes."""
    host = urlsplit(base_url).hostname or "localhost"
    stamp = timezone.now()
    for event in events:
        calendar.add_component(component(event, host=host, stamp=stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()
