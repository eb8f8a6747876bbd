"""Which tasks concern a person: the query behind My work and the calendar feed."""

from django.db import connection
from django.db.models import BooleanField, F, Func, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.links import RowLink
from congress.models import Congress, CongressRole, Person
from congress.rules import prime_roles, remember_roles, roles_by_congress

from .models import Task, TaskParty

Role = CongressRole.Role
STATUS_LABELS = dict(Task.Status.choices)
PERSON_OF_USER = Person._meta.get_field("user").remote_field  # caches `user.person`
# What My work reads of a congress, in the model's order (as Model.from_db takes the values).
CONGRESS_FIELDS = tuple(
    field.attname for field in Congress._meta.concrete_fields if field.attname in {"id", "name", "year"}
)


def responsibilities(user):
    """The organisations (per congress) and sub-committees the user answers for. The user's person
    comes with their sub-committees, in one query, and stays on the user (`user.person`, None when
    there is none) for the rules and the reasons that ask whether a task is assigned to them."""
    prime_roles(user)
    organizations, subcommittees = _responsible(roles_by_congress(user))
    # One row per membership, or one row with no sub-committee.
    people = list(
        Person.objects.filter(user=user).annotate(member_of=F("subcommittee_memberships__subcommittee_id")).order_by()
    )
    subcommittees.update(person.member_of for person in people if person.member_of is not None)
    PERSON_OF_USER.set_cached_value(user, people[0] if people else None)
    return organizations, subcommittees


def work_scope(user):
    """What My work knows of the user before it reads their tasks, in one statement: their roles
    (remembered for the rules), the congresses they hold them in, with the name and year the page
    shows, their person (kept as `user.person`, the id only) and the sub-committees it sits on.
    Returns ({congress id: congress}, responsibilities as `responsibilities` gives them). A user
    without a role, or a superuser (who sees every congress), is read as elsewhere."""
    if user.is_superuser:
        responsible = responsibilities(user)
        return {congress.pk: congress for congress in Congress.objects.all().only(*CONGRESS_FIELDS)}, responsible
    rows = list(
        CongressRole.objects.filter(user=user)
        .order_by("congress_id", "pk")
        .values_list(
            "pk",
            "congress_id",
            "congress__name",
            "congress__year",
            "role",
            "organization_id",
            "subcommittee_id",
            "user__person__id",
            "user__person__subcommittee_memberships__subcommittee_id",  # one row per membership
        )
    )
    if not rows:  # no congress to show
        return {}, responsibilities(user)
    congresses, roles, seen, members_of, db = {}, {}, set(), set(), CongressRole.objects.db
    for pk, congress_id, name, year, role, organization_id, subcommittee_id, _person, member_of in rows:
        if congress_id not in congresses:
            values = {"id": congress_id, "name": name, "year": year}
            congresses[congress_id] = Congress.from_db(
                db, CONGRESS_FIELDS, [values[field] for field in CONGRESS_FIELDS]
            )
        if pk not in seen:
            seen.add(pk)
            roles.setdefault(congress_id, []).append((role, organization_id, subcommittee_id))
        if member_of is not None:
            members_of.add(member_of)
    for congress_id, held in roles.items():
        remember_roles(user, congress_id, held)
    person_id = rows[0][7]
    person = Person.from_db(db, ["id"], (person_id,)) if person_id is not None else None
    PERSON_OF_USER.set_cached_value(user, person)
    organizations, subcommittees = _responsible(roles)
    return congresses, (organizations, subcommittees | members_of)


def _responsible(roles_by_congress):
    organizations, subcommittees = set(), set()
    for congress_id, roles in roles_by_congress.items():
        for role, organization_id, subcommittee_id in roles:
            if role == Role.FOCAL_POINT and organization_id:
                organizations.add((congress_id, organization_id))
            if role == Role.SUBCOMMITTEE_HEAD and subcommittee_id:
                subcommittees.add(subcommittee_id)
    return organizations, subcommittees


def tasks_for(user, responsible=None, *, within=None):
    """Tasks assigned to the user, led or coordinated by an organisation they are focal point
    of (in that congress), or held by one of their sub-committees. Pass `responsible` (the
    result of `responsibilities`) to save its queries, and `within` (congress ids) to keep the
    tasks of those congresses only."""
    organizations, subcommittees = responsible if responsible is not None else responsibilities(user)
    # One indexed sub-query per reason, joined by UNION ALL: the database reads the set of task ids
    # once and then fetches those tasks by key, rather than testing every task against each reason
    # (a task named twice is still fetched once).
    person = getattr(user, "person", None)  # read with the responsibilities
    reasons = [Task.assignees.through.objects.filter(person=person).values("task_id")] if person else []
    by_congress = {}
    for congress_id, organization_id in organizations:
        by_congress.setdefault(congress_id, set()).add(organization_id)
    tasks = Task.objects.all() if within is None else Task.objects.filter(congress_id__in=within)
    alike = {frozenset(by_congress.get(congress_id, ())) for congress_id in within or ()}
    if len(alike) == 1 and by_congress:
        # The same organisations in every congress kept (the usual focal point, of one congress):
        # their parties need not be joined to their tasks to check the congress, the index on
        # organisation and task lists them.
        by_congress = {None: next(iter(alike))}
    for congress_id, organization_ids in by_congress.items():
        if not organization_ids:
            continue
        parties = TaskParty.objects.filter(organization_id__in=organization_ids)
        if congress_id is not None:
            parties = parties.filter(task__congress_id=congress_id)
        reasons.append(parties.values("task_id"))
    if subcommittees:
        reasons.append(TaskParty.objects.filter(subcommittee_id__in=subcommittees).values("task_id"))
    if not reasons:
        return tasks.none()
    first, *others = [reason.order_by() for reason in reasons]
    keys = first.union(*others, all=True) if others else first
    if connection.vendor == "postgresql":
        # PostgreSQL reads `IN (the set)` by scanning every task of the congress to join it to the
        # set; as an array the set is read first and its tasks are fetched by key.
        return tasks.filter(KeyAmong(keys))
    return tasks.filter(pk__in=keys)


class KeyAmong(Func):
    """The row's key is one the subquery lists, as `pk = ANY(ARRAY(subquery))` (PostgreSQL)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, keys):
        super().__init__(F("pk"), Subquery(keys))

    def as_sql(self, compiler, connection, **extra_context):
        (key, key_params), (keys, keys_params) = (compiler.compile(arg) for arg in self.get_source_expressions())
        return f"{key} = ANY(ARRAY{keys})", (*key_params, *keys_params)


def annotate_for(user, tasks, *, today, responsible=None):
    """Mark each task with why it concerns the user, whether it is late, and what they may do."""
    organizations, subcommittees = responsible if responsible is not None else responsibilities(user)
    person = getattr(user, "person", None)
    detail_link, progress_link = RowLink("planning:task_detail", 2), RowLink("planning:task_progress", 2)
    for task in tasks:
        label_row(task, today=today)
        task.url = detail_link(task.congress_id, task.pk)
        task.select_label = select_label(task)
        task.progress_url = progress_link(task.congress_id, task.pk)
        task.can_post = user.has_perm("planning.post_progress", task)
        task.can_change = user.has_perm("planning.change_task", task)
        reasons = []
        if person is not None and any(assignee.pk == person.pk for assignee in task.assignees.all()):
            reasons.append(_("Assigned to you"))
        for party in task.parties.all():
            if (task.congress_id, party.organization_id) in organizations or party.subcommittee_id in subcommittees:
                reason = _("%(name)s leads") if party.role == "lead" else _("%(name)s coordinates")
                reasons.append(reason % {"name": party.label})
        task.reasons = reasons


def select_label(task):
    """The name of a row's bulk-change checkbox (the parent is loaded with a sub-item)."""
    return _("Select task %(number)s") % {"number": task.display_number}


def decorate(task, *, today):
    """What a list row shows, worked out once in Python: lead and coordinating labels, lateness."""
    task.leads, task.coordinators = [], []
    for party in task.parties.all():
        (task.leads if party.role == "lead" else task.coordinators).append(party.label)
    task.overdue = task.is_overdue(on=today)
    task.days_late = (today - task.due_date).days if task.overdue else 0
    task.show_last_date = bool(task.due_date) and task.deadline_kind not in ("on_day", "by_day")
    task.finished = task.status in Task.FINISHED
    return task


def label_row(task, *, today):
    """`decorate`, and the words a page's row says, once here rather than by a translation tag per
    row (lists only: the reminder planner and the exports decorate thousands of tasks)."""
    decorate(task, today=today)
    task.status_label = STATUS_LABELS.get(task.status, task.status)
    task.late_label = (
        ngettext("%(days)s day late", "%(days)s days late", task.days_late) % {"days": task.days_late}
        if task.overdue
        else ""
    )
    task.last_date_label = _("by %(date)s") % {"date": f"{task.due_date:%d/%m/%Y}"} if task.due_date else ""
    return task


def party_prefetch(prefix=""):
    """Parties with just what a list shows of their organisation or sub-committee, in one query."""
    # The model's ordering names the task, which would join every party to its task and congress
    # only to sort them; the prefetch groups by task itself.
    return Prefetch(f"{prefix}parties", queryset=_parties())


def _parties():
    return (
        TaskParty.objects.select_related("organization", "subcommittee")
        .only(
            "task_id",
            "role",
            "order",
            "phrase",
            "organization_id",
            "subcommittee_id",
            "organization__name",
            "organization__short_name",
            "subcommittee__name",
            "subcommittee__congress_id",
        )
        .order_by("-role", "order", "pk")
    )


# What a card, its reasons and the permission rules read of a task, and of a sub-item's parent.
CARD_FIELDS = (
    *("id", "congress_id", "parent_id", "number", "content", "status", "due_date", "deadline_kind", "deadline_phrase"),
    *("parent__id", "parent__congress_id", "parent__parent_id", "parent__number", "parent__content"),
)


def cards_by_key(pks):
    """My work's tasks by key, with what a card and the permission rules read of them: the parent
    (a sub-item's number and text), the parties of both, and the assignees as bare ids; three
    queries whatever the page holds. The parties and assignees are handed to each task as a
    prefetch would (`task.parties.all()`), without the queryset per task that Django's prefetch
    builds and filters."""
    tasks = list(Task.objects.filter(pk__in=pks).select_related("parent").only(*CARD_FIELDS).order_by())
    holders = {}  # task id: the loaded objects of that task (a task, and the parent of a sub-item)
    for task in tasks:
        holders.setdefault(task.pk, []).append(task)
        if task.parent_id:
            holders.setdefault(task.parent_id, []).append(task.parent)
    parties = {key: [] for key in holders}
    for party in _parties().filter(task_id__in=list(holders)):
        parties[party.task_id].append(party)
    assignees = {task.pk: [] for task in tasks}
    people = Task.assignees.through.objects.filter(task_id__in=list(assignees)).order_by()
    for task_id, person_id in people.values_list("task_id", "person_id"):
        assignees[task_id].append(Person.from_db(people.db, ["id"], [person_id]))  # as `.only("id")` reads it
    no_parties, no_people = TaskParty.objects.none().query, Person.objects.none().query
    for key, objects in holders.items():
        for task in objects:
            _as_prefetched(task, "parties", QuerySet(TaskParty, query=no_parties), parties[key])
    for task in tasks:
        _as_prefetched(task, "assignees", QuerySet(Person, query=no_people), assignees[task.pk])
    return tasks


def with_subitems(tasks):
    """The schedule's tasks with their sub-items and the parties of both, handed over as
    `prefetch_related` would (`task.subitems.all()`, `task.parties.all()`, a sub-item's parent)
    in two queries, without the queryset per task that Django's prefetch builds and filters."""
    subitems = {task.pk: [] for task in tasks}
    if not subitems:
        return tasks
    for item in Task.objects.filter(parent_id__in=list(subitems)).order_by("parent_id", "number", "pk"):
        subitems[item.parent_id].append(item)
    by_key = {task.pk: task for task in tasks}
    everyone = [*tasks, *(item for items in subitems.values() for item in items)]
    parties = {task.pk: [] for task in everyone}
    for party in _parties().filter(task_id__in=list(parties)):
        parties[party.task_id].append(party)
    no_parties, no_tasks = TaskParty.objects.none().query, Task.objects.none().query
    for task in everyone:
        if task.parent_id in by_key:
            task.parent = by_key[task.parent_id]
        _as_prefetched(task, "parties", QuerySet(TaskParty, query=no_parties), parties[task.pk])
    for task in tasks:
        _as_prefetched(task, "subitems", QuerySet(Task, query=no_tasks), subitems[task.pk])
    return tasks


def _as_prefetched(instance, name, queryset, rows):
    """What `prefetch_related(name)` leaves on the instance: a queryset holding `rows`. It is an
    empty one underneath, so a further filter finds nothing rather than every row of the table."""
    queryset._result_cache = rows
    queryset._prefetch_done = True
    vars(instance).setdefault("_prefetched_objects_cache", {})[name] = queryset
