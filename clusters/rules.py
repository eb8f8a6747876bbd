"""Who may see and change a cluster and its years: the clusters half of the rules.

A year is seen by everyone with a role in its review conference (others get 404). The leader's
office (the conference's secretariat) manages the year: criteria, review, ranking, proposals,
election, pledge. A member's focal point (a focal point of the conference for the member's
organisation) scores only its own member and casts only its own member's vote. Other roles read.
Every member's scores are open to the leader's office and the read-only roles; to the other
members only when the year's rules say so.

A cluster is seen by whoever created it and by anyone with a role in one of its years; it is
changed by its creator and by the leader's office of one of its years.
"""

import rules

from congress.models import CongressRole
from congress.rules import congress_roles, has_any_role, is_superuser

_Role = CongressRole

Role = CongressRole.Role


def focal_organizations(user, congress):
    return {org_id for role, org_id, _ in congress_roles(user, congress) if role == Role.FOCAL_POINT}


@rules.predicate
def leads_year(user, cluster_year):
    return any(role == Role.SECRETARIAT for role, _, _ in congress_roles(user, cluster_year.conference))


@rules.predicate
def sees_year(user, cluster_year):
    return has_any_role(user, cluster_year.conference)


@rules.predicate
def sees_every_score(user, cluster_year):
    roles = {role for role, _, _ in congress_roles(user, cluster_year.conference)}
    if not roles:
        return False
    return cluster_year.members_see_scores or roles != {Role.FOCAL_POINT}


@rules.predicate
def answers_for_member(user, year_and_member):
    cluster_year, member = year_and_member
    return member.organization_id in focal_organizations(user, cluster_year.conference)


@rules.predicate
def sees_every_score_of_member(user, year_and_member):
    return sees_every_score(user, year_and_member[0]) or is_superuser(user)


@rules.predicate
def leads_year_of_member(user, year_and_member):
    return leads_year(user, year_and_member[0])


@rules.predicate
def reviews_other_members(user, cluster_year):
    """A focal point, when the year's rules let the members review each other's scores."""
    return cluster_year.members_see_scores and bool(focal_organizations(user, cluster_year.conference))


@rules.predicate
def can_add_congress(user):
    return user.has_perm("congress.add_congress")


def _cluster_roles(user, cluster):
    if not user.is_authenticated:
        return set()
    store = vars(user.__dict__.get("_wrapped", user)).setdefault("_cluster_roles", {})
    if cluster.pk not in store:
        store[cluster.pk] = set(
            _Role.objects.filter(user=user, congress__cluster_year__cluster=cluster).values_list("role", flat=True)
        )
    return store[cluster.pk]


@rules.predicate
def created_cluster(user, cluster):
    return cluster.created_by_id is not None and cluster.created_by_id == user.pk


@rules.predicate
def has_role_in_cluster(user, cluster):
    return bool(_cluster_roles(user, cluster))


@rules.predicate
def leads_a_year_of_cluster(user, cluster):
    return Role.SECRETARIAT in _cluster_roles(user, cluster)


rules.add_perm("clusters.see_year", is_superuser | sees_year)
rules.add_perm("clusters.manage_year", is_superuser | leads_year)
rules.add_perm("clusters.see_every_score", is_superuser | sees_every_score)
rules.add_perm("clusters.see_member_scores", sees_every_score_of_member | answers_for_member)
rules.add_perm("clusters.score_member", is_superuser | answers_for_member)
rules.add_perm("clusters.vote_for_member", is_superuser | leads_year_of_member | answers_for_member)
rules.add_perm("clusters.propose_adjustment", reviews_other_members)
rules.add_perm("clusters.create_cluster", is_superuser | can_add_congress)
rules.add_perm("clusters.see_cluster", is_superuser | created_cluster | has_role_in_cluster)
rules.add_perm("clusters.manage_cluster", is_superuser | created_cluster | leads_a_year_of_cluster)
