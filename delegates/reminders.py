"""The delegate registration deadline, handed to the reminder planner through its registry
(reminders.registry).

Reminded: the focal points of every unit whose list is not submitted yet (being registered or
returned), in three queries whatever the number of congresses.
"""

from django.urls import reverse

from congress.models import CongressRole, Person
from documents.vietnamese import short_date
from reminders import registry

from .models import Allocation, Presentation, UnitQuota

SOURCE = "delegates.registration"


def registration_deadlines(*, congress_ids, due_dates):
    allocations = list(
        Allocation.objects.filter(congress_id__in=congress_ids, registration_deadline__in=due_dates).select_related(
            "congress"
        )
    )
    if not allocations:
        return
    ids = {allocation.congress_id for allocation in allocations}
    open_units = {}
    for congress_id, organization_id in UnitQuota.objects.filter(
        congress_id__in=ids, status__in=[UnitQuota.Status.DRAFT, UnitQuota.Status.RETURNED]
    ).values_list("congress_id", "organization_id"):
        open_units.setdefault(congress_id, set()).add(organization_id)
    people = {}
    for congress_id, organization_id, person_id in Person.objects.filter(
        user__congress_roles__congress_id__in=ids, user__congress_roles__role=CongressRole.Role.FOCAL_POINT
    ).values_list("user__congress_roles__congress_id", "user__congress_roles__organization_id", "pk"):
        if organization_id in open_units.get(congress_id, ()):
            people.setdefault(congress_id, set()).add(person_id)
    for allocation in allocations:
        recipients = people.get(allocation.congress_id)
        if recipients:
            yield registry.DeadlineItem(
                key=f"registration-{allocation.congress_id}",
                congress_id=allocation.congress_id,
                due_date=allocation.registration_deadline,
                recipients=tuple(sorted(recipients)),
                title=f"Đăng ký đại biểu dự {allocation.congress.name}",
                link=reverse("delegates:home", args=[allocation.congress_id]),
                phrase=f"Chậm nhất ngày {short_date(allocation.registration_deadline)}",
            )


PRESENTATIONS = "delegates.presentations"


def presentation_deadlines(*, congress_ids, due_dates):
    """The focal points of each unit whose presentation draft is still awaited."""
    presentations = list(
        Presentation.objects.filter(
            item__session__congress_id__in=congress_ids,
            draft_deadline__in=due_dates,
            status=Presentation.Status.AWAITED,
        ).select_related("item__session", "organization")
    )
    if not presentations:
        return
    ids = {presentation.item.session.congress_id for presentation in presentations}
    people = {}
    for congress_id, organization_id, person_id in Person.objects.filter(
        user__congress_roles__congress_id__in=ids, user__congress_roles__role=CongressRole.Role.FOCAL_POINT
    ).values_list("user__congress_roles__congress_id", "user__congress_roles__organization_id", "pk"):
        people.setdefault((congress_id, organization_id), set()).add(person_id)
    for presentation in presentations:
        session = presentation.item.session
        recipients = people.get((session.congress_id, presentation.organization_id))
        if recipients:
            yield registry.DeadlineItem(
                key=f"presentation-{presentation.pk}",
                congress_id=session.congress_id,
                due_date=presentation.draft_deadline,
                recipients=tuple(sorted(recipients)),
                title=f"Gửi dự thảo tham luận “{presentation.item.title}” ({session.name})",
                link=reverse(
                    "delegates:presentation_draft", args=[session.congress_id, session.pk, presentation.item_id]
                ),
                phrase=f"Chậm nhất ngày {short_date(presentation.draft_deadline)}",
            )


def register():
    registry.register(SOURCE, registration_deadlines)
    registry.register(PRESENTATIONS, presentation_deadlines)
