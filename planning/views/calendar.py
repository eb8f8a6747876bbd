"""Placeholder until this module is written."""

from django.http import Http404


def calendar_link(request, *args, **kwargs):
    raise Http404


def calendar_feed(request, *args, **kwargs):
    raise Http404
