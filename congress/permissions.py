"""Fetch an object for a user or refuse: strangers get 404, read-only users 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Congress, Subcommittee


def get_congress(user, pk, *, manage=False):
    congress = get_object_or_404(Congress.objects.select_related("host", "parent"), pk=pk)
    if not user.has_perm("congress.see_congress", congress):
        raise Http404
    if manage and not user.has_perm("congress.manage_congress", congress):
        raise PermissionDenied
    return congress


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
