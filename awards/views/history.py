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

from ..forms import HistoryImportForm
from ..imports import import_history
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
    records = AwardRecord.objects.select_related("person__organization", "organization", "award_type").order_by(
        "-year", "award_type__order", "person__full_name", "organization__name", "pk"
    )
    filterset = HistoryFilter(request.GET, queryset=records)
    context = awards_context(request, congress, filter=filterset, page=paginate(request, filterset.qs))
    return render(request, "awards/history_list.html", context)


@login_required
def history_import(request, pk):
    congress = get_congress(request.user, pk)
    require(request.user, "awards.manage_awards", congress)
    form = HistoryImportForm(request.POST or None, request.FILES or None)
    result = None
    if form.is_valid():
        result = import_history(form.rows)
        if not result.errors:
            messages.success(
                request,
                ngettext("%(count)s record was imported.", "%(count)s records were imported.", result.created)
                % {"count": result.created},
            )
            if result.duplicates:
                messages.info(request, _("%(count)s rows were already in the history.") % {"count": result.duplicates})
            if result.new_people:
                messages.info(
                    request,
                    _("Added to the directory: %(names)s.") % {"names": ", ".join(result.new_people)},
                )
            return redirect("awards:history", congress.pk)
    context = awards_context(request, congress, form=form, result=result)
    status = 422 if form.is_bound and (form.errors or result) else 200
    return render(request, "awards/history_import.html", context, status=status)
