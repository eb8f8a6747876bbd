"""The rounds' submission deadlines, handed to planning's reminder planner (reminders.registry).

Reminded: the focal points of every unit that still has a dossier of the round being prepared
or returned for revision, in three queries whatever the number of rounds.
"""

from congress.models import CongressRole, Person
from documents.vietnamese import short_date
from reminders import registry

from .models import Nomination, NominationRound

SOURCE = "awards.round"


def submission_deadlines(*, congress_ids, due_dates):
    rounds = list(NominationRound.objects.filter(congress_id__in=congress_ids, deadline__in=due_dates))
    if not rounds:
        return
    unfinished = set(
        Nomination.objects.filter(round__in=rounds, status__in=Nomination.EDITABLE).values_list(
            "round_id", "proposing_organization_id"
        )
    )
    focal = {}
    for congress_id, organization_id, person_id in Person.objects.filter(
        user__congress_roles__congress_id__in={r.congress_id for r in rounds},
        user__congress_roles__role=CongressRole.Role.FOCAL_POINT,
    ).values_list("user__congress_roles__congress_id", "user__congress_roles__organization_id", "pk"):
        focal.setdefault((congress_id, organization_id), set()).add(person_id)
    for nomination_round in rounds:
        people = set()
        for round_id, organization_id in unfinished:
            if round_id == nomination_round.pk:
                people |= focal.get((nomination_round.congress_id, organization_id), set())
        if people:
            yield registry.DeadlineItem(
                key=f"round-{nomination_round.pk}",
                congress_id=nomination_round.congress_id,
                due_date=nomination_round.deadline,
                recipients=tuple(sorted(people)),
                title=f"Nộp hồ sơ đề nghị khen thưởng: {nomination_round.name}",
                link=nomination_round.get_absolute_url(),
                phrase=f"Chậm nhất ngày {short_date(nomination_round.deadline)}",
            )


def register():
    registry.register(SOURCE, submission_deadlines)
