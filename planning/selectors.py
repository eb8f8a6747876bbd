"""Which tasks concern a person: the query behind My work and the calendar feed."""

from django.db.models import Q

from congress.models import CongressRole, SubcommitteeMember

from .models import Task

Role = CongressRole.Role


def responsibilities(user):
    """The organisations (per congress) and sub-committees the user answers for."""
    roles = CongressRole.objects.filter(user=user).values_list(
        "role", "congress_id", "organization_id", "subcommittee_id"
    )
    organizations, subcommittees = set(), set()
    for role, congress_id, organization_id, subcommittee_id in roles:
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
    condition = Q(assignees__user=user)
    for congress_id, organization_id in organizations:
        condition |= Q(congress_id=congress_id, parties__organization_id=organization_id)
    if subcommittees:
        condition |= Q(parties__subcommittee_id__in=subcommittees)
    return Task.objects.filter(pk__in=Task.objects.filter(condition).values("pk"))
