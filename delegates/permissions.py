"""Fetch delegate objects for a user or refuse: strangers 404, read-only roles 403."""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.shortcuts import get_object_or_404

from congress.models import Congress, CongressRole, CongressSession
from congress.permissions import get_congress
from congress.rules import remember_roles

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


def get_door(user, pk, session_pk):
    """(session id, congress id) for a scan at the door, managed by this user: the session row and the
    user's roles in its congress in one statement, the roles then judged by the rules as everywhere
    (strangers 404, read-only roles 403). No model is built: a scan needs only the two ids."""
    quote = connection.ops.quote_name
    session, role = quote(CongressSession._meta.db_table), quote(CongressRole._meta.db_table)
    sql = (
        f"SELECT s.{quote('id')}, r.{quote('role')}, r.{quote('organization_id')}, r.{quote('subcommittee_id')} "
        f"FROM {session} s LEFT JOIN {role} r ON r.{quote('congress_id')} = s.{quote('congress_id')} "
        f"AND r.{quote('user_id')} = %s WHERE s.{quote('id')} = %s AND s.{quote('congress_id')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, session_pk, pk])
        rows = cursor.fetchall()
    if not rows:
        raise Http404
    congress = Congress(pk=pk)
    remember_roles(user, congress.pk, [row[1:] for row in rows if row[1] is not None])
    if not user.has_perm("congress.see_congress", congress):
        raise Http404
    if not user.has_perm("delegates.manage_delegates", congress):
        raise PermissionDenied
    return rows[0][0], congress.pk


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
