"""Who may do what with delegates. Staff (the congress secretariat) manage everything; the focal
point of a unit registers that unit's delegates; every other role reads."""

import rules

from congress.models import CongressRole
from congress.rules import congress_roles, is_secretariat, is_superuser


@rules.predicate
def is_focal_point_of_unit(user, quota):
    return any(
        role == CongressRole.Role.FOCAL_POINT and organization_id == quota.organization_id
        for role, organization_id, _ in congress_roles(user, quota.congress)
    )


@rules.predicate
def manages_quota_congress(user, quota):
    return is_secretariat(user, quota.congress)


rules.add_perm("delegates.manage_delegates", is_superuser | is_secretariat)
rules.add_perm("delegates.register_unit", is_superuser | manages_quota_congress | is_focal_point_of_unit)


def registered_units(user, congress):
    """The organisation ids whose delegates this user registers as focal point."""
    return {
        organization_id
        for role, organization_id, _ in congress_roles(user, congress)
        if role == CongressRole.Role.FOCAL_POINT
    }
