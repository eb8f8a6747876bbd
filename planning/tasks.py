"""Celery tasks of the planning app: thin, keyword-only, safe to run twice."""

from celery import shared_task

from .reminders import delivery, jobs


@shared_task
def task_run_reminders():
    """The periodic job: plan, compose digests, sweep the outbox (see planning.reminders.jobs)."""
    return jobs.run_reminders()


@shared_task(bind=True, max_retries=None, acks_late=False)
def task_send_mail(self, *, mail_id):
    """Send one outbox mail; quietly nothing when it is gone, sent, or another worker has it."""
    outcome = delivery.send(mail_id)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in, kwargs={"mail_id": mail_id})
    return outcome.status
