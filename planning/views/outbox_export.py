"""The outbox log as Excel: the mails the outbox page's filter shows, every page of them.

Kept apart from views/reminders.py so that it moves with the outbox to the reminders app."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from documents.spreadsheets import dated_name, workbook_bytes, xlsx_response

from ..exports import outbox_sheet
from ..forms_reminders import OutboxFilter
from ..models import OutboxMail
from .reminders import kept_congresses


@login_required
def outbox_export(request):
    mails = OutboxMail.objects.visible_to(request.user)
    filterset = OutboxFilter(
        request.GET,
        queryset=mails.select_related("person").prefetch_related("congresses").order_by("-created_at", "-pk"),
        congresses=kept_congresses(request.user).order_by("-year", "name"),
    )
    return xlsx_response(workbook_bytes([outbox_sheet(filterset.qs)]), dated_name(_("Outbox")))
