"""Placeholder until this module is written."""

from django.http import Http404


def my_work(request, *args, **kwargs):
    raise Http404


def schedule(request, *args, **kwargs):
    raise Http404
