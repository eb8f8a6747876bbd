from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = _("Awards")

    def ready(self):
        from . import reminders, rules, signals  # noqa: F401  (rules registers the permissions)

        reminders.register()
        signals.connect()
