"""Create the next congress from a previous one: a preview of the moved dates, then one step to create it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from congress.permissions import get_congress, require_congress_creator
from congress.views.common import paginate
from congress.views.congresses import congress_context

from ..clone import CloneError, clone_congress, next_congress_plan
from ..forms_clone import NextCongressForm

PREVIEW_PAGE_SIZE = 50


@login_required
def congress_clone(request, pk):
    source = get_congress(request.user, pk)
    require_congress_creator(request.user)
    data = request.POST if request.method == "POST" else (request.GET if "year" in request.GET else None)
    form = NextCongressForm(data, source=source)
    plan = _plan(form, source) if form.is_valid() else None
    if plan is not None and request.method == "POST":
        values = form.cleaned_data
        congress = clone_congress(
            plan,
            keep_people=values["keep_people"],
            review_period=values["review_period"],
            next_period=values["next_period"],
            by=request.user,
        )
        messages.success(request, _("“%(name)s” was created from the previous congress.") % {"name": congress.name})
        return redirect("planning:schedule", congress.pk)
    context = congress_context(request, source, "overview")
    context.update(form=form, plan=plan)
    if plan is not None:
        context["page"] = paginate(request, plan.task_rows(), PREVIEW_PAGE_SIZE)
    status = 422 if form.is_bound and form.errors else 200
    return render(request, "planning/congress_clone.html", context, status=status)


def _plan(form, source):
    values = form.cleaned_data
    try:
        return next_congress_plan(source, year=values["year"], edition=values["edition"], new_day=values["new_day"])
    except CloneError as error:
        form.add_error(None, str(error))
        return None
