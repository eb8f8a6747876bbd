from django.core.management.base import BaseCommand

from delegates.demo import load


class Command(BaseCommand):
    help = "Enter the delegates, quotas, composition targets, presidium and programme of seed 003's conference."

    def handle(self, *args, **options):
        load(self.stdout)
