"""Creating the next congress copies the delegate allocation, the unit quotas and the composition targets."""

import datetime as dt

from congress.models import Congress
from delegates.models import Allocation, CompositionTarget, Delegate, UnitQuota
from planning.clone import copiers
from tests.factories import OrganizationFactory
from tests.planning.test_clone import QUERY, clone_url, source  # noqa: F401  (fixture)


def delegates_of(congress):
    Allocation.objects.create(
        congress=congress,
        total=140,
        guests=35,
        official=105,
        young_age_limit=30,
        registration_deadline=dt.date(2020, 7, 31),
    )
    unit = OrganizationFactory(name="LĐLĐ huyện Ninh Hải", short_name="")
    quota = UnitQuota.objects.create(congress=congress, organization=unit, seats=60, order=2, status="accepted")
    UnitQuota.objects.create(congress=congress, organization=congress.host, seats=45, order=1)
    CompositionTarget.objects.create(congress=congress, criterion="women", min_percent=30, order=1)
    CompositionTarget.objects.create(congress=congress, criterion="sector", sector="worker", min_count=20, order=2)
    Delegate.objects.create(congress=congress, quota=quota, full_name="Nguyễn Văn An", gender="male", birth_year=1980)
    return unit


def test_the_preview_shows_the_allocation_and_the_moved_registration_deadline(
    client_for,
    secretariat,
    source,  # noqa: F811
):
    delegates_of(source)

    html = client_for(secretariat).get(clone_url(source), QUERY).content.decode()

    assert "delegates" in copiers()
    assert "Phân bổ đại biểu và chỉ tiêu cơ cấu" in html
    assert "140 (35 khách mời, 105 chính thức)" in html
    assert "31/07/2020" in html and "26/07/2025" in html  # 20 days before the congress day, both times
    assert "LĐLĐ huyện Ninh Hải" in html and "Chỉ tiêu cơ cấu: Phụ nữ" in html
    assert Congress.objects.count() == 1


def test_creating_the_next_congress_copies_allocation_quotas_and_targets_not_the_delegates(
    client_for,
    secretariat,
    source,  # noqa: F811
):
    unit = delegates_of(source)

    assert client_for(secretariat).post(clone_url(source), QUERY).status_code == 302

    new = Congress.objects.exclude(pk=source.pk).get()
    allocation = Allocation.objects.get(congress=new)
    assert (allocation.total, allocation.guests, allocation.official, allocation.young_age_limit) == (140, 35, 105, 30)
    assert allocation.registration_deadline == dt.date(2025, 7, 26)
    assert list(UnitQuota.objects.filter(congress=new).values_list("organization", "seats", "status")) == [
        (new.host_id, 45, "draft"),
        (unit.pk, 60, "draft"),
    ]
    assert list(
        CompositionTarget.objects.filter(congress=new).values_list("criterion", "sector", "min_percent", "min_count")
    ) == [("women", "", 30, None), ("sector", "worker", None, 20)]
    assert not Delegate.objects.filter(congress=new).exists()
    assert Allocation.objects.filter(congress=source).exists()


def test_the_copy_reads_and_writes_a_fixed_number_of_queries(client_for, secretariat, source):  # noqa: F811
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from planning.clone import next_congress_plan

    delegates_of(source)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            plan = next_congress_plan(source, year=2025, edition=8, new_day=dt.date(2025, 8, 15))
            from planning.clone import clone_congress

            clone_congress(plan, keep_people=False, by=secretariat)
        return len(captured)

    few = queries()
    for number in range(30):
        UnitQuota.objects.create(congress=source, organization=OrganizationFactory(), seats=1, order=10 + number)
    assert queries() == few
