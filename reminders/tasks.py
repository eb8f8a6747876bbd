"""Celery tasks of the reminders app: thin, keyword-only, safe to run twice."""

from celery import shared_task

from . import delivery, jobs


@shared_task(name="reminders.tasks.task_run_reminders")
def task_run_reminders():
    """The periodic job: plan, compose digests, sweep the outbox (see reminders.jobs)."""
    return jobs.run_reminders()


@shared_task(name="reminders.tasks.task_send_mail", bind=True, max_retries=None, acks_late=False)
def task_send_mail(self, *, mail_id):
    """Send one outbox mail; quietly nothing when it is gone, sent, or another worker has it."""
    outcome = delivery.send(mail_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in, kwargs={"mail_id": mail_id})
    return outcome.status
