"""The award history that eligibility reads: the list and its import from Excel (standing office)."""

import django_filters
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from congress.filters import SearchFilter
from congress.permissions import get_congress
from congress.search import matching
from congress.views.common import paginate
from documents.spreadsheets import SheetRowsForm, dated_name, plain_cell, workbook_bytes, xlsx_response

from ..exports import history_sheet, history_template_sheet
from ..forms import HistoryImportForm
from ..imports import import_history, plan_history
from ..models import AwardRecord
from ..permissions import require
from .common import awards_context


class HistoryFilter(django_filters.FilterSet):
    q = SearchFilter()

    class Meta:
        model = AwardRecord
        fields = ["q", "award_type", "year"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(
            matching(["person__full_name", "organization__name", "person__organization__name"], value)
        )


@login_required
def history_list(request, pk):
    congress = get_congress(request.user, pk)
    require(request.user, "awards.manage_awards", congress)
    filterset = HistoryFilter(request.GET, queryset=_records())
    context = awards_context(request, congress, filter=filterset, page=paginate(request, filterset.qs))
    return render(request, "awards/history_list.html", context)


def _records():
    return AwardRecord.objects.select_related("person__organization", "organization", "award_type").order_by(
        "-year", "award_type__order", "person__full_name", "organization__name", "pk"
    )


@login_required
def history_export(request, pk):
    """The history as the list's filter shows it, in the columns its import reads back."""
    congress = get_congress(request.user, pk)
    require(request.user, "awards.manage_awards", congress)
    records = HistoryFilter(request.GET, queryset=_records()).qs
    return xlsx_response(workbook_bytes([history_sheet(records)]), dated_name(_("Award history")))


@login_required
def history_import_template(request, pk):
    congress = get_congress(request.user, pk)
    require(request.user, "awards.manage_awards", congress)
    return xlsx_response(workbook_bytes([history_template_sheet()]), _("Award history template.xlsx"))


@login_required
def history_import(request, pk):
    """Upload, see each row as it will be recorded, confirm: the preview posts the rows back, and the
    confirmation reads them again before one transaction writes them."""
    congress = get_congress(request.user, pk)
    require(request.user, "awards.manage_awards", congress)
    if request.method == "POST" and request.POST.get("step") == "confirm":
        rows_form = SheetRowsForm(request.POST)
        if rows_form.is_valid():
            plan = plan_history(rows_form.cleaned_data["rows"])
            if plan.is_valid:
                _report(request, import_history(plan))
                return redirect("awards:history", congress.pk)
            return _preview(request, congress, plan, rows_form)
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        rows = [[plain_cell(value) for value in row] for row in form.rows]
        return _preview(request, congress, plan_history(rows), SheetRowsForm(initial={"rows": rows}))
    context = awards_context(request, congress, form=form)
    return render(request, "awards/history_import.html", context, status=422 if form.errors else 200)


def _preview(request, congress, plan, rows_form):
    context = awards_context(request, congress, plan=plan, result=plan, rows_form=rows_form)
    return render(request, "awards/history_import.html", context, status=200 if plan.is_valid else 422)


def _report(request, result):
    messages.success(
        request,
        ngettext("%(count)s record was imported.", "%(count)s records were imported.", result.created)
        % {"count": result.created},
    )
    if result.duplicates:
        messages.info(request, _("%(count)s rows were already in the history.") % {"count": result.duplicates})
    if result.new_people:
        messages.info(request, _("Added to the directory: %(names)s.") % {"names": ", ".join(result.new_people)})
