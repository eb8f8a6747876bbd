from django.core.management.base import BaseCommand

from clusters.demo import load


class Command(BaseCommand):
    help = "Add the demo emulation cluster (five provinces, last year agreed, this year in progress), once."

    def handle(self, *args, **options):
        load(self.stdout)
