from django.core.management.base import BaseCommand

from documents.backup import create_backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files (MEDIA_ROOT) into one archive under var/backups/."

    def add_arguments(self, parser):
        parser.add_argument("--out", help="the archive to write (default: var/backups/backup-<time>.tar.gz)")

    def handle(self, *args, out=None, **options):
        path = create_backup(out)
        self.stdout.write(str(path))
