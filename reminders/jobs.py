"""The periodic job (Celery beat, every five minutes) and its dry run.

Any number of these may run at once, on any number of machines: planning inserts with ON
CONFLICT DO NOTHING, composing and sweeping lock rows with SKIP LOCKED, sending claims each
mail under a lock. The rows decide; running the job twice changes nothing the second time.
"""

import logging

from django.utils import timezone

from . import delivery, digests, planner
from .models import OutboxMail

logger = logging.getLogger(__name__)


def run_reminders(now=None):
    """Plan today's reminders, turn the due ones into digests, keep the outbox moving."""
    now = now or timezone.now()
    planned = planner.plan_day(now)
    queued = digests.compose(now)
    swept = delivery.sweep(now)
    logger.info("Reminders: %s planned, %s digests queued, outbox %s", planned, len(queued), swept)
    return {"planned": planned, "queued": len(queued), **swept}


def dry_run(at):
    """The digests the job would make at `at`, unsaved: a list of digests.Digest with their
    text body as `text` (empty for a skipped one)."""
    reminders = planner.preview_day(at)
    day = timezone.localdate(at)
    sent_today = set(
        OutboxMail.objects.filter(digest_date=day, person_id__in={r.person_id for r in reminders}).values_list(
            "person_id", flat=True
        )
    )
    found = digests.Composer(day).digests(reminders, sent_today=sent_today)
    for digest in found:
        digest.text = "" if digest.skipped else digests.render(digest.person, day, digest.reminders, digest.subject)[0]
    return sorted(found, key=lambda digest: (digest.person.full_name, digest.person.pk))
