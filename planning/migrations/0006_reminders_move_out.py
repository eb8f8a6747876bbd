"""The reminder models now belong to the reminders app (reminders/0001 takes them over with
their tables); planning only forgets them here, no table is touched."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0005_bounded_numbers'),
        ('reminders', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='ScheduledReminder'),
                migrations.DeleteModel(name='OutboxMail'),
                migrations.DeleteModel(name='ReminderPolicy'),
                migrations.DeleteModel(name='ReminderPreference'),
            ],
        ),
    ]
