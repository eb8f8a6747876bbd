"""The door page answers a scan in a fixed, small number of queries: the session and its congress in
one, the roles, the delegate's name, one INSERT … ON CONFLICT DO NOTHING, both counts in one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delegates.badges import badge_code
from delegates.models import CheckIn, Delegate, UnitQuota
from tests.factories import CongressSessionFactory


def test_a_scan_reads_and_writes_seven_queries_whether_new_or_repeated(client_for, secretariat, congress):
    quota = UnitQuota.objects.create(congress=congress, organization=congress.host, seats=3)
    people = [
        Delegate.objects.create(
            congress=congress, quota=quota, full_name=f"Đại biểu {n}", gender="male", birth_year=1980
        )
        for n in range(3)
    ]
    session = CongressSessionFactory(congress=congress)
    client = client_for(secretariat)
    url = reverse("delegates:check_in", args=[congress.pk, session.pk])
    client.post(url, {"code": badge_code(people[0])}, HTTP_ACCEPT="application/json")

    answers = []
    for person in (people[1], people[1]):
        with CaptureQueriesContext(connection) as captured:
            response = client.post(url, {"code": badge_code(person)}, HTTP_ACCEPT="application/json")
        answers.append((len(captured), response.json()["created"], response.json()["present"]))

    # Session and user (2), the session with its congress (1), the roles (1), the delegate (1),
    # the insert (1), the counts (1).
    assert answers == [(7, True, 2), (7, False, 2)]
    assert CheckIn.objects.filter(session=session).count() == 2
    assert CheckIn.objects.get(session=session, delegate=people[1]).method == "qr"
