"""Which tasks concern a person: the query behind My work and the calendar feed."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.links import RowLink
from congress.models import CongressRole, Person, SubcommitteeMember
from congress.rules import prime_roles, roles_by_congress

from .models import Task, TaskParty

Role = CongressRole.Role
STATUS_LABELS = dict(Task.Status.choices)


def responsibilities(user):
    """The organisations (per congress) and sub-committees the user answers for."""
    prime_roles(user)
    organizations, subcommittees = set(), set()
    for congress_id, roles in roles_by_congress(user).items():
        for role, organization_id, subcommittee_id in roles:
            if role == Role.FOCAL_POINT and organization_id:
                organizations.add((congress_id, organization_id))
            if role == Role.SUBCOMMITTEE_HEAD and subcommittee_id:
                subcommittees.add(subcommittee_id)
    subcommittees.update(SubcommitteeMember.objects.filter(person__user=user).values_list("subcommittee_id", flat=True))
    return organizations, subcommittees


def tasks_for(user, responsible=None):
    """Tasks assigned to the user, led or coordinated by an organisation they are focal point
    of (in that congress), or held by one of their sub-committees. Pass `responsible` (the
    result of `responsibilities`) to save its queries."""
    organizations, subcommittees = responsible if responsible is not None else responsibilities(user)
    # One indexed sub-query per reason, joined by UNION: the database reads the set of task ids
    # once and then fetches those tasks by key, rather than testing every task against each reason.
    reasons = [Task.assignees.through.objects.filter(person__user=user).values("task_id")]
    by_congress = {}
    for congress_id, organization_id in organizations:
        by_congress.setdefault(congress_id, set()).add(organization_id)
    for congress_id, organization_ids in by_congress.items():
        parties = TaskParty.objects.filter(organization_id__in=organization_ids, task__congress_id=congress_id)
        reasons.append(parties.values("task_id"))
    if subcommittees:
        reasons.append(TaskParty.objects.filter(subcommittee_id__in=subcommittees).values("task_id"))
    first, *others = [reason.order_by() for reason in reasons]
    return Task.objects.filter(pk__in=first.union(*others) if others else first)


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
    parties = TaskParty.objects.select_related("organization", "subcommittee").only(
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
    # The model's ordering names the task, which would join every party to its task and congress
    # only to sort them; the prefetch groups by task itself.
    return Prefetch(f"{prefix}parties", queryset=parties.order_by("-role", "order", "pk"))


def assignee_prefetch():
    """Assignees as bare ids: lists only ask whether the user is one of them."""
    return Prefetch("assignees", queryset=Person.objects.only("id").order_by())
