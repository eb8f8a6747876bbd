from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from congress.forms import InvitationAwarePasswordResetForm

admin.site.site_header = _("Congress planning system: administration")
admin.site.site_title = _("Administration")
admin.site.index_title = _("Data administration")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="congress:list", permanent=False)),
    # Delegates first (its addresses overlap no other app's): the door's scans, many a second at a
    # congress's opening, are not tried against the other apps' 140 patterns before their own.
    path("", include("delegates.urls")),
    path("congresses/", include("congress.urls")),
    path("", include("planning.urls")),
    path("", include("awards.urls")),
    path("", include("reminders.urls")),
    path("", include("clusters.urls")),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=InvitationAwarePasswordResetForm),
        name="password_reset",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
