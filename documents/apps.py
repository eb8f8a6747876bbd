from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Official documents")

    def ready(self):
        # Each domain app declares its documents in <app>/documents.py (see documents/layer.py).
        autodiscover_modules("documents")
