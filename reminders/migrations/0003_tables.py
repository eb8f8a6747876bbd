"""The reminder tables take the app's name; a reminder is of one registered item (see 0002)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reminders', '0002_items'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='scheduledreminder',
            name='meeting',
        ),
        migrations.RemoveField(
            model_name='scheduledreminder',
            name='task',
        ),
        migrations.AlterField(
            model_name='scheduledreminder',
            name='source',
            field=models.CharField(max_length=50, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='scheduledreminder',
            name='source_key',
            field=models.CharField(max_length=100, verbose_name='key in the source'),
        ),
        migrations.AddConstraint(
            model_name='outboxmail',
            constraint=models.UniqueConstraint(fields=('person', 'digest_date'), name='reminders_outboxmail_one_digest_a_day', violation_error_message='This person already has a digest for this day.'),
        ),
        migrations.AddConstraint(
            model_name='reminderpolicy',
            constraint=models.CheckConstraint(condition=models.Q(('grace_hours__gte', 1), ('grace_hours__lte', 24)), name='reminders_reminderpolicy_grace_within_a_day', violation_error_message='The grace window is between 1 and 24 hours.'),
        ),
        migrations.AddConstraint(
            model_name='reminderpolicy',
            constraint=models.CheckConstraint(condition=models.Q(('escalate_after_days__lte', 366), ('overdue_every_days__lte', 31), ('overdue_for_days__lte', 366)), name='reminders_reminderpolicy_sensible_days', violation_error_message='Remind at most monthly, and for at most a year after the deadline.'),
        ),
        migrations.AddConstraint(
            model_name='scheduledreminder',
            constraint=models.UniqueConstraint(fields=('source', 'source_key', 'person', 'kind', 'remind_on'), name='reminders_reminder_once_per_item', violation_error_message='This person is already reminded of this item on this day.'),
        ),
        migrations.AddConstraint(
            model_name='scheduledreminder',
            constraint=models.CheckConstraint(condition=models.Q(('source__gt', ''), ('source_key__gt', '')), name='reminders_reminder_of_one_item', violation_error_message='A reminder is of one registered item.'),
        ),
        migrations.AlterModelTable(
            name='outboxmail',
            table=None,
        ),
        migrations.AlterModelTable(
            name='reminderpolicy',
            table=None,
        ),
        migrations.AlterModelTable(
            name='reminderpreference',
            table=None,
        ),
        migrations.AlterModelTable(
            name='scheduledreminder',
            table=None,
        ),
    ]
