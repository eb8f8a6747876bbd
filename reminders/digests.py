"""One digest mail per person per day: who gets one, its subject, its bodies and its calendar.

`compose(now)` turns the due reminders into outbox mails, a batch of people at a time, each
batch in its own transaction: the reminders are locked with SKIP LOCKED, so jobs running at
the same moment share the work instead of doubling it, and sending is enqueued only once the
batch has committed. The subject is worked out at once; the bodies are rendered by the worker
that sends the mail (`render`), so queueing ten thousand digests stays cheap.

`message(mail)` is the one e-mail of an outbox mail: built once from the templates (or from
the bodies kept after its first attempt) with its address, Message-ID and .ics attachment.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.models import Congress, Person
from documents.vietnamese import short_date

from . import handover, ical, registry
from .models import OutboxMail, ReminderPreference, ScheduledReminder
from .planner import policies

PEOPLE_PER_BATCH = 500
Kind = ScheduledReminder.Kind
Status = ScheduledReminder.Status
KIND_ABBREVIATIONS = [("Thi đua yêu nước", "TĐYN"), ("điển hình tiên tiến", "ĐHTT"), ("thi đua, khen thưởng", "TĐKT")]


def short_name(congress):
    """The congress as a subject line names it: "Đại hội TĐYN tỉnh lần thứ VII"."""
    if congress.edition and congress.area_name:
        kind = Congress.KIND_TITLES.get(congress.kind, "")
        name = f"{kind} {congress.area_name.split()[0]} lần thứ {congress.edition_roman}"
    else:
        name = re.sub(r"\s*[-–,]\s*năm \d{4}$", "", congress.name)
    for long, short in KIND_ABBREVIATIONS:
        name = re.sub(re.escape(long), short, name, flags=re.IGNORECASE)
    return name


def subject_line(reminders, names, horizon):
    """ "[Đại hội TĐYN tỉnh lần thứ VII] 2 nhiệm vụ quá hạn, 3 nhiệm vụ đến hạn trong 7 ngày"."""
    tasks = [r for r in reminders if r.category == "task"]
    overdue = {(r.source, r.source_key) for r in tasks if r.kind in (Kind.OVERDUE, Kind.ESCALATION)}
    coming = {(r.source, r.source_key) for r in tasks if r.kind in (Kind.UPCOMING, Kind.DUE)}
    meetings = {(r.source, r.source_key) for r in reminders if r.category == "meeting"}
    others = {(r.source, r.source_key) for r in reminders if not r.category}
    with translation.override("vi"):
        parts = []
        if overdue:
            parts.append(ngettext("%(count)d overdue task", "%(count)d overdue tasks", len(overdue)))
            parts[-1] %= {"count": len(overdue)}
        if coming:
            text = ngettext(
                "%(count)d task due within %(days)d days", "%(count)d tasks due within %(days)d days", len(coming)
            )
            parts.append(text % {"count": len(coming), "days": horizon})
        if meetings:
            text = ngettext("%(count)d meeting coming", "%(count)d meetings coming", len(meetings))
            parts.append(text % {"count": len(meetings)})
        if others:
            text = ngettext("%(count)d other deadline", "%(count)d other deadlines", len(others))
            parts.append(text % {"count": len(others)})
    return f"[{'; '.join(names)}] {', '.join(parts)}"


@dataclass
class Digest:
    """Whom one person's digest of one day goes to, and what it holds (saved or not)."""

    person: Person
    day: datetime.date
    reminders: list
    subject: str = ""
    skipped: str = ""  # why no mail goes out, when none does
    congress_ids: list = field(default_factory=list)


class Composer:
    """Decides the digests of a batch of people; caches what batches share."""

    def __init__(self, day):
        self.day = day
        self.congresses = {}
        self.horizons = {}

    def learn(self, congress_ids):
        missing = set(congress_ids) - self.congresses.keys()
        if missing:
            self.congresses.update(Congress.objects.in_bulk(missing))
            for congress_id, policy in policies(missing).items():
                self.horizons[congress_id] = max(policy.offsets(), default=0)

    def digests(self, reminders, *, sent_today):
        """Group reminders per person into Digests; a person who opted out, has no address
        or has had today's digest gets a skipped one."""
        by_person = defaultdict(list)
        for reminder in reminders:
            by_person[reminder.person_id].append(reminder)
        people = Person.objects.in_bulk(by_person)
        opted_out = set(
            ReminderPreference.objects.filter(
                person_id__in=by_person, choice=ReminderPreference.Choice.NONE
            ).values_list("person_id", flat=True)
        )
        self.learn({reminder.congress_id for reminder in reminders})
        found = []
        for person_id, own in by_person.items():
            person = people[person_id]
            digest = Digest(person=person, day=self.day, reminders=own)
            if person_id in opted_out:
                digest.skipped = _("chose no e-mail")
            elif not person.email:
                digest.skipped = _("no e-mail address")
            elif person_id in sent_today:
                digest.skipped = _("the day's digest had gone already")
            else:
                self.fill(digest)
            found.append(digest)
        return found

    def fill(self, digest):
        congress_ids = sorted({reminder.congress_id for reminder in digest.reminders})
        names = [short_name(self.congresses[pk]) for pk in congress_ids]
        days_left = [r.days_left() for r in digest.reminders if r.kind in (Kind.UPCOMING, Kind.DUE)]
        horizon = max([self.horizons.get(pk, 0) for pk in congress_ids] + days_left)
        digest.subject = subject_line(digest.reminders, names, horizon)[:400]
        digest.congress_ids = congress_ids


def compose(now):
    """Turn every due pending reminder into digests; returns the ids of the mails queued."""
    missed = ScheduledReminder.objects.pending().filter(not_after__lt=now)
    missed.update(status=Status.MISSED, note=_("not mailed within its grace window"))
    due = ScheduledReminder.objects.pending().filter(due_at__lte=now)
    people = sorted(set(due.values_list("person_id", flat=True).order_by()))  # no sort by name in SQL
    queued = []
    for start in range(0, len(people), PEOPLE_PER_BATCH):
        queued += _compose_batch(now, people[start : start + PEOPLE_PER_BATCH])
    return queued


@transaction.atomic
def _compose_batch(now, person_ids):
    day = timezone.localdate(now)
    reminders = list(
        ScheduledReminder.objects.pending()
        .filter(person_id__in=person_ids, due_at__lte=now)
        .order_by("person_id", "pk")  # not the model's order by name, which sorts with a collation in SQL
        .select_for_update(skip_locked=True)
        .only(
            "pk",
            "person_id",
            "congress_id",
            "kind",
            "source",
            "source_key",
            "details",
            "deadline",
            "remind_on",
            "not_after",
        )
    )
    if not reminders:
        return []
    sent_today = set(
        OutboxMail.objects.filter(person_id__in=person_ids, digest_date=day, kind=OutboxMail.Kind.DIGEST).values_list(
            "person_id", flat=True
        )
    )
    digests = Composer(day).digests(reminders, sent_today=sent_today)
    mails = [
        OutboxMail(
            person=digest.person,
            to=digest.person.email,
            digest_date=day,
            subject=digest.subject,
            enqueued_at=now,
            next_attempt_at=now,
            not_after=min(reminder.not_after for reminder in digest.reminders),
        )
        for digest in digests
        if not digest.skipped
    ]
    OutboxMail.objects.bulk_create(mails)
    _link(now, day, digests, mails)
    for mail in mails:
        handover.send_on_commit(mail.pk)
    return [mail.pk for mail in mails]


def _link(now, day, digests, mails):
    """Point the reminders at their mails (one UPDATE), record the skipped ones and the congresses."""
    mailed = [r.pk for digest in digests if not digest.skipped for r in digest.reminders]
    mail_of_person = OutboxMail.objects.filter(
        person_id=OuterRef("person_id"), digest_date=day, kind=OutboxMail.Kind.DIGEST
    ).values("pk")[:1]
    ScheduledReminder.objects.filter(pk__in=mailed).update(status=Status.MAILED, mail=Subquery(mail_of_person))
    by_reason = defaultdict(list)
    for digest in digests:
        if digest.skipped:
            by_reason[digest.skipped].extend(r.pk for r in digest.reminders)
    for reason, pks in by_reason.items():
        ScheduledReminder.objects.filter(pk__in=pks).update(status=Status.SKIPPED, note=reason)
    mail_of = {mail.person_id: mail.pk for mail in mails}
    Through = OutboxMail.congresses.through
    Through.objects.bulk_create(
        Through(outboxmail_id=mail_of[digest.person.pk], congress_id=congress_id)
        for digest in digests
        if not digest.skipped
        for congress_id in digest.congress_ids
    )


# Rendering: the bodies and the calendar of a digest, from its reminders.


@dataclass
class Entry:
    kind: str
    title: str
    link: str
    deadline: str
    days: int
    number: str = ""
    lead: str = ""
    status: str = ""
    place: str = ""
    time: str = ""
    agenda: list = field(default_factory=list)


def described(reminders):
    """{(source, key): details} of the reminders' items as their sources describe them now,
    over what the rows kept; one call per source."""
    keys = defaultdict(set)
    for reminder in reminders:
        keys[reminder.source].add(reminder.source_key)
    now = {source: registry.describe(source, found) for source, found in keys.items()}
    return {(r.source, r.source_key): {**(r.details or {}), **now[r.source].get(r.source_key, {})} for r in reminders}


def _entry(reminder, details):
    return Entry(
        kind=reminder.kind,
        title=reminder.title,
        link=ical.absolute(reminder.link),
        deadline=reminder.phrase or short_date(reminder.deadline),
        days=abs(reminder.days_left()),
        number=details.get("number", ""),
        lead=details.get("lead", ""),
        status=details.get("status", ""),
        place=details.get("place", ""),
        time=details.get("time", ""),
        agenda=list(details.get("agenda", [])),
    )


SECTIONS = [
    ("overdue", "task", (Kind.OVERDUE,)),
    ("coming", "task", (Kind.DUE, Kind.UPCOMING)),
    ("escalated", "task", (Kind.ESCALATION,)),
    ("meetings", "meeting", (Kind.MEETING,)),
]


def _number_key(entry):
    return [int(part) if part.isdigit() else 0 for part in entry.number.split(".")] if entry.number else []


def digest_context(person, day, reminders, details):
    """What the digest templates show: per congress, the overdue, the coming, the escalated,
    the meetings and the other deadlines, each with its deadline phrase, lead, status and link."""
    congresses = Congress.objects.in_bulk({r.congress_id for r in reminders})
    by_congress = defaultdict(list)
    for reminder in reminders:
        entry = _entry(reminder, details[(reminder.source, reminder.source_key)])
        by_congress[reminder.congress_id].append((reminder, entry))
    sections = []
    for congress_id in sorted(by_congress):
        pairs = by_congress[congress_id]
        section = {"congress": congresses[congress_id], "short_name": short_name(congresses[congress_id])}
        for name, category, kinds in SECTIONS:
            chosen = [entry for reminder, entry in pairs if reminder.kind in kinds and reminder.category == category]
            order = (lambda e: (e.days, _number_key(e))) if name == "coming" else (lambda e: (-e.days, _number_key(e)))
            section[name] = sorted(chosen, key=order)
        section["others"] = sorted((entry for r, entry in pairs if not r.category), key=lambda e: e.deadline)
        sections.append(section)
    return {
        "person": person,
        "day": day,
        "sections": sections,
        "site_url": settings.SITE_URL,
        "preferences_url": ical.absolute(reverse("reminders:reminder_preferences")),
    }


def _event(reminder, details):
    """The reminder's calendar event: the one its source describes, or an all-day event on its deadline."""
    if details.get("event"):
        return details["event"]
    return ical.CalendarEvent(
        uid=f"{reminder.source}-{reminder.source_key}",
        summary=reminder.title,
        start=reminder.deadline,
        url=ical.absolute(reminder.link),
    )


def calendar_for(day, reminders, details):
    """The coming deadlines and meetings of a digest as iCal text ("" when there are none)."""
    events = {}
    for reminder in reminders:
        key = (reminder.source, reminder.source_key)
        if reminder.deadline >= day and key not in events:
            events[key] = _event(reminder, details[key])
    if not events:
        return ""
    calendar = ical.new_calendar("Reminder digest", method="PUBLISH")
    return ical.to_ical(calendar, events.values(), base_url=settings.SITE_URL).decode()


def render(person, day, reminders, subject):
    """(text, html, calendar) of a digest, in Vietnamese."""
    with translation.override("vi"):
        details = described(reminders)
        context = digest_context(person, day, reminders, details)
        calendar = calendar_for(day, reminders, details)
        context.update(subject=subject, has_calendar=bool(calendar))
        text = render_to_string("emails/digest-body.txt", context)
        html = render_to_string("emails/digest-body.html", context)
        return text, html, calendar


def message(mail):
    """The outbox mail as it goes out. Its bodies are rendered on the first attempt and kept on
    the row, so every attempt sends the same mail with the same Message-ID."""
    if not mail.body_text:
        reminders = list(mail.reminders.all())
        mail.body_text, mail.body_html, mail.calendar = render(mail.person, mail.digest_date, reminders, mail.subject)
        OutboxMail.objects.filter(pk=mail.pk).update(
            body_text=mail.body_text, body_html=mail.body_html, calendar=mail.calendar
        )
    found = EmailMultiAlternatives(
        mail.subject,
        mail.body_text,
        settings.DEFAULT_FROM_EMAIL,
        [mail.to],
        headers={"Message-ID": mail.message_id()},
    )
    if mail.body_html:
        found.attach_alternative(mail.body_html, "text/html")
    if mail.calendar:
        found.attach(f"han-chot-{mail.digest_date:%Y-%m-%d}.ics", mail.calendar, "text/calendar")
    if mail.attachment_name:
        found.attach(mail.attachment_name, bytes(mail.attachment), "application/pdf")
    return found
