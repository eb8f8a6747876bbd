"""Who may see and change what in a congress: the one place that decides.

Roles are per congress (CongressRole). A user without any role in a congress is a
stranger to it: views answer 404, lists never show it. Superusers see everything.
"""

import rules

from .models import CongressRole

Role = CongressRole.Role
READ_ONLY_ROLES = {Role.VIEWER, Role.BOARD_MEMBER, Role.FOCAL_POINT, Role.COUNCIL_MEMBER}


def _store(user):
    """Where a user's roles are kept: on the user object itself, also when it comes wrapped lazily."""
    return vars(user.__dict__.get("_wrapped", user))


def congress_roles(user, congress):
    """The user's roles in the congress, read once per user object."""
    if not user.is_authenticated:
        return ()
    store = _store(user)
    cache = store.setdefault("_congress_roles", {})
    if congress.pk not in cache and store.get("_congress_roles_complete"):
        return ()
    if congress.pk not in cache:
        cache[congress.pk] = tuple(
            CongressRole.objects.filter(congress=congress, user=user).values_list(
                "role", "organization_id", "subcommittee_id"
            )
        )
    return cache[congress.pk]


@rules.predicate
def is_superuser(user):
    return user.is_superuser


@rules.predicate
def has_any_role(user, congress):
    return bool(congress_roles(user, congress))


@rules.predicate
def is_secretariat(user, congress):
    return any(role == Role.SECRETARIAT for role, _, _ in congress_roles(user, congress))


@rules.predicate
def heads_subcommittee(user, subcommittee):
    return any(
        role == Role.SUBCOMMITTEE_HEAD and sub_id == subcommittee.pk
        for role, _, sub_id in congress_roles(user, subcommittee.congress)
    )


@rules.predicate
def is_secretariat_of_subcommittee(user, subcommittee):
    return is_secretariat(user, subcommittee.congress)


@rules.predicate
def can_add_congress(user):
    return user.has_perm("congress.add_congress")


@rules.predicate
def can_edit_directory(user):
    return user.has_perm("congress.change_organization")


rules.add_perm("congress.see_congress", is_superuser | has_any_role)
rules.add_perm("congress.manage_congress", is_superuser | is_secretariat)
rules.add_perm("congress.manage_subcommittee", is_superuser | is_secretariat_of_subcommittee | heads_subcommittee)
rules.add_perm("congress.create_congress", is_superuser | can_add_congress)
rules.add_perm("congress.edit_directory", is_superuser | can_edit_directory)


def prime_roles(user):
    """Read the user's roles in every congress at once, for pages that check many congresses."""
    if not user.is_authenticated:
        return
    store = _store(user)
    cache = store.setdefault("_congress_roles", {})
    found = {}
    for congress_id, role, organization_id, subcommittee_id in CongressRole.objects.filter(user=user).values_list(
        "congress_id", "role", "organization_id", "subcommittee_id"
    ):
        found.setdefault(congress_id, []).append((role, organization_id, subcommittee_id))
    for congress_id, roles in found.items():
        cache[congress_id] = tuple(roles)
    store["_congress_roles_complete"] = True


def roles_by_congress(user):
    """{congress id: roles} as primed by prime_roles()."""
    return _store(user).get("_congress_roles", {})
