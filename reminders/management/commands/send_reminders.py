"""`manage.py send_reminders`: run the reminder job once, or show what it would do.

    manage.py send_reminders --dry-run --at "10/07/2020 07:30"

prints, for that moment, each person's digest (subject and text) and who would get none and
why, without sending or changing anything. Without --dry-run the job runs as beat runs it:
reminders are planned, digests queued and handed to the workers.
"""

from django import forms
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reminders import jobs


def moment(text):
    try:
        return forms.DateTimeField().clean(text)
    except forms.ValidationError as error:
        raise CommandError(
            _("Cannot read the moment “%(text)s”; write it as 10/07/2020 07:30.") % {"text": text}
        ) from error


class Command(BaseCommand):
    help = "Plan and queue the reminder digests now, or show them with --dry-run."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the digests; send and change nothing.")
        parser.add_argument(
            "--at", help='The moment to plan for, "dd/mm/yyyy HH:MM" (default: now). Only with --dry-run.'
        )

    def handle(self, *args, dry_run, at, **options):
        with translation.override(settings.LANGUAGE_CODE):
            if at and not dry_run:
                raise CommandError(_("--at only goes with --dry-run: real reminders go out at the real time."))
            if dry_run:
                self.dry_run(moment(at) if at else timezone.now())
            else:
                result = jobs.run_reminders()
                self.stdout.write(_("%(planned)s reminders planned, %(queued)s digests queued.") % result)

    def dry_run(self, at):
        local = timezone.localtime(at)
        self.stdout.write(
            _("Reminders at %(moment)s (dry run: nothing is sent or saved)") % {"moment": f"{local:%H:%M %d/%m/%Y}"}
        )
        found = jobs.dry_run(at)
        mails = [digest for digest in found if not digest.skipped]
        for digest in mails:
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {digest.person.full_name} <{digest.person.email}> =="))
            self.stdout.write(_("Subject: %(subject)s") % {"subject": digest.subject})
            self.stdout.write(digest.text.rstrip())
        skipped = [digest for digest in found if digest.skipped]
        if skipped:
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(_("No mail for:")))
            for digest in skipped:
                self.stdout.write(f"- {digest.person.full_name}: {digest.skipped}")
        self.stdout.write("")
        self.stdout.write(
            _("%(mails)s digests, %(skipped)s people without a mail.") % {"mails": len(mails), "skipped": len(skipped)}
        )
