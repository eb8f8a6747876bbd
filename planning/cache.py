"""Rendered list pages kept in the cache until what they show changes.

The schedule, the dashboard and My work are read far more often than a task changes. Each
congress has a version token in the cache, and one more token stands for the directory
(organisation and people names appear on every list). A saved or deleted task, party,
progress update, meeting, session or sub-committee gives its congress a new token
(`planning.signals`); a renamed organisation or person gives the directory one. A page's
rendered body is stored under a key made of those tokens and of everything else the body
depends on: the day, the language, the query string, and the user's roles (which decide
the links a row offers). An old body is therefore never found again; it expires on its own.

A token changes at once and again when the transaction commits, so a page read from the old
rows in between is not kept under the new token.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from congress.rules import congress_roles

PREFIX = "planning:v1"
DIRECTORY = f"{PREFIX}:directory"
BODY_TIMEOUT = 60 * 60


def _congress_key(congress_id):
    return f"{PREFIX}:congress:{congress_id}"


def versions(congress_ids):
    """The current token of each congress and of the directory, made up where none is stored."""
    keys = [DIRECTORY, *(_congress_key(pk) for pk in sorted(congress_ids))]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        cache.set_many(missing, None)
    return tuple((found | missing)[key] for key in keys)


def _renew(keys):
    cache.set_many({key: uuid.uuid4().hex for key in keys}, None)


def _renew_now_and_on_commit(keys):
    _renew(keys)
    transaction.on_commit(lambda: _renew(keys))


def congress_changed(congress_id):
    if congress_id is not None:
        _renew_now_and_on_commit([_congress_key(congress_id)])


def directory_changed():
    _renew_now_and_on_commit([DIRECTORY])


def rights(user, congress):
    """What decides the links a page body offers this user: their roles in the congress."""
    return (user.is_superuser, sorted(congress_roles(user, congress), key=repr))


def body_key(page, *, congress_ids, user_part, request, today=None):
    """The cache key of a page body for this request."""
    parts = (
        page,
        versions(congress_ids),
        user_part,
        (today or timezone.localdate()).isoformat(),
        translation.get_language(),
        request.path,
        sorted(request.GET.lists()),
    )
    return f"{PREFIX}:body:{page}:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def cached_body(key, render):
    """The body stored under `key`, rendered by `render()` and stored when missing."""
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, BODY_TIMEOUT)
    return mark_safe(body)  # noqa: S308 - the body is the output of a template that escaped it
