from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from congress.models import Congress, CongressSession, Organization, Person, Subcommittee

from . import cache
from .models import Attachment, Meeting, ProgressUpdate, Task, TaskParty


@receiver(post_save, sender=CongressSession)
def move_relative_deadlines(sender, instance, **kwargs):
    """A deadline such as "10 ngày trước Đại hội" moves when the session moves."""
    relative = Task.objects.filter(congress_id=instance.congress_id, deadline_kind=Task.DeadlineKind.RELATIVE)
    for task in relative.select_related("congress", "deadline_session"):
        task.save(update_fields=["due_date", "group_month"])


# What the cached list pages show (planning.cache): a change gives its congress, or the
# directory, a new version so that no page shows it stale.


def _task_congress(instance, task_id):
    task = instance._state.fields_cache.get("task")
    if task is not None:
        return task.congress_id
    return Task.objects.filter(pk=task_id).values_list("congress_id", flat=True).first()


@receiver([post_save, post_delete], sender=Task)
@receiver([post_save, post_delete], sender=Meeting)
@receiver([post_save, post_delete], sender=CongressSession)
@receiver([post_save, post_delete], sender=Subcommittee)
def congress_item_changed(sender, instance, **kwargs):
    cache.congress_changed(instance.congress_id)


@receiver([post_save, post_delete], sender=TaskParty)
@receiver([post_save, post_delete], sender=ProgressUpdate)
def task_item_changed(sender, instance, **kwargs):
    cache.congress_changed(_task_congress(instance, instance.task_id))


@receiver([post_save, post_delete], sender=Attachment)
def attachment_changed(sender, instance, **kwargs):
    congress_id = (
        ProgressUpdate.objects.filter(pk=instance.update_id).values_list("task__congress_id", flat=True).first()
    )
    cache.congress_changed(congress_id)


@receiver(m2m_changed, sender=Task.assignees.through)
def assignees_changed(sender, instance, action, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Task):
        cache.congress_changed(instance.congress_id)
    else:
        for congress_id in set(Task.objects.filter(pk__in=pk_set or ()).values_list("congress_id", flat=True)):
            cache.congress_changed(congress_id)


@receiver([post_save, post_delete], sender=Congress)
def congress_changed(sender, instance, **kwargs):
    cache.congress_changed(instance.pk)


@receiver([post_save, post_delete], sender=Organization)
@receiver([post_save, post_delete], sender=Person)
def directory_changed(sender, instance, **kwargs):
    cache.directory_changed()


@receiver(post_save, sender=get_user_model())
def user_renamed(sender, instance, update_fields=None, **kwargs):
    """The dashboard names authors by their account when they have no person; a log-in changes nothing shown."""
    if update_fields is None or set(update_fields) - {"last_login", "password"}:
        cache.directory_changed()
