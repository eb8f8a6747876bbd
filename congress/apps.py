from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class CongressConfig(AppConfig):
    name = "congress"
    verbose_name = _("Congresses and directory")

    def ready(self):
        from . import lookups, search  # noqa: F401 - lookups registers itself

        connection_created.connect(search.install_on_sqlite, dispatch_uid="congress.search.install_on_sqlite")
