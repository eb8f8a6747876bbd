"""Who may see and change dossiers, rounds and the council: the awards half of the rules.

The standing office (secretariat role) sees and manages every dossier of its congress; a focal
point sees its own organisation's dossiers and edits them until they are submitted (and again
when they come back for revision); a council member sees the dossiers from the council onwards.
Predicates read `nomination.round.congress`, which the permission helpers set without a query.
"""

import rules

from congress.models import CongressRole
from congress.rules import congress_roles, is_superuser

from .models import Nomination

Role = CongressRole.Role


def _has_role(user, congress, wanted):
    return any(role == wanted for role, _, _ in congress_roles(user, congress))


def focal_organizations(user, congress):
    return {org_id for role, org_id, _ in congress_roles(user, congress) if role == Role.FOCAL_POINT}


@rules.predicate
def is_standing_office(user, congress):
    return _has_role(user, congress, Role.SECRETARIAT)


@rules.predicate
def sits_on_council(user, congress):
    return _has_role(user, congress, Role.COUNCIL_MEMBER)


@rules.predicate
def is_any_focal_point(user, nomination_round):
    return bool(focal_organizations(user, nomination_round.congress))


@rules.predicate
def office_of_nomination(user, nomination):
    return is_standing_office(user, nomination.round.congress)


@rules.predicate
def proposes_nomination(user, nomination):
    return nomination.proposing_organization_id in focal_organizations(user, nomination.round.congress)


@rules.predicate
def reviews_nomination(user, nomination):
    return nomination.status in Nomination.IN_OR_AFTER_COUNCIL and sits_on_council(user, nomination.round.congress)


@rules.predicate
def open_to_proposer(user, nomination):
    return nomination.status in Nomination.EDITABLE


@rules.predicate
def open_to_office(user, nomination):
    return nomination.status in Nomination.EDITABLE + Nomination.UNDER_REVIEW


@rules.predicate
def office_of_round(user, nomination_round):
    return is_standing_office(user, nomination_round.congress)


@rules.predicate
def can_change_awardtype(user):
    return user.has_perm("awards.change_awardtype")


rules.add_perm("awards.see_nomination", is_superuser | office_of_nomination | proposes_nomination | reviews_nomination)
rules.add_perm(
    "awards.change_nomination",
    is_superuser & open_to_office | office_of_nomination & open_to_office | proposes_nomination & open_to_proposer,
)
rules.add_perm("awards.submit_nomination", is_superuser | office_of_nomination | proposes_nomination)
rules.add_perm("awards.appraise_nomination", is_superuser | office_of_nomination)
rules.add_perm("awards.add_nomination", is_superuser | office_of_round | is_any_focal_point)
rules.add_perm("awards.manage_awards", is_superuser | is_standing_office)
rules.add_perm("awards.see_council", is_superuser | is_standing_office | sits_on_council)
rules.add_perm("awards.edit_catalogue", is_superuser | can_change_awardtype)
