"""Placeholder until this module is written."""

from django.http import Http404


def meeting_list(request, *args, **kwargs):
    raise Http404


def meeting_edit(request, *args, **kwargs):
    raise Http404


def meeting_detail(request, *args, **kwargs):
    raise Http404


def meeting_delete(request, *args, **kwargs):
    raise Http404


def conclusion_edit(request, *args, **kwargs):
    raise Http404


def conclusion_delete(request, *args, **kwargs):
    raise Http404


def conclusion_to_task(request, *args, **kwargs):
    raise Http404
