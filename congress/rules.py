"""Who may see and change what in a congress: the one place that decides.

Roles are per congress (CongressRole). A user without any role in a congress is a
stranger to it: views answer 404, lists never show it. Superusers see everything.
"""

import rules
from django.db.models import BooleanField, Case, Q, Value, When

from .models import CongressRole, Person

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
            CongressRole.objects.filter(congress=congress, user=user)
            .order_by()  # the default ordering would join the congress only to sort a handful of rows
            .values_list("role", "organization_id", "subcommittee_id")
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
    # Ordered by the congress's id, not by the congress (its name, through a join and a collation).
    roles = CongressRole.objects.filter(user=user).order_by("congress_id", "role", "pk")
    for congress_id, role, organization_id, subcommittee_id in roles.values_list(
        "congress_id", "role", "organization_id", "subcommittee_id"
    ):
        found.setdefault(congress_id, []).append((role, organization_id, subcommittee_id))
    for congress_id, roles in found.items():
        cache[congress_id] = tuple(roles)
    store["_congress_roles_complete"] = True


def remember_roles(user, congress_id, roles):
    """Keep the user's roles in one congress as read by a caller's own statement (the door page reads
    them with its session row), so the rules above decide without reading them again."""
    _store(user).setdefault("_congress_roles", {})[congress_id] = tuple(roles)


def roles_by_congress(user):
    """{congress id: roles} as primed by prime_roles()."""
    return _store(user).get("_congress_roles", {})


# Personal data (Decree 13/2023/NĐ-CP): a person's contact details (e-mail, phone, account) and
# personal attributes (gender, birth year, ethnicity) are shown only to those who work with them:
# the person, the staff and board of a congress the person belongs to (its board, a sub-committee,
# a role), and the standing office that keeps the directory. Anyone else reads names and positions.
WORKS_WITH_PEOPLE = (Role.SECRETARIAT, Role.BOARD_MEMBER, Role.SUBCOMMITTEE_HEAD)


def _people_worked_with(user):
    congresses = CongressRole.objects.filter(user=user, role__in=WORKS_WITH_PEOPLE).values("congress")
    return (
        Person.objects.filter(
            Q(board_memberships__board__congress__in=congresses)
            | Q(subcommittee_memberships__subcommittee__congress__in=congresses)
            | Q(user__congress_roles__congress__in=congresses)
        )
        .values("pk")
        .distinct()
    )


def _sees_every_person(user):
    return user.is_superuser or user.has_perm("congress.edit_directory")


def with_personal_data(people, user):
    """The people annotated with `shows_personal_data`: whether this user may read their details."""
    if _sees_every_person(user):
        visible = Value(True)
    else:
        works_with = Q(user_id=user.pk) | Q(pk__in=_people_worked_with(user))
        visible = Case(When(works_with, then=Value(True)), default=Value(False), output_field=BooleanField())
    return people.annotate(shows_personal_data=visible)


@rules.predicate
def works_with_person(user, person):
    if not user.is_authenticated:
        return False
    if _sees_every_person(user) or person.user_id == user.pk:
        return True
    return _people_worked_with(user).filter(pk=person.pk).exists()


rules.add_perm("congress.see_personal_data", works_with_person)
