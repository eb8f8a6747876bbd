"""Fetch delegate objects for a user or refuse: strangers 404, read-only roles 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from congress.models import CongressSession
from congress.permissions import get_congress

from .models import AgendaItem, Delegate, Presentation, UnitQuota


def get_managed_congress(user, pk):
    congress = get_congress(user, pk)
    if not user.has_perm("delegates.manage_delegates", congress):
        raise PermissionDenied
    return congress


def get_session(user, pk, session_pk, *, manage=False):
    """The session and its congress in one query (the door page answers every scan through it); a
    congress the user does not see is a 404 as for get_congress."""
    session = get_object_or_404(
        CongressSession.objects.select_related("congress__host", "congress__parent"), congress_id=pk, pk=session_pk
    )
    if not user.has_perm("congress.see_congress", session.congress):
        raise Http404
    if manage and not user.has_perm("delegates.manage_delegates", session.congress):
        raise PermissionDenied
    return session


def get_quota(user, pk, quota_pk, *, register=False):
    congress = get_congress(user, pk)
    quota = get_object_or_404(UnitQuota.objects.select_related("organization"), congress=congress, pk=quota_pk)
    quota.congress = congress
    if register and not user.has_perm("delegates.register_unit", quota):
        raise PermissionDenied
    return quota


def get_delegate(user, pk, delegate_pk):
    """A delegate to edit: staff edit any; a focal point only their unit's, while the list is open."""
    congress = get_congress(user, pk)
    delegate = get_object_or_404(
        Delegate.objects.select_related("quota__organization"), congress=congress, pk=delegate_pk
    )
    delegate.congress = congress
    if user.has_perm("delegates.manage_delegates", congress):
        return delegate
    if delegate.quota is None:
        raise PermissionDenied
    delegate.quota.congress = congress
    if not user.has_perm("delegates.register_unit", delegate.quota):
        raise PermissionDenied
    return delegate


def get_agenda_item(user, pk, session_pk, item_pk, *, manage=False):
    session = get_session(user, pk, session_pk, manage=manage)
    item = get_object_or_404(AgendaItem, session=session, pk=item_pk)
    item.session = session
    return item


def get_presentation(user, pk, session_pk, item_pk):
    """A presentation whose draft this user hands in or reads: staff, or the presenting unit's focal point."""
    from .rules import registered_units

    item = get_agenda_item(user, pk, session_pk, item_pk)
    presentation = get_object_or_404(Presentation.objects.select_related("organization"), item=item)
    presentation.item = item
    congress = item.session.congress
    if not (
        user.has_perm("delegates.manage_delegates", congress)
        or presentation.organization_id in registered_units(user, congress)
    ):
        raise PermissionDenied
    return presentation
