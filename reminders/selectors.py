"""What other apps may read of the reminders: who was reminded of one of their items."""

from .models import ScheduledReminder


def reminders_of(source, key, *, limit=50):
    """The latest reminders of one registered item, with their person and mail, newest first."""
    return (
        ScheduledReminder.objects.filter(source=source, source_key=key)
        .select_related("person", "mail")
        .order_by("-remind_on", "person__full_name", "pk")[:limit]
    )
