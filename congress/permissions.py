"""Fetch an object for a user or refuse: strangers get 404, read-only users 403."""

from django.core.exceptions import PermissionDenied
from django.db.models import F, FilteredRelation, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Congress, Subcommittee
from .rules import remember_roles


def get_congress(user, pk, *, manage=False):
    congress = _congress_and_roles(user, pk)
    if not user.has_perm("congress.see_congress", congress):
        raise Http404
    if manage and not user.has_perm("congress.manage_congress", congress):
        raise PermissionDenied
    return congress


def _congress_and_roles(user, pk):
    """The congress, with the user's roles in it read by the same query (a row per role) and kept
    where the rules look for them, instead of a second query when the first rule asks."""
    congresses = Congress.objects.select_related("host", "parent")
    if not user.is_authenticated:
        return get_object_or_404(congresses, pk=pk)
    rows = list(
        congresses.annotate(mine=FilteredRelation("roles", condition=Q(roles__user=user)))
        .annotate(
            user_role=F("mine__role"),
            user_role_organization=F("mine__organization_id"),
            user_role_subcommittee=F("mine__subcommittee_id"),
        )
        .filter(pk=pk)
        .order_by()
    )
    if not rows:
        raise Http404
    roles = tuple(
        (row.user_role, row.user_role_organization, row.user_role_subcommittee) for row in rows if row.user_role
    )
    remember_roles(user, rows[0].pk, roles)
    return rows[0]


def get_subcommittee(user, congress_pk, pk, *, manage=False):
    congress = get_congress(user, congress_pk)
    subcommittee = get_object_or_404(Subcommittee, congress=congress, pk=pk)
    subcommittee.congress = congress
    if manage and not user.has_perm("congress.manage_subcommittee", subcommittee):
        raise PermissionDenied
    return subcommittee


def require_directory_editor(user):
    if not user.has_perm("congress.edit_directory"):
        raise PermissionDenied


def require_congress_creator(user):
    if not user.has_perm("congress.create_congress"):
        raise PermissionDenied
