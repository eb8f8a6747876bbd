"""Template helpers of the schedule: task text in the list style, status badges."""

from django import template

from ..textformat import render_list_text

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
def task_status_badge(status):
    return TASK_STATUS_BADGES.get(status, "text-bg-secondary")
