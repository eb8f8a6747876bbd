from celery import shared_task

from .models import RenderJob
from .services import run_render_job


@shared_task
def render_document_job(*, job_id):
    """Render a long document in a worker; quietly done if the job is gone or already finished."""
    job = RenderJob.objects.select_related("document").filter(pk=job_id).first()
    if job is None or job.is_finished:
        return
    run_render_job(job)
