"""Every reminder becomes a reminder of a registered item: planning's task and meeting reminders
keep their rows, now as ("planning.task", "task-<id>") and ("planning.meeting", "meeting-<id>")
with the title and link they had, and the reminder tables take the app's name (0003)."""

from django.db import migrations, models

TASKS, MEETINGS = "planning.task", "planning.meeting"


def first_line(task):
    for line in (task.content or "").splitlines():
        if line.strip():
            return line.lstrip("-+ ").strip()
    return first_line(task.parent) if task.parent_id else ""


def to_items(apps, schema_editor):
    Reminder = apps.get_model("reminders", "ScheduledReminder")
    for reminder in Reminder.objects.filter(task__isnull=False).select_related("task__parent").iterator():
        task = reminder.task
        number = f"{task.parent.number}.{task.number}" if task.parent_id else str(task.number)
        reminder.source, reminder.source_key = TASKS, f"task-{task.pk}"
        reminder.title = (first_line(task) or f"Nhiệm vụ {number}")[:300]
        reminder.link = f"/congresses/{task.congress_id}/tasks/{task.pk}/"
        reminder.phrase = task.deadline_phrase[:120]
        reminder.details = {"category": "task", "number": number}
        reminder.save(update_fields=["source", "source_key", "title", "link", "phrase", "details"])
    for reminder in Reminder.objects.filter(meeting__isnull=False).select_related("meeting").iterator():
        meeting = reminder.meeting
        reminder.source, reminder.source_key = MEETINGS, f"meeting-{meeting.pk}"
        reminder.title = meeting.title[:300]
        reminder.link = f"/congresses/{meeting.congress_id}/meetings/{meeting.pk}/"
        reminder.details = {"category": "meeting", "place": meeting.place}
        reminder.save(update_fields=["source", "source_key", "title", "link", "details"])


def from_items(apps, schema_editor):
    Reminder = apps.get_model("reminders", "ScheduledReminder")
    Task, Meeting = apps.get_model("planning", "Task"), apps.get_model("planning", "Meeting")
    for source, prefix, model, field in ((TASKS, "task-", Task, "task_id"), (MEETINGS, "meeting-", Meeting, "meeting_id")):
        rows = Reminder.objects.filter(source=source)
        existing = set(model.objects.values_list("pk", flat=True))
        for reminder in rows.iterator():
            pk = int(reminder.source_key.removeprefix(prefix))
            if pk not in existing:
                reminder.delete()
                continue
            setattr(reminder, field, pk)
            reminder.source = reminder.source_key = ""
            reminder.save()



class Migration(migrations.Migration):

    dependencies = [
        ('congress', '0005_bounded_numbers'),
        ('planning', '0005_bounded_numbers'),
        ('reminders', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='outboxmail',
            name='planning_outboxmail_one_digest_a_day',
        ),
        migrations.RemoveConstraint(
            model_name='reminderpolicy',
            name='planning_reminderpolicy_grace_within_a_day',
        ),
        migrations.RemoveConstraint(
            model_name='reminderpolicy',
            name='planning_reminderpolicy_sensible_days',
        ),
        migrations.RemoveConstraint(
            model_name='scheduledreminder',
            name='planning_reminder_once_per_task',
        ),
        migrations.RemoveConstraint(
            model_name='scheduledreminder',
            name='planning_reminder_once_per_meeting',
        ),
        migrations.RemoveConstraint(
            model_name='scheduledreminder',
            name='planning_reminder_once_per_item',
        ),
        migrations.RemoveConstraint(
            model_name='scheduledreminder',
            name='planning_reminder_of_one_thing',
        ),
        migrations.RenameIndex(
            model_name='outboxmail',
            new_name='reminders_outbox_due',
            old_name='planning_outbox_due',
        ),
        migrations.RenameIndex(
            model_name='scheduledreminder',
            new_name='reminders_reminder_due',
            old_name='planning_reminder_due',
        ),
        migrations.AddField(
            model_name='scheduledreminder',
            name='details',
            field=models.JSONField(blank=True, default=dict, verbose_name='details'),
        ),
        migrations.RunPython(to_items, from_items),
    ]
