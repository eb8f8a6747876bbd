from django.db.models.signals import post_save
from django.dispatch import receiver

from congress.models import CongressSession

from .models import Task


@receiver(post_save, sender=CongressSession)
def move_relative_deadlines(sender, instance, **kwargs):
    """A deadline such as "10 ngày trước Đại hội" moves when the session moves."""
    relative = Task.objects.filter(congress_id=instance.congress_id, deadline_kind=Task.DeadlineKind.RELATIVE)
    for task in relative.select_related("congress", "deadline_session"):
        task.save(update_fields=["due_date", "group_month"])
