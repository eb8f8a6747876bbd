"""Changing the tasks selected on the schedule or My work: choose the change, confirm the list, done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from congress.models import Person
from congress.rules import prime_roles

from ..bulk import apply_changes, plan_changes
from ..forms_bulk import BulkChangeForm, task_ids
from ..models import Task
from ..selectors import party_prefetch


@login_required
def task_bulk(request):
    data = request.POST if request.method == "POST" else request.GET
    tasks, refused = _selected(request.user, data)
    back = _back(request, data.get("next"))
    form = BulkChangeForm(request.POST or None)
    context = {"tasks": tasks, "refused": refused, "form": form, "back": back}
    if request.method == "POST" and form.is_valid():
        values = form.values()
        changes = plan_changes(tasks, **values, today=timezone.localdate())
        if "confirm" in request.POST:
            count = apply_changes(changes, action=values["action"], by=request.user)
            messages.success(
                request,
                ngettext("%(count)s task was changed.", "%(count)s tasks were changed.", count) % {"count": count},
            )
            return redirect(back)
        context["rows"] = list(zip(tasks, changes, strict=True))
        context["changed"] = sum(change is not None for change in changes)
        return render(request, "planning/task_bulk_confirm.html", context)
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "planning/task_bulk.html", context, status=status)


def _selected(user, data):
    """The selected tasks the user may change, and those they may not; 404 for a task they do not see,
    403 when they may change none."""
    try:
        ids = task_ids(data)
    except ValidationError:
        raise Http404 from None
    assignees = Prefetch("assignees", queryset=Person.objects.only("id", "full_name").order_by("full_name"))
    tasks = list(
        Task.objects.filter(pk__in=ids)
        .select_related("congress", "parent")
        .prefetch_related(party_prefetch(), party_prefetch("parent__"), assignees)
        .order_by("congress__year", "congress_id", "group_month", "number", "pk")
    )
    prime_roles(user)
    if len(tasks) != len(ids) or not all(user.has_perm("congress.see_congress", task.congress) for task in tasks):
        raise Http404
    allowed = [task for task in tasks if user.has_perm("planning.change_task", task)]
    if not allowed:
        raise PermissionDenied
    return allowed, [task for task in tasks if task not in allowed]


def _back(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("planning:my_work")
