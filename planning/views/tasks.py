"""Placeholder until this module is written."""

from django.http import Http404


def task_edit(request, *args, **kwargs):
    raise Http404


def task_detail(request, *args, **kwargs):
    raise Http404


def task_delete(request, *args, **kwargs):
    raise Http404


def progress_create(request, *args, **kwargs):
    raise Http404


def attachment_download(request, *args, **kwargs):
    raise Http404
