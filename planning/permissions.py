"""Fetch a task for a user or refuse: strangers get 404, those who may not act get 403."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from congress.permissions import get_congress

from .models import Task


def get_task(user, congress_pk, task_pk, *, perm=None):
    congress = get_congress(user, congress_pk)
    task = get_object_or_404(
        Task.objects.select_related("parent", "meeting", "deadline_session").prefetch_related(
            "parties__organization", "parties__subcommittee", "assignees"
        ),
        congress=congress,
        pk=task_pk,
    )
    task.congress = congress
    if task.parent:
        task.parent.congress = congress
    if perm and not user.has_perm(perm, task):
        raise PermissionDenied
    return task


def require_task_adder(user, congress):
    if not user.has_perm("planning.add_task", congress):
        raise PermissionDenied
