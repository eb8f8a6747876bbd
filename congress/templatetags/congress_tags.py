"""Small helpers the templates need: links that keep the query string, page ranges, badges."""

from django import template
from django.utils.html import format_html

register = template.Library()

STATUS_BADGES = {
    "planning": "text-bg-secondary",
    "preparing": "text-bg-warning",
    "held": "text-bg-success",
    "closed": "text-bg-dark",
    "cancelled": "text-bg-danger",
}
PAGING_PARAMETERS = {"page", "order"}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced; None removes one.

    Changing anything but the page goes back to the first page.
    """
    query = context["request"].GET.copy()
    if "page" not in changes:
        query.pop("page", None)
    for name, value in changes.items():
        if value is None or value == "":
            query.pop(name, None)
        else:
            query[name] = value
    return f"?{query.urlencode()}" if query else "?"


@register.simple_tag
def page_range(page):
    """Page numbers around the current one, with Paginator.ELLIPSIS for the gaps."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


@register.simple_tag(takes_context=True)
def filters_active(context):
    """Whether the list is narrowed by anything other than paging and sorting."""
    query = context["request"].GET
    return any(value for name, value in query.items() if name not in PAGING_PARAMETERS)


@register.inclusion_tag("_sort_link.html", takes_context=True)
def sort_link(context, field, label):
    """A column header that sorts the list by `field`, and reverses the order when clicked again."""
    current = context["request"].GET.get("order", "")
    ascending = current == field
    return {
        "request": context["request"],
        "label": label,
        "order": f"-{field}" if ascending else field,
        "direction": "up" if ascending else "down" if current == f"-{field}" else "",
    }


@register.filter
def status_badge(status):
    return STATUS_BADGES.get(status, "text-bg-secondary")


@register.filter
def model_name(obj):
    return obj._meta.model_name


@register.filter
def minutes(delta):
    """A timedelta as whole minutes, for "try again in 15 minutes"."""
    return max(1, round(delta.total_seconds() / 60)) if delta else ""


@register.simple_tag(takes_context=True)
def congress_link(context, congress):
    """The congress's name, as a link only when the user may open it (its title is public, its pages are not)."""
    user = context["request"].user
    if user.has_perm("congress.see_congress", congress):
        return format_html('<a href="{}">{}</a>', congress.get_absolute_url(), congress)
    return format_html('<span class="app-congress-closed">{}</span>', congress)


FILTER_CONTROL_CLASSES = {"checkbox": "form-check-input", "select": "form-select form-select-sm"}


@register.filter
def filter_control(field, kind):
    """A filter's widget with Bootstrap's small control classes added to its own (and is-invalid
    when it has errors): what crispy_field gave, without its template machinery on every list."""
    own = field.field.widget.attrs.get("class", "")
    classes = [own, FILTER_CONTROL_CLASSES.get(kind, "form-control form-control-sm")]
    if field.errors:
        classes.append("is-invalid")
    return field.as_widget(attrs={"class": " ".join(name for name in classes if name)})


@register.simple_tag
def tab_url(name, *args):
    """The address of a URL name with these numbers, like {% url %}, from the pattern reversed once
    per process (congress.links.RowLink): a congress page's header has fifteen such links."""
    from ..links import RowLink

    return RowLink(name, len(args))(*args)
