"""Badges for dossier statuses and eligibility."""

from django import template

register = template.Library()

BADGES = {
    "draft": "text-bg-secondary",
    "submitted": "text-bg-primary",
    "resubmitted": "text-bg-primary",
    "returned": "text-bg-warning",
    "complete": "text-bg-info",
    "in_council": "text-bg-info",
    "approved": "text-bg-success",
    "not_approved": "text-bg-danger",
    "proposed": "text-bg-success",
    "decided": "text-bg-dark",
    "declined": "text-bg-danger",
}


@register.filter
def nomination_badge(status):
    return BADGES.get(status, "text-bg-secondary")


@register.filter
def percent(value):
    """A share with a decimal comma: 86,7."""
    return f"{value:.1f}".replace(".", ",")
