"""The door page answers a scan in a fixed, small number of queries: the session with the user's roles
in one, one INSERT … SELECT … ON CONFLICT DO NOTHING, the delegate's name with both counts in one."""

try:
    import fcntl
except ImportError:
    fcntl = None

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delegates import services
from delegates.badges import badge_code
from delegates.models import CheckIn, Delegate, UnitQuota
from tests.factories import CongressSessionFactory


def test_a_scan_reads_and_writes_five_queries_four_on_postgresql_whether_new_or_repeated(
    client_for, secretariat, congress
):
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

    # Session and user (2), the session with the roles (1), the insert (1), the name and counts (1);
    # on PostgreSQL the insert and the answer are one statement.
    statements = 4 if connection.vendor == "postgresql" else 5
    assert answers == [(statements, True, 2), (statements, False, 2)]
    assert CheckIn.objects.filter(session=session).count() == 2
    assert CheckIn.objects.get(session=session, delegate=people[1]).method == "qr"


def test_a_scan_by_a_stranger_is_404_and_by_a_read_only_role_403_and_records_nothing(
    client_for, stranger, viewer, focal_point, congress
):
    quota = UnitQuota.objects.create(congress=congress, organization=congress.host, seats=1)
    person = Delegate.objects.create(
        congress=congress, quota=quota, full_name="Lê Văn Nam", gender="male", birth_year=1980
    )
    session = CongressSessionFactory(congress=congress)
    url = reverse("delegates:check_in", args=[congress.pk, session.pk])
    scan = {"code": badge_code(person)}
    json = {"HTTP_ACCEPT": "application/json"}

    assert client_for(stranger).post(url, scan, **json).status_code == 404
    assert client_for(stranger).get(url, {"counts": "1"}, **json).status_code == 404
    assert client_for(viewer).post(url, scan, **json).status_code == 403
    assert client_for(focal_point).post(url, {"delegate": person.pk}).status_code == 403
    assert client_for(viewer).get(url, {"counts": "1"}, **json).status_code == 403
    # A session of another congress under this congress's address is not found either.
    other = CongressSessionFactory()
    elsewhere = reverse("delegates:check_in", args=[congress.pk, other.pk])
    assert client_for(viewer).post(elsewhere, scan, **json).status_code == 404
    assert not CheckIn.objects.exists()


def test_a_name_check_in_of_another_congress_s_delegate_records_nothing(client_for, secretariat, congress):
    session = CongressSessionFactory(congress=congress)
    other = CongressSessionFactory()
    foreign_quota = UnitQuota.objects.create(congress=other.congress, organization=other.congress.host, seats=1)
    foreign = Delegate.objects.create(
        congress=other.congress, quota=foreign_quota, full_name="Người ngoài", gender="male", birth_year=1970
    )
    client = client_for(secretariat)
    url = reverse("delegates:check_in", args=[congress.pk, session.pk])

    answer = client.post(url, {"delegate": foreign.pk}, follow=True).content.decode()
    too_long = client.post(url, {"delegate": "9" * 40}, HTTP_ACCEPT="application/json")

    assert "không hợp lệ" in answer
    assert too_long.status_code == 400
    assert not CheckIn.objects.exists()


@pytest.mark.skipif(connection.vendor != "sqlite" or fcntl is None, reason="SQLite's writers only, on POSIX")
def test_on_sqlite_the_door_s_insert_runs_holding_the_writers_turn_and_hands_it_back(congress, tmp_path, monkeypatch):
    quota = UnitQuota.objects.create(congress=congress, organization=congress.host, seats=1)
    person = Delegate.objects.create(
        congress=congress, quota=quota, full_name="Đại biểu", gender="male", birth_year=1980
    )
    session = CongressSessionFactory(congress=congress)
    # The test database lives in memory; the turn is taken for a database file.
    monkeypatch.setattr(connection, "is_in_memory_db", lambda: False)
    monkeypatch.setitem(connection.settings_dict, "NAME", str(tmp_path / "door.sqlite3"))
    lock_path = tmp_path / "door.sqlite3-door.lock"
    held = []

    def other_process_tries(execute, sql, params, many, context):
        if sql.startswith("INSERT"):
            with open(lock_path, "a+b") as other:  # its own open file, as another process has
                try:
                    fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    held.append(False)
                except BlockingIOError:
                    held.append(True)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(other_process_tries):
        created = services.arrive(session.pk, congress.pk, person.pk, by_id=None, method="qr")

    assert created is True and held == [True]
    with open(lock_path, "a+b") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # handed back: taken without waiting
