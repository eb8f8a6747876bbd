from django.core.paginator import Paginator
from django.shortcuts import render

PAGE_SIZE = 25


def paginate(request, queryset, per_page=PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def render_form(request, template, form, conflict=None, **context):
    """Re-render a form; a rejected form answers 422 so nothing typed is lost and the status tells.

    A save refused because someone else saved first (congress/concurrency.py) answers 409 and shows
    both versions.
    """
    if conflict:
        form.instance.refresh_from_db()  # headers show what is saved; the form keeps what the user typed
        return render(request, template, {"form": form, "conflict": conflict, **context}, status=409)
    status = 422 if form.is_bound and form.errors else 200
    if status == 422 and getattr(form, "instance", None) is not None and form.instance.pk:
        # The rejected values stay in the form; headers and breadcrumbs show what is saved.
        form.instance.refresh_from_db()
    return render(request, template, {"form": form, **context}, status=status)
