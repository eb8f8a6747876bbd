"""Handing an outbox mail to a Celery worker once the transaction that queued it commits.

The sending task is looked up by name in the Celery app, so the digests and the delivery,
which the tasks module imports, never import the tasks module back.
"""

from celery import current_app

SEND_MAIL = "reminders.tasks.task_send_mail"


def send_on_commit(mail_id):
    current_app.tasks[SEND_MAIL].delay_on_commit(mail_id=mail_id)
