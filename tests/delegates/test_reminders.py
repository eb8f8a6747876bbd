import datetime

from congress.models import CongressRole
from delegates.models import Allocation, UnitQuota
from delegates.reminders import SOURCE, registration_deadlines
from reminders import registry
from tests.conftest import user_with_role
from tests.factories import OrganizationFactory

DUE = datetime.date(2020, 6, 30)


def test_the_focal_points_of_units_not_yet_submitted_are_reminded_of_the_deadline(congress):
    Allocation.objects.create(congress=congress, total=10, guests=2, official=8, registration_deadline=DUE)
    late, done = OrganizationFactory(), OrganizationFactory()
    UnitQuota.objects.create(congress=congress, organization=late, seats=4, status="returned")
    UnitQuota.objects.create(congress=congress, organization=done, seats=4, status="submitted")
    reminded = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=late)
    user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=done)

    items = list(registration_deadlines(congress_ids={congress.pk}, due_dates={DUE}))
    other_day = list(registration_deadlines(congress_ids={congress.pk}, due_dates={DUE.replace(day=29)}))

    assert [(item.due_date, item.recipients) for item in items] == [(DUE, (reminded.person.pk,))]
    assert items[0].phrase == "Chậm nhất ngày 30/6/2020"
    assert other_day == []
    assert SOURCE in registry.providers()
