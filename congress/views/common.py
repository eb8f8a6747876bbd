from django.core.paginator import Paginator
from django.db.models import Count, Window
from django.shortcuts import render

PAGE_SIZE = 25


def paginate(request, queryset, per_page=PAGE_SIZE):
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class OnePassPaginator(Paginator):
    """Reads a page's keys and the total in one narrow query, then the page's rows by key.

    For a list whose order the database can only give by sorting every matching row (an order on
    an expression, across joins), that sort reads them all anyway: `COUNT(*) OVER ()` rides along
    instead of a second COUNT that would read them all again, and the sort carries keys only, not
    whole rows. `fetch(keys)` returns the page's objects (with what the page prefetches); they are
    put back in the list's order. Past the last page, or for a DISTINCT list, it counts as Django's
    paginator does.
    """

    def __init__(self, object_list, per_page, *, fetch):
        super().__init__(object_list, per_page)
        self.fetch = fetch

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        if number >= 1 and not self.object_list.query.distinct:  # a window would count rows before DISTINCT
            bottom = (number - 1) * self.per_page
            keys = self.object_list.annotate(page_total=Window(Count("*"))).values_list("pk", "page_total")
            keys = list(keys[bottom : bottom + self.per_page])
            if keys:
                self.__dict__["count"] = keys[0][1]
                return self._get_page(self.rows(key for key, _total in keys), number, self)
        page = super().get_page(number)  # past the end, or DISTINCT: count, then the page
        page.object_list = self.rows(page.object_list.values_list("pk", flat=True))
        return page

    def rows(self, keys):
        keys = list(keys)
        by_key = {row.pk: row for row in self.fetch(keys)}
        return [by_key[key] for key in keys if key in by_key]


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
