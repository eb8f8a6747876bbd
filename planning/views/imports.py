"""Placeholder until this module is written."""

from django.http import Http404


def task_import(request, *args, **kwargs):
    raise Http404
