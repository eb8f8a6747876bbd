"""Deadline reminders: who is reminded of what and when, and the mail that tells them.

- `policy`: a congress's rules turned into "which deadlines remind today" (working days, holidays).
- `workdays`: Saturdays, Sundays and Vietnam's public holidays.
- `registry`: how other apps hand their deadlines to the planner.
- `recipients`: who answers for a task or attends a meeting.
- `planner`: the day's `ScheduledReminder` rows, unique by database constraints.
- `digests`: one digest mail per person per day, its subject, bodies and .ics attachment.
- `delivery`: the outbox: sending with retries, sweeping, grace windows, resend and withhold.
- `jobs`: the periodic job that runs all of it, and the dry run.

The database rows are the truth; the broker only carries "send mail 42 now".
"""
