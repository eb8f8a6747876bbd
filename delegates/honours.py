"""Honours given in the programme: the congress's award dossiers approved by the council, proposed
upward or decided, listed under the programme items marked as honours."""

from dataclasses import dataclass

from awards.models import Nomination

GIVEN = [Nomination.Status.APPROVED, Nomination.Status.PROPOSED, Nomination.Status.DECIDED]


@dataclass(frozen=True)
class Honour:
    award: str
    name: str


def honours_of(congress):
    """The honours in award order, then nominee (one query)."""
    nominations = (
        Nomination.objects.filter(round__congress=congress, status__in=GIVEN)
        .select_related("award_type", "person", "organization")
        .order_by("award_type__order", "award_type__name", "pk")
    )
    return [Honour(award=nomination.award_type.name, name=nomination.nominee_name) for nomination in nominations]
