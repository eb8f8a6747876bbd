"""The next congress from the last: the same structure with every deadline moved to the new congress day.

A province holds its congress every five years and prepares it much as last time. `next_congress_plan` works
out, without writing anything, what the copy would hold: the sessions on their new days, each task's and each
lower level's deadline as it will read. `clone_congress` then writes it in one transaction, in a number of
queries that does not grow with the schedule's length.

A deadline keeps its distance to the congress day: a dated one moves by the days between the old and the new
congress day ("20 days before" stays 20 days before), a month, quarter or year by the months between them;
a phrase counted from a session ("10 ngày trước Đại hội") stays as written and counts from the new session.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from congress.models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    OrganizingBoard,
    Subcommittee,
    SubcommitteeMember,
)
from documents.layer import get_kind, record_for
from documents.models import Document
from documents.services import save_outline

from . import deadlines
from .models import LowerLevelCongress, Task, TaskEvent, TaskParty

# The plan's sections that describe the old congress's days and places; the new plan writes them afresh.
SECTIONS_WRITTEN_AFRESH = {"time_place"}
SOURCE = "previous congress"


class CloneError(ValueError):
    pass


# Apps above planning (delegates, …) copy their own rows: each registers a copier at app ready, so
# planning never imports them. `preview(plan, key)` returns what the preview lists (a list of Moved rows,
# read only; what it read may be kept in plan.copied[key]); `copy(plan, key, congress)` writes the copy
# inside clone_congress's transaction.
@dataclass(frozen=True)
class Copier:
    label: str
    preview: object
    copy: object


_copiers = {}


def register_copier(key, *, label, preview, copy):
    """Add (or replace) the copier named `key`."""
    _copiers[key] = Copier(label=label, preview=preview, copy=copy)


def copiers():
    return dict(_copiers)


@dataclass
class Moved:
    """One row of the preview: what it is, its deadline before and after."""

    label: str
    before: str
    after: str
    before_date: datetime.date | None
    after_date: datetime.date | None


@dataclass
class ClonePlan:
    source: Congress
    year: int
    edition: int | None
    old_day: datetime.date
    new_day: datetime.date
    sessions: list = field(default_factory=list)  # [(session, new values dict)]
    tasks: list = field(default_factory=list)  # [(task, Deadline or None, due date)]
    lower_levels: list = field(default_factory=list)  # [(item, phrase, due date)]
    extras: list = field(default_factory=list)  # [(label, [Moved])] from the registered copiers
    copied: dict = field(default_factory=dict)  # what each copier read for its preview, by key, for its copy

    @property
    def days(self):
        return (self.new_day - self.old_day).days

    @property
    def months(self):
        return (self.new_day.year - self.old_day.year) * 12 + self.new_day.month - self.old_day.month

    def session_rows(self):
        return [
            (session.name, session.when_text, CongressSession(**values).when_text) for session, values in self.sessions
        ]

    def task_rows(self):
        return [
            Moved(_numbered(task), task.deadline_phrase, deadline.phrase if deadline else "", task.due_date, due)
            for task, deadline, due in self.tasks
        ]

    def lower_level_rows(self):
        return [
            Moved(item.organization.display_name, item.due_phrase, phrase, item.due_date, due)
            for item, phrase, due in self.lower_levels
        ]


def _numbered(task):
    number = f"{task.parent.number}.{task.number}" if task.parent_id else str(task.number)
    return f"{number}. {task.first_line()}".strip()


def congress_day(congress):
    """The day the preparation leads up to: the last session's planned day."""
    session = max(congress.sessions.all(), key=lambda session: (session.order, session.pk), default=None)
    return session.planned_date if session else None


def next_congress_plan(source, *, year, edition, new_day):
    """What the next congress would hold, with every date moved; nothing is written.

    Raises CloneError when the previous congress has no session day to count from."""
    old_day = congress_day(source)
    if old_day is None:
        raise CloneError(_("The previous congress has no session with a planned day to count the deadlines from."))
    plan = ClonePlan(source=source, year=year, edition=edition, old_day=old_day, new_day=new_day)
    plan.sessions = [(session, _moved_session(session, plan)) for session in source.sessions.all()]
    new_days = {session.pk: _planned_date(values) for session, values in plan.sessions}
    last = max(plan.sessions, key=lambda pair: (pair[0].order, pair[0].pk))[0]
    for task in _tasks(source):
        deadline = task.deadline()
        moved = deadlines.shifted(deadline, days=plan.days, months=plan.months) if deadline else None
        anchor = new_days.get(task.deadline_session_id or last.pk)
        plan.tasks.append((task, moved, moved.last_date(anchor) if moved else None))
    _parents_take_latest(plan.tasks)
    for item in source.lower_levels.select_related("organization").order_by("due_date", "pk"):
        plan.lower_levels.append((item, *_moved_lower_level(item, plan, new_days[last.pk])))
    for key, copier in _copiers.items():
        rows = copier.preview(plan, key)
        if rows:
            plan.extras.append((copier.label, rows))
    return plan


def _tasks(source):
    """The tasks to copy, parents before their sub-items; a cancelled task is left out with its sub-items."""
    parties = Prefetch("parties", queryset=TaskParty.objects.order_by("-role", "order", "pk"))
    remaining = list(
        Task.objects.filter(congress=source)
        .exclude(status=Task.Status.CANCELLED)
        .order_by("number", "pk")
        .prefetch_related(parties)
    )
    placed, ordered = {}, []
    while True:
        level = [task for task in remaining if task.parent_id is None or task.parent_id in placed]
        if not level:
            return ordered
        for task in level:
            if task.parent_id:
                task.parent = placed[task.parent_id]  # first_line() of a sub-item without text reads it
            placed[task.pk] = task
        ordered += level
        remaining = [task for task in remaining if task.pk not in placed]


def _parents_take_latest(rows):
    """A task without its own deadline takes its latest sub-item's date, as Task.refresh_dates does."""
    latest = {}
    for task, _deadline, due in rows:
        if task.parent_id and due and (task.parent_id not in latest or due > latest[task.parent_id]):
            latest[task.parent_id] = due
    for index, (task, deadline, _due) in enumerate(rows):
        if deadline is None and task.pk in latest:
            rows[index] = (task, deadline, latest[task.pk])


def _moved_session(session, plan):
    values = {"timing": session.timing, "starts_at": None, "ends_at": None}
    values.update(planned_year=None, planned_month=None, planned_quarter=None)
    if session.timing == CongressSession.Timing.EXACT and session.starts_at:
        shift = datetime.timedelta(days=plan.days)
        values["starts_at"] = session.starts_at + shift
        values["ends_at"] = session.ends_at + shift if session.ends_at else None
    elif session.planned_date:
        moved = session.planned_date + datetime.timedelta(days=plan.days)
        values.update(planned_year=moved.year, planned_month=moved.month, planned_quarter=(moved.month - 1) // 3 + 1)
        if session.timing == CongressSession.Timing.QUARTER:
            values["planned_month"] = None
        else:
            values["planned_quarter"] = None
    return values


def _planned_date(values):
    return CongressSession(**values).planned_date


def _moved_lower_level(item, plan, anchor):
    if item.due_phrase:
        moved = deadlines.shifted(deadlines.parse_deadline(item.due_phrase), days=plan.days, months=plan.months)
        due = moved.last_date(anchor)
        if due is not None:
            return moved.phrase, due
    return "", item.due_date + datetime.timedelta(days=plan.days)


@transaction.atomic
def clone_congress(plan, *, keep_people, review_period="", next_period="", by):
    """Create the next congress from a preview's plan.

    Steps: the congress (same kind, level, area and host; the new year and edition) and its creator as
    secretariat; the sessions on their new days with their connection points; the board and its members'
    positions; the sub-committees; with `keep_people`, the same people in the board, the sub-committees and
    the roles; the plan's edited sections; the schedule with its parties and a history entry per task; the
    lower levels with their moved due dates. Nothing is done, assigned or held yet in the copy.
    """
    source = plan.source
    congress = Congress.objects.create(
        kind=source.kind,
        level=source.level,
        edition=plan.edition,
        year=plan.year,
        area_name=source.area_name,
        host_id=source.host_id,
        review_period=review_period,
        next_period=next_period,
        format=source.format,
    )
    sessions = _copy_sessions(plan, congress)
    subcommittees = _copy_board(source, congress, keep_people=keep_people)
    _copy_roles(source, congress, subcommittees, keep_people=keep_people, by=by)
    _copy_plan_sections(source, congress, by=by)
    _copy_tasks(plan, congress, sessions, subcommittees, by=by)
    LowerLevelCongress.objects.bulk_create(
        LowerLevelCongress(
            congress=congress, organization_id=item.organization_id, kind=item.kind, due_phrase=phrase, due_date=due
        )
        for item, phrase, due in plan.lower_levels
    )
    for key, copier in _copiers.items():
        copier.copy(plan, key, congress)
    return congress


def _copy_sessions(plan, congress):
    """The new sessions by the old ones' ids, with their connection points."""
    new = {}
    for session, values in plan.sessions:
        new[session.pk] = CongressSession(
            congress=congress, name=session.name, order=session.order, place=session.place, **values
        )
    CongressSession.objects.bulk_create(new.values())
    points = ConnectionPoint.objects.filter(session__in=list(new)).order_by("order", "pk")
    ConnectionPoint.objects.bulk_create(
        ConnectionPoint(
            session=new[point.session_id],
            level=point.level,
            name=point.name,
            place=point.place,
            organization_id=point.organization_id,
            order=point.order,
        )
        for point in points
    )
    return new


def _copy_board(source, congress, *, keep_people):
    """The board (its name follows the new congress) and the sub-committees; the new sub-committees by the
    old ones' ids."""
    board = OrganizingBoard.objects.create(congress=congress)
    old_subcommittees = list(source.subcommittees.all())
    new = {
        old.pk: Subcommittee(congress=congress, kind=old.kind, name=old.name, duties=old.duties, order=old.order)
        for old in old_subcommittees
    }
    Subcommittee.objects.bulk_create(new.values())
    if not keep_people:
        return new
    BoardMember.objects.bulk_create(
        BoardMember(
            board=board,
            person_id=member.person_id,
            role=member.role,
            order=member.order,
            position_text=member.position_text,
            duties=member.duties,
        )
        for member in BoardMember.objects.filter(board__congress=source)
    )
    SubcommitteeMember.objects.bulk_create(
        SubcommitteeMember(
            subcommittee=new[member.subcommittee_id],
            person_id=member.person_id,
            role=member.role,
            order=member.order,
            duties=member.duties,
        )
        for member in SubcommitteeMember.objects.filter(subcommittee__congress=source)
    )
    return new


def _copy_roles(source, congress, subcommittees, *, keep_people, by):
    roles = [CongressRole(congress=congress, user=by, role=CongressRole.Role.SECRETARIAT)]
    if keep_people:
        for role in CongressRole.objects.filter(congress=source).exclude(user=by, role=CongressRole.Role.SECRETARIAT):
            subcommittee = subcommittees.get(role.subcommittee_id)
            roles.append(
                CongressRole(
                    congress=congress,
                    user_id=role.user_id,
                    role=role.role,
                    organization_id=role.organization_id,
                    subcommittee=subcommittee,
                )
            )
    CongressRole.objects.bulk_create(roles)


def _copy_plan_sections(source, congress, *, by):
    """The plan's sections as the secretariat wrote them (documents.outline), with the old congress's name replaced
    by the new one; the part on days and places (and its items) follows the new congress's data again."""
    old = Document.objects.for_owner(source).filter(kind="plan").prefetch_related("sections").first()
    stored = list(old.sections.all()) if old else []
    if not stored:
        return
    sections, afresh = [], set()
    for section in stored:
        family = section.key if section.key in SECTIONS_WRITTEN_AFRESH else section.key.rsplit("-", 1)[0]
        if family in SECTIONS_WRITTEN_AFRESH:
            if family not in afresh:
                afresh.add(family)
                sections.append({"key": family, "level": 0, "heading": "", "text": "", "follows_default": True})
            continue
        sections.append(
            {
                "key": section.key,
                "level": section.level,
                "heading": section.heading.replace(source.name, congress.name),
                "text": section.text.replace(source.name, congress.name),
                "follows_default": section.follows_default,
            }
        )
    save_outline(record_for(get_kind("plan"), congress), sections, by=by)


def _copy_tasks(plan, congress, sessions, subcommittees, *, by):
    """The tasks level by level (a sub-item needs its parent's new id), then their parties and history."""
    new = {}
    pending = list(plan.tasks)  # parents come before their sub-items
    while pending:
        level = [row for row in pending if row[0].parent_id is None or row[0].parent_id in new]
        placed = {row[0].pk for row in level}
        pending = [row for row in pending if row[0].pk not in placed]
        created = [_task_copy(congress, row, new, sessions) for row in level]
        Task.objects.bulk_create(created)
        new.update((row[0].pk, task) for row, task in zip(level, created, strict=True))
    TaskParty.objects.bulk_create(
        TaskParty(
            task=new[task.pk],
            role=party.role,
            order=party.order,
            organization_id=party.organization_id,
            subcommittee=subcommittees.get(party.subcommittee_id),
            phrase=party.phrase,
        )
        for task, _deadline, _due in plan.tasks
        if task.pk in new
        for party in task.parties.all()
    )
    TaskEvent.objects.bulk_create(
        TaskEvent(task=task, actor=by, kind=TaskEvent.Kind.CREATED, changes={"source": SOURCE}) for task in new.values()
    )


def _task_copy(congress, row, new, sessions):
    task, deadline, due = row
    copy = Task(
        congress=congress,
        parent=new.get(task.parent_id),
        number=task.number,
        content=task.content,
        deadline_session=sessions.get(task.deadline_session_id),
        due_date=due,
        group_month=due.replace(day=1) if due else None,
    )
    if deadline is not None:
        copy.set_deadline(deadline.phrase)
    return copy
