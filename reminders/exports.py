"""The outbox log as an Excel sheet (documents.spreadsheets writes it)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from documents.spreadsheets import Column, Sheet


def outbox_sheet(mails):
    columns = [
        Column(_("Recipient"), 28),
        Column(_("Address"), 30),
        Column(_("Digest of"), 12),
        Column(_("Subject"), 60),
        Column(_("Congresses"), 40),
        Column(_("Status"), 14),
        Column(_("Attempts"), 10),
        Column(_("Sent at"), 18),
        Column(_("Last error"), 40),
    ]

    def cells():
        for mail in mails:
            yield [
                mail.recipient_label,
                mail.to,
                mail.digest_date,
                mail.subject,
                "\n".join(congress.name for congress in mail.congresses.all()),
                mail.get_status_display(),
                mail.attempts,
                timezone.localtime(mail.sent_at).replace(tzinfo=None) if mail.sent_at else None,
                mail.last_error,
            ]

    return Sheet(_("Outbox"), columns, cells())
