"""The reminder models move here from planning, keeping their tables and every row.

Only the state moves (planning/0006 forgets them); the tables are renamed by 0002.
"""

import datetime

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import reminders.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('congress', '0002_council_member_role'),
        ('planning', '0005_bounded_numbers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='OutboxMail',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('to', models.EmailField(max_length=254, verbose_name='address')),
                    ('digest_date', models.DateField(verbose_name='digest of')),
                    ('subject', models.CharField(max_length=400, verbose_name='subject')),
                    ('body_text', models.TextField(blank=True, verbose_name='text')),
                    ('body_html', models.TextField(blank=True, verbose_name='HTML')),
                    ('calendar', models.TextField(blank=True, verbose_name='calendar attachment')),
                    ('status', models.CharField(choices=[('queued', 'Queued'), ('sending', 'Sending'), ('sent', 'Sent'), ('failed', 'Failed'), ('withheld', 'Withheld'), ('missed', 'Missed')], default='queued', max_length=10, verbose_name='status')),
                    ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                    ('last_error', models.TextField(blank=True, verbose_name='last error')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                    ('enqueued_at', models.DateTimeField(blank=True, null=True, verbose_name='handed to a worker at')),
                    ('next_attempt_at', models.DateTimeField(blank=True, null=True, verbose_name='next attempt at')),
                    ('sending_since', models.DateTimeField(blank=True, null=True, verbose_name='sending since')),
                    ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent at')),
                    ('not_after', models.DateTimeField(verbose_name='send no later than')),
                    ('congresses', models.ManyToManyField(related_name='+', to='congress.congress', verbose_name='congresses')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mails', to='congress.person', verbose_name='recipient')),
                ],
                options={
                    'db_table': 'planning_outboxmail',
                    'verbose_name': 'outbox mail',
                    'verbose_name_plural': 'outbox',
                    'ordering': ['-created_at', '-pk'],
                },
            ),
            migrations.CreateModel(
                name='ReminderPolicy',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('is_active', models.BooleanField(default=True, verbose_name='send reminders')),
                    ('days_before', models.CharField(default='7, 3, 1', help_text='Whole days, separated by commas, for example “7, 3, 1”.', max_length=60, validators=[reminders.models.validate_days_before], verbose_name='days before the deadline')),
                    ('on_the_day', models.BooleanField(default=True, verbose_name='remind on the day')),
                    ('overdue_every_days', models.PositiveSmallIntegerField(default=2, help_text='0 stops reminders once a deadline has passed.', verbose_name='while overdue, remind every (days)')),
                    ('overdue_for_days', models.PositiveSmallIntegerField(default=30, verbose_name='stop reminding after (days overdue)')),
                    ('escalate_after_days', models.PositiveSmallIntegerField(default=5, help_text="To the head of the lead organisation and the board's standing deputy; 0 never escalates.", verbose_name='escalate after (days overdue)')),
                    ('digest_time', models.TimeField(default=datetime.time(7, 30), verbose_name='time of the daily digest')),
                    ('working_days_only', models.BooleanField(default=True, help_text='Saturdays, Sundays and public holidays move a reminder to a working day.', verbose_name='working days only')),
                    ('remind_coordinating', models.BooleanField(default=False, verbose_name='remind coordinating organisations too')),
                    ('remind_meetings', models.BooleanField(default=True, verbose_name='remind participants the day before a meeting')),
                    ('grace_hours', models.PositiveSmallIntegerField(default=12, help_text='A digest that could not go out within this many hours is marked missed, not sent late.', verbose_name='grace window (hours)')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                    ('congress', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_policy', to='congress.congress', verbose_name='congress')),
                ],
                options={
                    'db_table': 'planning_reminderpolicy',
                    'verbose_name': 'reminder policy',
                    'verbose_name_plural': 'reminder policies',
                },
            ),
            migrations.CreateModel(
                name='ReminderPreference',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('choice', models.CharField(choices=[('digest', 'One digest a day'), ('none', 'No e-mail')], default='digest', max_length=10, verbose_name='reminder e-mail')),
                    ('updated_at', models.DateTimeField(auto_now=True, verbose_name='changed at')),
                    ('person', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder_preference', to='congress.person', verbose_name='person')),
                ],
                options={
                    'db_table': 'planning_reminderpreference',
                    'verbose_name': 'reminder preference',
                    'verbose_name_plural': 'reminder preferences',
                },
            ),
            migrations.CreateModel(
                name='ScheduledReminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('kind', models.CharField(choices=[('upcoming', 'Deadline coming'), ('due', 'Due today'), ('overdue', 'Overdue'), ('escalation', 'Escalated: long overdue'), ('meeting', 'Meeting coming')], max_length=12, verbose_name='kind')),
                    ('remind_on', models.DateField(verbose_name='day')),
                    ('deadline', models.DateField(verbose_name='deadline when planned')),
                    ('due_at', models.DateTimeField(verbose_name='due at')),
                    ('not_after', models.DateTimeField(verbose_name='send no later than')),
                    ('source', models.CharField(blank=True, max_length=50, verbose_name='source')),
                    ('source_key', models.CharField(blank=True, max_length=100, verbose_name='key in the source')),
                    ('title', models.CharField(blank=True, max_length=300, verbose_name='title')),
                    ('link', models.CharField(blank=True, max_length=500, verbose_name='link')),
                    ('phrase', models.CharField(blank=True, max_length=120, verbose_name='deadline as written')),
                    ('status', models.CharField(choices=[('pending', 'Pending'), ('mailed', 'In a digest'), ('skipped', 'Not mailed'), ('missed', 'Missed')], default='pending', max_length=10, verbose_name='status')),
                    ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                    ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='planned at')),
                    ('congress', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='congress.congress', verbose_name='congress')),
                    ('mail', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reminders', to='reminders.outboxmail', verbose_name='mail')),
                    ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='planning.meeting', verbose_name='meeting')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='congress.person', verbose_name='person')),
                    ('task', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='planning.task', verbose_name='task')),
                ],
                options={
                    'db_table': 'planning_scheduledreminder',
                    'verbose_name': 'scheduled reminder',
                    'verbose_name_plural': 'scheduled reminders',
                    'ordering': ['-remind_on', 'person', 'pk'],
                },
            ),
            migrations.AddIndex(
                model_name='outboxmail',
                index=models.Index(fields=['status', 'next_attempt_at'], name='planning_outbox_due'),
            ),
            migrations.AddConstraint(
                model_name='outboxmail',
                constraint=models.UniqueConstraint(fields=('person', 'digest_date'), name='planning_outboxmail_one_digest_a_day', violation_error_message='This person already has a digest for this day.'),
            ),
            migrations.AddConstraint(
                model_name='reminderpolicy',
                constraint=models.CheckConstraint(condition=models.Q(('grace_hours__gte', 1), ('grace_hours__lte', 24)), name='planning_reminderpolicy_grace_within_a_day', violation_error_message='The grace window is between 1 and 24 hours.'),
            ),
            migrations.AddConstraint(
                model_name='reminderpolicy',
                constraint=models.CheckConstraint(condition=models.Q(('escalate_after_days__lte', 366), ('overdue_every_days__lte', 31), ('overdue_for_days__lte', 366)), name='planning_reminderpolicy_sensible_days', violation_error_message='Remind at most monthly, and for at most a year after the deadline.'),
            ),
            migrations.AddIndex(
                model_name='scheduledreminder',
                index=models.Index(fields=['status', 'due_at'], name='planning_reminder_due'),
            ),
            migrations.AddConstraint(
                model_name='scheduledreminder',
                constraint=models.UniqueConstraint(condition=models.Q(('task__isnull', False)), fields=('task', 'person', 'kind', 'remind_on'), name='planning_reminder_once_per_task', violation_error_message='This person is already reminded of this task on this day.'),
            ),
            migrations.AddConstraint(
                model_name='scheduledreminder',
                constraint=models.UniqueConstraint(condition=models.Q(('meeting__isnull', False)), fields=('meeting', 'person', 'kind', 'remind_on'), name='planning_reminder_once_per_meeting', violation_error_message='This person is already reminded of this meeting on this day.'),
            ),
            migrations.AddConstraint(
                model_name='scheduledreminder',
                constraint=models.UniqueConstraint(condition=models.Q(('source', ''), _negated=True), fields=('source', 'source_key', 'person', 'kind', 'remind_on'), name='planning_reminder_once_per_item', violation_error_message='This person is already reminded of this item on this day.'),
            ),
            migrations.AddConstraint(
                model_name='scheduledreminder',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('meeting__isnull', True), ('source', ''), ('task__isnull', False)), models.Q(('meeting__isnull', False), ('source', ''), ('task__isnull', True)), models.Q(('meeting__isnull', True), ('source__gt', ''), ('source_key__gt', ''), ('task__isnull', True)), _connector='OR'), name='planning_reminder_of_one_thing', violation_error_message='A reminder is of a task, a meeting or one registered item.'),
            ),
            migrations.AlterField(
                model_name='reminderpolicy',
                name='escalate_after_days',
                field=models.PositiveSmallIntegerField(default=5, help_text="To the head of the lead organisation and the board's standing deputy; 0 never escalates.", validators=[django.core.validators.MaxValueValidator(365)], verbose_name='escalate after (days overdue)'),
            ),
            migrations.AlterField(
                model_name='reminderpolicy',
                name='grace_hours',
                field=models.PositiveSmallIntegerField(default=12, help_text='A digest that could not go out within this many hours is marked missed, not sent late.', validators=[django.core.validators.MaxValueValidator(720)], verbose_name='grace window (hours)'),
            ),
            migrations.AlterField(
                model_name='reminderpolicy',
                name='overdue_every_days',
                field=models.PositiveSmallIntegerField(default=2, help_text='0 stops reminders once a deadline has passed.', validators=[django.core.validators.MaxValueValidator(365)], verbose_name='while overdue, remind every (days)'),
            ),
            migrations.AlterField(
                model_name='reminderpolicy',
                name='overdue_for_days',
                field=models.PositiveSmallIntegerField(default=30, validators=[django.core.validators.MaxValueValidator(365)], verbose_name='stop reminding after (days overdue)'),
            ),
            ],
        ),
    ]
