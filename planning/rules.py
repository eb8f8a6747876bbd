"""Who may change a congress's tasks: the schedule's half of the permission rules.

Secretariat staff change everything; a sub-committee head changes the tasks their
sub-committee leads; a focal point, an assignee or a head of any party posts progress.
Everyone with a role reads (congress.see_congress). Predicates read the task's parties
through `task.parties.all()`, so a list that prefetches them checks rows without queries.
"""

import rules

from congress.models import CongressRole
from congress.rules import congress_roles, is_superuser

Role = CongressRole.Role


def _roles(user, task):
    return congress_roles(user, task.congress)


def _lead_parties(task):
    return [party for party in task.parties.all() if party.role == "lead"]


@rules.predicate
def is_task_secretariat(user, task):
    return any(role == Role.SECRETARIAT for role, _, _ in _roles(user, task))


@rules.predicate
def heads_lead_subcommittee(user, task):
    headed = {sub_id for role, _, sub_id in _roles(user, task) if role == Role.SUBCOMMITTEE_HEAD}
    if not headed:
        return False
    parties = _lead_parties(task)
    if not parties and task.parent_id:
        parties = _lead_parties(task.parent)
    return any(party.subcommittee_id in headed for party in parties)


@rules.predicate
def answers_for_task(user, task):
    """A focal point of a party organisation, a head of a party sub-committee, or an assignee."""
    organizations = {org_id for role, org_id, _ in _roles(user, task) if role == Role.FOCAL_POINT}
    subcommittees = {sub_id for role, _, sub_id in _roles(user, task) if role == Role.SUBCOMMITTEE_HEAD}
    for party in task.parties.all():
        if party.organization_id in organizations or party.subcommittee_id in subcommittees:
            return True
    person = getattr(user, "person", None)
    return person is not None and any(assignee.pk == person.pk for assignee in task.assignees.all())


@rules.predicate
def may_add_tasks(user, congress):
    return any(role in (Role.SECRETARIAT, Role.SUBCOMMITTEE_HEAD) for role, _, _ in congress_roles(user, congress))


can_change = is_superuser | is_task_secretariat | heads_lead_subcommittee

rules.add_perm("planning.add_task", is_superuser | may_add_tasks)
rules.add_perm("planning.change_task", can_change)
rules.add_perm("planning.post_progress", can_change | answers_for_task)
