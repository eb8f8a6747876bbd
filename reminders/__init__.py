"""Deadline reminders: who is reminded of what and when, and the mail that tells them.

- `registry`: how apps (planning, awards) hand their deadlines to the planner; this app
  imports none of them.
- `policy`: a congress's rules turned into "which deadlines remind today" (working days, holidays).
- `workdays`: Saturdays, Sundays and Vietnam's public holidays (the `holidays` package).
- `planner`: the day's `ScheduledReminder` rows, unique by database constraints.
- `digests`: one digest mail per person per day, its subject, bodies and .ics attachment, and
  the one e-mail message of an outbox mail.
- `ical`: calendar events as iCal, for the digests and for planning's calendar feed.
- `delivery`: the outbox: sending with retries, sweeping, grace windows, resend and withhold.
- `handover`: hands a mail to a Celery worker after commit (the task looked up by name).
- `jobs`: the periodic job that runs all of it, and the dry run; `tasks`: its Celery tasks.
- `selectors`: what other apps may read (who was reminded of one of their items).

The database rows are the truth; the broker only carries "send mail 42 now".
"""
