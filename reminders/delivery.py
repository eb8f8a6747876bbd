"""The outbox: sending one mail, retrying, and the sweeps that keep every mail moving.

A mail is sent by the worker that claims it: under a row lock (SKIP LOCKED) it moves from
queued to sending, commits, and only then talks to the SMTP server, so two workers handed the
same mail send it once. Temporary failures (4xx replies, lost connections, timeouts) go back
to queued with a growing delay; permanent ones (5xx) mark the mail failed. A mail still
"sending" long after any SMTP timeout belongs to a worker that died: it is swept back to
queued. A mail that cannot go out before its `not_after` is marked missed, never sent late.

The row says "sent" as soon as the server accepts the mail, before the connection's goodbye.
The one gap SMTP leaves: a worker killed in the instant between the server's acceptance and
that update sends the mail again once swept back. The mail keeps one Message-ID, so the copy
can be recognised.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import digests, handover
from .models import OutboxMail, ScheduledReminder

Status = OutboxMail.Status
logger = logging.getLogger(__name__)


def setting(name, default):
    return getattr(settings, name, default)


@dataclass(frozen=True)
class Outcome:
    status: str = ""
    retry_in: int | None = None  # seconds, when the mail should be tried again


def backoff(attempts):
    """Seconds before the next attempt: 1, 2, 4, 8… minutes, at most an hour."""
    return min(60 * 2 ** max(attempts - 1, 0), 3600)


def claim(mail_id, now):
    """Move a queued mail to "sending" under a row lock; None when it is not ours to send."""
    with transaction.atomic():
        mail = (
            OutboxMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=Status.QUEUED)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .first()
        )
        if mail is None:
            return None
        if now > mail.not_after:
            mark_missed(OutboxMail.objects.filter(pk=mail.pk))
            return None
        mail.status, mail.sending_since, mail.attempts = Status.SENDING, now, mail.attempts + 1
        mail.save(update_fields=["status", "sending_since", "attempts"])
        return mail


def send(mail_id, *, now=None):
    """Send one outbox mail if it is queued and due; what happened, and when to try again."""
    now = now or timezone.now()
    mail = claim(mail_id, now)
    if mail is None:
        return Outcome()
    # The connection is opened here, so that sending leaves it open: the row says "sent" as
    # soon as the server has accepted the mail, before the goodbye (QUIT). A worker dying or
    # a connection dropping during the goodbye then cannot send the mail a second time.
    connection = get_connection()
    try:
        connection.open()
        found = digests.message(mail)
        found.connection = connection
        found.send()
    except Exception as error:  # noqa: BLE001  (every failure is recorded on the row)
        hang_up(connection)
        return record_failure(mail, error, now)
    OutboxMail.objects.filter(pk=mail.pk, status=Status.SENDING).update(
        status=Status.SENT, sent_at=timezone.now(), sending_since=None, last_error=""
    )
    logger.info("Sent mail %s to %s: %s", mail.pk, mail.to, mail.subject)
    hang_up(connection)
    return Outcome(status=Status.SENT)


def hang_up(connection):
    """Close an SMTP connection; a failed goodbye is logged, as the mail's fate is known already."""
    try:
        connection.close()
    except Exception:  # noqa: BLE001
        logger.warning("The SMTP server's goodbye failed", exc_info=True)


def is_temporary(error):
    """4xx replies, dropped connections and timeouts pass; 5xx replies and anything else do not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return any(400 <= code < 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, smtplib.SMTPServerDisconnected | ConnectionError | TimeoutError | OSError)


def record_failure(mail, error, now):
    text = f"{type(error).__name__}: {error}"[:2000]
    retry = is_temporary(error) and mail.attempts < setting("REMINDER_MAX_ATTEMPTS", 6)
    if retry:
        delay = backoff(mail.attempts)
        fields = {
            "status": Status.QUEUED,
            "next_attempt_at": now + datetime.timedelta(seconds=delay),
            "enqueued_at": now,
        }
    else:
        delay, fields = None, {"status": Status.FAILED}
    OutboxMail.objects.filter(pk=mail.pk, status=Status.SENDING).update(last_error=text, sending_since=None, **fields)
    return Outcome(status=fields["status"], retry_in=delay)


def mark_missed(mails):
    """Mark these mails, and the reminders they carry, missed."""
    ids = list(mails.values_list("pk", flat=True))
    OutboxMail.objects.filter(pk__in=ids).update(status=Status.MISSED, sending_since=None)
    ScheduledReminder.objects.filter(mail_id__in=ids).update(status=ScheduledReminder.Status.MISSED)
    return ids


def sweep(now):
    """Keep every mail moving; returns {"swept": n, "requeued": n, "missed": n}.

    1. Mails queued past their grace window are missed.
    2. Mails "sending" for longer than any SMTP attempt can take go back to the queue.
    3. Queued mails that no worker picked up for a while (a lost broker message, a dead
       worker's prefetch) are handed to a worker again.
    """
    stuck_after = datetime.timedelta(seconds=setting("REMINDER_STUCK_AFTER_SECONDS", 600))
    requeue_after = datetime.timedelta(seconds=setting("REMINDER_REQUEUE_AFTER_SECONDS", 600))
    with transaction.atomic():
        late = OutboxMail.objects.select_for_update(skip_locked=True).filter(status=Status.QUEUED, not_after__lt=now)
        missed = mark_missed(late)
        stuck = list(
            OutboxMail.objects.select_for_update(skip_locked=True)
            .filter(status=Status.SENDING, sending_since__lt=now - stuck_after)
            .values_list("pk", flat=True)
        )
        OutboxMail.objects.filter(pk__in=stuck).update(
            status=Status.QUEUED,
            sending_since=None,
            next_attempt_at=now,
            last_error=_("Swept back: the sending worker stopped."),
        )
        forgotten = list(
            OutboxMail.objects.select_for_update(skip_locked=True)
            .filter(
                status=Status.QUEUED, next_attempt_at__lte=now - requeue_after, enqueued_at__lte=now - requeue_after
            )
            .values_list("pk", flat=True)
        )
        OutboxMail.objects.filter(pk__in=stuck + forgotten).update(enqueued_at=now)
        for mail_id in stuck + forgotten:
            handover.send_on_commit(mail_id)
    return {"swept": len(stuck), "requeued": len(forgotten), "missed": len(missed)}


@transaction.atomic
def resend(mail, *, now=None):
    """Queue a failed, withheld or missed mail again, with a fresh grace window."""
    now = now or timezone.now()
    grace = datetime.timedelta(hours=setting("REMINDER_RESEND_GRACE_HOURS", 12))
    updated = OutboxMail.objects.filter(pk=mail.pk, status__in=Status.resendable()).update(
        status=Status.QUEUED, next_attempt_at=now, enqueued_at=now, not_after=now + grace
    )
    if updated:
        mail.reminders.update(status=ScheduledReminder.Status.MAILED)
        handover.send_on_commit(mail.pk)
    return bool(updated)


@transaction.atomic
def withhold(mail):
    """Keep a queued or failed mail from going out; False when it is sending or gone already."""
    return bool(
        OutboxMail.objects.filter(pk=mail.pk, status__in=[Status.QUEUED, Status.FAILED]).update(status=Status.WITHHELD)
    )
