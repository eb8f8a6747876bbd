"""Placeholder until this module is written."""

from django.http import Http404


def lower_level_list(request, *args, **kwargs):
    raise Http404


def lower_level_edit(request, *args, **kwargs):
    raise Http404


def lower_level_delete(request, *args, **kwargs):
    raise Http404
