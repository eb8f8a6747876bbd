from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClustersConfig(AppConfig):
    name = "clusters"
    verbose_name = _("Emulation clusters and blocks")

    def ready(self):
        from . import reminders, rules  # noqa: F401  (rules registers the permissions)

        reminders.register()
