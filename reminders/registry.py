"""How apps hand their deadlines to the reminder planner, without `reminders` importing them.

An app registers a provider once, in its AppConfig.ready()::

    from reminders import registry

    def submission_deadlines(*, congress_ids, due_dates):
        rounds = NominationRound.objects.filter(congress_id__in=congress_ids, closes_on__in=due_dates)
        for round in rounds.prefetch_related("units__focal_points"):
            yield registry.DeadlineItem(
                key=f"round-{round.pk}",
                congress_id=round.congress_id,
                due_date=round.closes_on,
                recipients=tuple(person.pk for person in round.people_to_remind()),
                title=f"Nộp hồ sơ đề nghị khen thưởng: {round.name}",
                link=round.get_absolute_url(),
                phrase="Trước ngày 15/7/2020",
            )

    registry.register("awards.round", submission_deadlines)

The planner calls each provider with keyword arguments only:

- `congress_ids`: the congresses being planned (a set of ints),
- `due_dates`: the deadlines that remind on the day being planned (a set of `datetime.date`);
  return only items whose `due_date` is one of them (filter in the database: `__in`).

It returns (or yields) `DeadlineItem`s. Each recipient (a `Person` id) then gets the item in
their daily digest under the congress's policy: days before, on the day, and while overdue
(items are not escalated). The item's `source` (the name given to `register`, at most 50
characters) and `key` (at most 100) identify it: the planner keeps one reminder per
(source, key, person, kind, day), enforced by a database constraint, so a provider may be
asked twice and return the same items without anyone being reminded twice.

A provider must not write to the database, and should be fast: it runs inside the periodic
job for every congress at once; it may yield its items as it reads them. A provider that raises
is logged and its remaining items are skipped for that run.

Optional, for deadlines that need more (planning's tasks and meetings use them):

- `DeadlineItem.escalate_to`: people reminded, instead of the recipients, once the deadline is
  long past (the policy's "escalate after"); without them the item is not escalated.
- `DeadlineItem.coordinating`: people reminded too when the congress's policy says so.
- `DeadlineItem.category`: "task" lists the item among the digest's tasks (overdue, coming,
  escalated) rather than among the other deadlines.
- `DeadlineItem.details`: a small dict kept on the reminder row (JSON), shown by the digest
  beside the title: `number`, `lead`, `status`, `place`, `time`, `agenda`.
- `register(source, provider, describe=function)`: `function(keys)` returns {key: details} as the
  item is now, read when a digest is rendered (a handful of items, in bulk): the same keys as
  above, and `event`, the item's `ical.CalendarEvent`, so the digest's .ics carries the same
  event as the calendar feed. Without it the digest shows what the row kept.
- `register(source, provider, meetings=True)`: the provider is asked for the meetings held on
  `due_dates` (the days after the reminding day); its items remind the day before.
- `register(source, provider, current=function)`: `function(keys)` returns {key: due date} of
  the items that still remind; a pending reminder whose item is gone or moved is dropped.
"""

import logging
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)

_providers = {}


@dataclass(frozen=True)
class DeadlineItem:
    key: str  # stable within the source, e.g. "round-12"
    congress_id: int
    due_date: object  # datetime.date: the last acceptable day
    recipients: tuple  # Person ids
    title: str  # what the digest lists, in Vietnamese
    link: str  # a path ("/congresses/3/awards/rounds/12/") or an absolute URL
    phrase: str = ""  # the deadline as the documents write it; empty prints the date
    escalate_to: tuple = ()  # Person ids reminded once the deadline is long past
    coordinating: tuple = ()  # Person ids reminded when the policy reminds coordinating parties
    category: str = ""  # "task": listed with the tasks; "" with the other deadlines
    details: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Provider:
    function: object
    meetings: bool = False
    current: object = None
    describe: object = None


def register(source, provider, *, meetings=False, current=None, describe=None):
    """Add (or replace) the provider for `source`."""
    if not source or len(source) > 50:
        raise ValueError("A source name has 1 to 50 characters.")
    _providers[source] = Provider(provider, meetings=meetings, current=current, describe=describe)


def unregister(source):
    _providers.pop(source, None)


def providers():
    """{source: provider function} of every registered source."""
    return {source: entry.function for source, entry in _providers.items()}


def current_deadlines():
    """{source: function(keys) -> {key: due date}} of the sources that can tell."""
    return {source: entry.current for source, entry in _providers.items() if entry.current}


def describe(source, keys):
    """{key: details} of these items of `source` as they are now; {} when it cannot tell."""
    entry = _providers.get(source)
    if entry is None or entry.describe is None or not keys:
        return {}
    try:
        return dict(entry.describe(set(keys)))
    except Exception:
        logger.exception("Reminder source %s could not describe its items; the digest shows what was kept.", source)
        return {}


def collect(*, congress_ids, due_dates, meetings=False):
    """Yield (source, item) from every provider of deadlines (or of meetings, with `meetings`);
    a failing provider is logged, not fatal."""
    if not due_dates:
        return
    for source, entry in list(_providers.items()):
        if entry.meetings != meetings:
            continue
        items = None
        while True:
            try:
                if items is None:
                    items = iter(entry.function(congress_ids=set(congress_ids), due_dates=set(due_dates)))
                item = next(items)
            except StopIteration:
                break
            except Exception:
                logger.exception("Reminder provider %s failed; its other deadlines are skipped this time.", source)
                break
            if item.congress_id in congress_ids and item.due_date in due_dates:
                yield source, item
