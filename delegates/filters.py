"""Filters of the delegate app's lists, as the other lists filter and sort."""

import django_filters
from django.utils.translation import gettext_lazy as _

from congress import search
from congress.filters import SearchFilter, VietnameseOrderingFilter
from congress.widgets import QuickSelect
from reminders.models import OutboxMail

from .models import InvitationMail


class SentInvitationFilter(django_filters.FilterSet):
    """The invitations of a session sent through the outbox: by addressee or e-mail, by how the mail went."""

    q = SearchFilter()
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="mail__status", choices=OutboxMail.Status.choices, widget=QuickSelect
    )
    order = VietnameseOrderingFilter(
        text_fields={"addressee"},
        fields=(("addressee", "addressee"), ("mail__status", "status"), ("mail__created_at", "queued")),
        field_labels={"addressee": _("Addressee"), "mail__status": _("Status"), "mail__created_at": _("Queued at")},
        label=_("Sort by"),
    )

    class Meta:
        model = InvitationMail
        fields = ["q", "status"]

    @property
    def qs(self):
        """Newest first, or as sorted with the newest first among equals: a page never repeats a row."""
        queryset = super().qs
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def filter_search(self, queryset, name, value):
        return queryset.filter(search.matching(["addressee", "mail__to"], value))
