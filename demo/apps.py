from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data drawn from the seeds, the live demo congress, and the benchmark harness.

    Above every domain app: it imports them, none imports it."""

    name = "demo"
    verbose_name = _("Demo data")
