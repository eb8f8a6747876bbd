"""The dossier list is kept rendered (planning.cache): every change here renews its congress's version."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from planning import cache

from .models import (
    Attendance,
    AwardRecord,
    AwardType,
    Ballot,
    CouncilMember,
    CouncilSession,
    Nomination,
    NominationEvent,
    NominationFile,
    NominationRound,
    RequiredDocument,
    Vote,
)


def _congress_of_nomination(nomination_id):
    return Nomination.objects.filter(pk=nomination_id).values_list("round__congress_id", flat=True).first()


@receiver([post_save, post_delete], sender=NominationRound)
@receiver([post_save, post_delete], sender=CouncilMember)
def congress_item_changed(sender, instance, **kwargs):
    cache.congress_changed(instance.congress_id)


@receiver([post_save, post_delete], sender=Nomination)
@receiver([post_save, post_delete], sender=CouncilSession)
def round_item_changed(sender, instance, **kwargs):
    congress_id = NominationRound.objects.filter(pk=instance.round_id).values_list("congress_id", flat=True).first()
    cache.congress_changed(congress_id)


@receiver([post_save, post_delete], sender=NominationFile)
@receiver([post_save, post_delete], sender=NominationEvent)
@receiver([post_save, post_delete], sender=Ballot)
def nomination_item_changed(sender, instance, **kwargs):
    cache.congress_changed(_congress_of_nomination(instance.nomination_id))


@receiver([post_save, post_delete], sender=Vote)
def vote_changed(sender, instance, **kwargs):
    congress_id = (
        Ballot.objects.filter(pk=instance.ballot_id).values_list("nomination__round__congress_id", flat=True).first()
    )
    cache.congress_changed(congress_id)


@receiver([post_save, post_delete], sender=Attendance)
def attendance_changed(sender, instance, **kwargs):
    congress_id = (
        CouncilSession.objects.filter(pk=instance.session_id).values_list("round__congress_id", flat=True).first()
    )
    cache.congress_changed(congress_id)


@receiver(m2m_changed, sender=NominationRound.award_types.through)
@receiver(m2m_changed, sender=CouncilSession.nominations.through)
def links_changed(sender, instance, action, **kwargs):
    """A round's award types or a session's agenda; changed from the other side, every congress may show it."""
    if not action.startswith("post_"):
        return
    if isinstance(instance, NominationRound):
        cache.congress_changed(instance.congress_id)
    elif isinstance(instance, CouncilSession):
        round_item_changed(CouncilSession, instance)
    else:
        cache.directory_changed()


@receiver([post_save, post_delete], sender=AwardType)
@receiver([post_save, post_delete], sender=RequiredDocument)
@receiver([post_save, post_delete], sender=AwardRecord)
def shared_item_changed(sender, instance, **kwargs):
    """The catalogue and the award history are read by every congress's list."""
    cache.directory_changed()
