from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Tasks and schedule")

    def ready(self):
        from . import reminders, rules, signals  # noqa: F401  (registers the permissions, connects the receivers)

        reminders.register()
