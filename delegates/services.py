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
    with connection.cursor() as cursor, writers_in_turn():
        cursor.execute(_insert_sql(), _insert_params(session_id, congress_id, delegate_id, by_id, method))
        return cursor.fetchone() is not None


def door_counts(session_id, congress_id, delegate_id=None):
    """(the name of the congress's delegate with this id or None, {expected, present}) for the door
    page: one statement on indexes (written out: the ORM's compiling costs more than the reading)."""
    with connection.cursor() as cursor:
        cursor.execute(_answer_sql(), [congress_id, delegate_id, congress_id, session_id])
        name, expected, present = cursor.fetchone()
    return name, {"expected": expected, "present": present}


def scan(session_id, congress_id, delegate_id, *, by_id, method):
    """A scan at the door: (recorded now, the delegate's name or None when the congress has no such
    delegate, {expected, present}). PostgreSQL records and answers in one statement (the INSERT as
    a CTE: the answer's snapshot does not see the new row, so it is added to the count); SQLite in
    two, the INSERT taking its writers' turn."""
    if connection.vendor != "postgresql":
        created = arrive(session_id, congress_id, delegate_id, by_id=by_id, method=method)
        return (created, *door_counts(session_id, congress_id, delegate_id))
    # The row this scan found already there may have been committed by another phone after the
    # snapshot began: then it is counted too, as the answer says the delegate is checked in.
    quote = connection.ops.quote_name
    unseen = (
        f"CASE WHEN NOT EXISTS (SELECT 1 FROM new) AND EXISTS (SELECT 1 FROM {quote(Delegate._meta.db_table)} "
        f"WHERE {quote('congress_id')} = %s AND {quote('id')} = %s) AND NOT EXISTS (SELECT 1 FROM "
        f"{quote(CheckIn._meta.db_table)} WHERE {quote('session_id')} = %s AND {quote('delegate_id')} = %s) "
        "THEN 1 ELSE 0 END"
    )
    sql = (
        f"WITH new AS ({_insert_sql()}) {_answer_sql(plus=f'(SELECT COUNT(*) FROM new) + {unseen}')}, "
        "EXISTS (SELECT 1 FROM new)"
    )
    params = _insert_params(session_id, congress_id, delegate_id, by_id, method)
    params += [congress_id, delegate_id, congress_id, session_id, congress_id, delegate_id, session_id, delegate_id]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        name, expected, present, created = cursor.fetchone()
    return created, name, {"expected": expected, "present": present}


def _insert_sql():
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in ("session_id", "delegate_id", "method", "at", "by_id"))
    return (
        f"INSERT INTO {quote(CheckIn._meta.db_table)} ({columns}) "
        f"SELECT %s, {quote('id')}, %s, %s, CAST(%s AS BIGINT) FROM {quote(Delegate._meta.db_table)} "
        f"WHERE {quote('congress_id')} = %s AND {quote('id')} = %s "
        f"ON CONFLICT ({quote('session_id')}, {quote('delegate_id')}) DO NOTHING RETURNING {quote('id')}"
    )


def _insert_params(session_id, congress_id, delegate_id, by_id, method):
    at = connection.ops.adapt_datetimefield_value(timezone.now())
    return [session_id, method, at, by_id, congress_id, delegate_id]


def _answer_sql(plus=""):
    """The delegate's name, the congress's delegates and the session's check-ins (+ `plus`)."""
    quote = connection.ops.quote_name
    delegates, check_ins = quote(Delegate._meta.db_table), quote(CheckIn._meta.db_table)
    congress, identity = quote("congress_id"), quote("id")
    return (
        f"SELECT (SELECT {quote('full_name')} FROM {delegates} WHERE {congress} = %s AND {identity} = %s), "
        f"(SELECT COUNT(*) FROM {delegates} WHERE {congress} = %s), "
        f"(SELECT COUNT(*) FROM {check_ins} WHERE {quote('session_id')} = %s){' + ' + plus if plus else ''}"
    )


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


class AlreadyRemoved(Exception):
    pass


@transaction.atomic
def remove_presentation(presentation, *, by):
    """Take a presentation off its programme item and keep it, with its draft, under the session:
    the item it was on, who removed it and when. The item stays in the programme."""
    from .models import Presentation

    stored = Presentation.objects.select_for_update(of=("self",)).select_related("item").get(pk=presentation.pk)
    if stored.item_id is None:
        raise AlreadyRemoved
    stored.removed_from = stored.item.title[:300]
    stored.session_id = stored.item.session_id
    stored.item = None
    stored.removed_at = timezone.now()
    stored.removed_by = by
    stored.save(update_fields=["item", "session", "removed_from", "removed_at", "removed_by"])
    return stored
