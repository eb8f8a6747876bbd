from django.core.management.base import BaseCommand, CommandError

from documents.backup import RestoreError, restore_backup


class Command(BaseCommand):
    help = "Restore an archive of `manage.py backup` into an empty, migrated database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(archive)
        except RestoreError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {manifest['rows']} rows and {len(manifest['files'])} files from {manifest['created_at']}; "
            "every issued document matches its SHA-256."
        )
