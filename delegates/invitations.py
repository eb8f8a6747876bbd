"""Invitations sent through the outbox: one mail per guest or unit whose e-mail is known, each with
its own invitation PDF attached; the outbox sends them, retries them and keeps them for the staff."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape

from congress.documents import board_name
from reminders import handover
from reminders.models import OutboxMail

from .documents import addressees, invitation_pdfs
from .models import InvitationMail

ACTIVE = [OutboxMail.Status.QUEUED, OutboxMail.Status.SENDING, OutboxMail.Status.SENT]


@dataclass
class Recipient:
    addressee: str
    email: str
    mailed: bool  # already queued or sent for this session

    @property
    def will_send(self):
        return bool(self.email) and not self.mailed


def recipients(session):
    """Every addressee of the session's invitations, with the e-mail known and whether it was mailed."""
    mailed = set(
        InvitationMail.objects.filter(session=session, mail__status__in=ACTIVE).values_list("addressee", "mail__to")
    )
    return [Recipient(addressee, email, (addressee, email) in mailed) for addressee, email in addressees(session)]


def sent_mails(session):
    return InvitationMail.objects.filter(session=session).select_related("mail").defer("mail__attachment")


def _bodies(session, addressee):
    congress = session.congress
    lines = [
        f"Kính gửi: {addressee}",
        "",
        f"{board_name(congress)} trân trọng kính mời dự {congress.name}.",
    ]
    if session.when_text:
        lines.append(f"Thời gian: {session.when_text}.")
    if session.place:
        lines.append(f"Địa điểm: {session.place}.")
    lines += ["", "Giấy mời được gửi kèm thư này (tệp PDF)."]
    text = "\n".join(lines) + "\n"
    html = "".join(f"<p>{escape(line)}</p>" for line in lines if line)
    return text, html


def _not_after(session, now):
    """An invitation is useless after the session: it may go out until the session's day ends."""
    day = session.planned_date
    if day and day >= timezone.localdate(now):
        end = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=timezone.get_current_timezone())
        return max(end, now + datetime.timedelta(hours=1))
    return now + datetime.timedelta(days=1)


def send_invitations(session, *, by, now=None):
    """Queue one mail with its invitation for each addressee with an e-mail not mailed yet.
    The letters are rendered first, then every row is written in one transaction; the mails are
    handed to the workers when it commits. Returns the number of mails queued."""
    now = now or timezone.now()
    chosen = [recipient for recipient in recipients(session) if recipient.will_send]
    if not chosen:
        return 0
    pdfs = invitation_pdfs(session, [recipient.addressee for recipient in chosen])
    subject = f"Giấy mời dự {session.congress.name}"
    with transaction.atomic():
        mails = []
        for number, recipient in enumerate(chosen, start=1):
            text, html = _bodies(session, recipient.addressee)
            mails.append(
                OutboxMail(
                    kind=OutboxMail.Kind.INVITATION,
                    recipient_name=recipient.addressee[:300],
                    to=recipient.email,
                    digest_date=timezone.localdate(now),
                    subject=subject[:400],
                    body_text=text,
                    body_html=html,
                    attachment=pdfs[recipient.addressee],
                    attachment_name=f"giay-moi-{session.congress_id}-{session.pk}-{number}.pdf",
                    enqueued_at=now,
                    next_attempt_at=now,
                    not_after=_not_after(session, now),
                )
            )
        OutboxMail.objects.bulk_create(mails)
        Through = OutboxMail.congresses.through
        Through.objects.bulk_create(Through(outboxmail_id=mail.pk, congress_id=session.congress_id) for mail in mails)
        InvitationMail.objects.bulk_create(
            InvitationMail(session=session, mail=mail, addressee=recipient.addressee[:300], by=by)
            for recipient, mail in zip(chosen, mails, strict=True)
        )
        for mail in mails:
            handover.send_on_commit(mail.pk)
    return len(mails)
