"""Template helpers of the schedule: task text in the list style, status badges."""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents.emphasis import to_html
from documents.liststyle import render_list_text
from documents.vietnamese import month_year

register = template.Library()

TASK_STATUS_BADGES = {
    "not_started": "text-bg-secondary",
    "in_progress": "text-bg-primary",
    "done": "text-bg-success",
    "cancelled": "text-bg-light border",
}


@register.filter
def list_text(text):
    """Task or agenda text as the official list style prints it, escaped."""
    return render_list_text(text or "")


@register.filter
def emphasis(text):
    """A name with its *italic* and **bold** as written, escaped (documents.emphasis)."""
    return to_html(str(text or ""))


@register.filter
def task_status_badge(status):
    return TASK_STATUS_BADGES.get(status, "text-bg-secondary")


@register.filter
def month_heading(month):
    """A schedule's month row: "Tháng 7/2020"; tasks without a date are ongoing."""
    if not month:
        return _("Ongoing or without a date")
    return _("Month %(month)s") % {"month": month_year(month.month, month.year)}


SOURCES = {
    "import": gettext_lazy("pasted from a table"),
    "meeting conclusion": gettext_lazy("made from a meeting conclusion"),
    "previous congress": gettext_lazy("copied from the previous congress"),
}


@register.simple_tag
def event_lines(event):
    """A history entry as (label, before, after) lines; `before` is None where nothing came before."""
    from ..services import TRACKED

    labels = {
        **TRACKED,
        "progress": gettext_lazy("Progress"),
        "files": gettext_lazy("Files"),
        "source": gettext_lazy("Source"),
    }
    lines = []
    for key, value in event.changes.items():
        label = labels.get(key, key)
        if key == "status":
            value = [_status_label(v) for v in value] if isinstance(value, list) else _status_label(value)
        if key == "source":
            lines.append((label, None, SOURCES.get(value, value)))
        elif key == "files":
            lines.append((label, None, ", ".join(value)))
        elif isinstance(value, list) and len(value) == 2:
            lines.append((label, value[0], value[1]))
        elif value:
            lines.append((label, None, value))
    return lines


@register.filter
def any_can_change(tasks):
    """Whether the user may change any task of a list, or any sub-item the list has fetched with it."""
    for task in tasks:
        subitems = getattr(task, "_prefetched_objects_cache", {}).get("subitems", ())
        if any(getattr(item, "can_change", False) for item in [task, *subitems]):
            return True
    return False


@register.filter
def status_label(value):
    return _status_label(value)


def _status_label(value):
    from ..models import Task

    return str(dict(Task.Status.choices).get(value, value))


@register.simple_tag(takes_context=True)
def work_item(context, task, progress_form=None, saved=False):
    """One card of My work (planning.rows.work_item); the progress form, when given, comes from
    its template with the page's context."""
    from ..rows import work_item as card

    request = context["request"]
    back = context.get("next") or request.get_full_path()
    form_html = ""
    if progress_form:
        form_html = render_to_string(
            "planning/_progress_form.html",
            {"task": task, "form": progress_form, "htmx_target": "closest .app-work-item", "next": context.get("next")},
            request=request,
        )
    return card(task, back=back, progress_form_html=form_html, saved=saved)


@register.simple_tag(takes_context=True)
def work_items(context, tasks):
    """Every card of a page of My work (planning.rows.work_items), one after the other."""
    from ..rows import work_items as cards

    return cards(tasks, back=context.get("next") or context["request"].get_full_path(), after="\n    ")


@register.simple_tag
def lead_rows(rows):
    """The rows of a dashboard table of lead bodies (planning.rows.lead_rows)."""
    from ..rows import lead_rows as build

    return build(rows)


@register.simple_tag
def timeline_items(timeline):
    """The columns of the dashboard's timeline (planning.rows.timeline_items)."""
    from ..rows import timeline_items as build

    return build(timeline)


@register.simple_tag
def overdue_rows(tasks, congress_pk):
    """The rows of the dashboard's most overdue work (planning.rows.overdue_rows)."""
    from ..rows import overdue_rows as build

    return build(tasks, congress_pk)


@register.simple_tag
def update_items(updates, congress_pk):
    """The dashboard's latest progress updates (planning.rows.update_items)."""
    from ..rows import update_items as build

    return build(updates, congress_pk)
