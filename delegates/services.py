"""Every save that writes more than one row, in one transaction."""

import os
from contextlib import contextmanager

from django.db import connection, transaction
from django.utils import timezone

try:
    import fcntl
except ImportError:  # not on POSIX: SQLite's own busy handler alone
    fcntl = None

from .models import CheckIn, Delegate, DelegateChange, UnitEvent, UnitQuota

TRACKED = [
    "kind",
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "religion",
    "is_religious_dignitary",
    "position",
    "workplace",
    "sector",
    "is_leader",
    "is_hero",
    "is_emulation_fighter",
    "achievements",
    "photo",
    "email",
    "phone",
    "delegation",
]


def _display(delegate, name):
    value = getattr(delegate, name)
    getter = getattr(delegate, f"get_{name}_display", None)
    if getter:
        return str(getter())
    if isinstance(value, bool):
        return "có" if value else "không"
    return str(value or "")


@transaction.atomic
def save_setup(congress, allocation_form, quotas, targets):
    """The cap, the unit quotas and the composition targets, saved together (validated forms)."""
    allocation = allocation_form.save(commit=False)
    allocation.congress = congress
    allocation.save()
    quotas.instance = congress
    quotas.save()
    targets.instance = congress
    targets.save()
    return allocation


@transaction.atomic
def save_delegate(delegate, values, *, by):
    """Create or change a delegate from cleaned values and keep what changed."""
    created = delegate.pk is None
    stored = None if created else Delegate.objects.select_for_update().get(pk=delegate.pk)
    before = {} if created else {name: _display(stored, name) for name in TRACKED}
    for name, value in values.items():
        if name == "photo" and value is None:
            continue  # no new file: keep the stored one
        if name == "photo" and value is False:
            value = ""
        setattr(delegate, name, value)
    delegate.full_clean(exclude=["photo"])
    delegate.save()
    if created:
        summary = "Đăng ký đại biểu"
    else:
        changed = [
            f"{Delegate._meta.get_field(name).verbose_name}: {before[name]} → {_display(delegate, name)}"
            for name in TRACKED
            if before[name] != _display(delegate, name)
        ]
        if not changed:
            return delegate
        summary = "; ".join(changed)
    DelegateChange.objects.create(
        congress_id=delegate.congress_id, delegate=delegate, delegate_name=delegate.full_name, summary=summary, by=by
    )
    return delegate


@transaction.atomic
def delete_delegate(delegate, *, by):
    DelegateChange.objects.create(
        congress_id=delegate.congress_id, delegate=None, delegate_name=delegate.full_name, summary="Xóa đại biểu", by=by
    )
    delegate.delete()


class WrongState(Exception):
    pass


TRANSITIONS = {
    UnitEvent.Action.SUBMITTED: ({UnitQuota.Status.DRAFT, UnitQuota.Status.RETURNED}, UnitQuota.Status.SUBMITTED),
    UnitEvent.Action.RETURNED: ({UnitQuota.Status.SUBMITTED, UnitQuota.Status.ACCEPTED}, UnitQuota.Status.RETURNED),
    UnitEvent.Action.ACCEPTED: ({UnitQuota.Status.SUBMITTED}, UnitQuota.Status.ACCEPTED),
}


@transaction.atomic
def move_unit(quota, action, *, by, note=""):
    """Submit, return or accept a unit's list; the row is locked so two clicks make one event."""
    allowed, target = TRANSITIONS[action]
    locked = UnitQuota.objects.select_for_update().get(pk=quota.pk)
    if locked.status not in allowed:
        raise WrongState(locked.status)
    locked.status = target
    locked.save(update_fields=["status"])
    quota.status = target
    return UnitEvent.objects.create(quota=locked, action=action, note=note, by=by)


def check_in(session, delegate, *, by, method=CheckIn.Method.NAME):
    """Record the delegate's arrival once (see arrive); True when this call recorded it."""
    return arrive(session.pk, session.congress_id, delegate.pk, by_id=by.pk if by else None, method=method)


def arrive(session_id, congress_id, delegate_id, *, by_id, method):
    """Record a delegate of this congress as arrived at the session, once: one INSERT … SELECT … ON
    CONFLICT DO NOTHING on the unique (session, delegate) constraint, in its own short transaction.
    The SELECT reads the delegate only within the congress, so a code of another congress records
    nothing; two phones scanning the same badge at the same instant record one row and the second
    learns it was already there. True when this statement recorded it (SQLite ≥ 3.35 and PostgreSQL
    both return the new id, and nothing on a conflict)."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ("session_id", "delegate_id", "method", "at", "by_id"))
    sql = (
        f"INSERT INTO {quote(CheckIn._meta.db_table)} ({columns}) "
        f"SELECT %s, {quote('id')}, %s, %s, CAST(%s AS BIGINT) FROM {quote(Delegate._meta.db_table)} "
        f"WHERE {quote('congress_id')} = %s AND {quote('id')} = %s "
        f"ON CONFLICT ({quote('session_id')}, {quote('delegate_id')}) DO NOTHING RETURNING {quote('id')}"
    )
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor, writers_in_turn():
        cursor.execute(sql, [session_id, method, at, by_id, congress_id, delegate_id])
        return cursor.fetchone() is not None


_turn_files = {}


@contextmanager
def writers_in_turn():
    """On SQLite, the door's writers in all processes take turns on a lock file beside the database.
    A writer that finds the database locked otherwise sleeps in SQLite's busy handler (1, 2, 5, … up
    to 100 ms a time) however soon the lock is freed: with eight phones on a busy server those
    sleeps, not the writing, were a sixth of the time. A lock waited for here is handed over at once.
    The statement still runs in its own transaction; PostgreSQL needs none of this."""
    if fcntl is None or connection.vendor != "sqlite" or connection.is_in_memory_db():
        yield
        return
    key = (os.getpid(), str(connection.settings_dict["NAME"]))  # a forked child opens its own file
    if key not in _turn_files:
        _turn_files[key] = open(f"{key[1]}-door.lock", "a+b")  # noqa: SIM115 (kept open for the process)
    turn = _turn_files[key]
    fcntl.flock(turn, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(turn, fcntl.LOCK_UN)


@transaction.atomic
def receive_draft(presentation, upload):
    """Store a checked draft file; a new draft is awaited for approval again."""
    from django.utils import timezone

    from .models import Presentation

    old = presentation.draft.name if presentation.draft else ""
    presentation.draft_name = upload.name.rsplit("/", 1)[-1][:255]
    presentation.draft.save(upload.name, upload, save=False)
    presentation.status = Presentation.Status.RECEIVED
    presentation.received_at = timezone.now()
    presentation.save()
    if old and old != presentation.draft.name:
        storage = presentation.draft.storage
        transaction.on_commit(lambda: storage.delete(old))
    return presentation
