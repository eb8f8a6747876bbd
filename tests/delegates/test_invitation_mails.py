import io

import pytest
from django.core import mail as django_mail
from django.urls import reverse

from delegates.models import Allocation, Delegate, InvitationMail, UnitQuota
from reminders.models import OutboxMail
from tests.factories import CongressSessionFactory, OrganizationFactory
from tests.reminders.helpers import eager_celery  # noqa: F401  (fixture)


@pytest.fixture
def session(congress):
    Allocation.objects.create(congress=congress, total=10, guests=2, official=8)
    unit = OrganizationFactory(name="LĐLĐ huyện Ninh Hải", email="ldld.ninhhai@example.org")
    UnitQuota.objects.create(congress=congress, organization=unit, seats=3, order=1)
    UnitQuota.objects.create(congress=congress, organization=OrganizationFactory(name="Sở Y tế", email=""), order=2)
    Delegate.objects.create(
        congress=congress,
        kind="guest",
        full_name="Lê Văn Hiền",
        gender="male",
        birth_year=1965,
        position="Phó Chủ tịch UBND tỉnh",
        email="lvhien@example.org",
    )
    Delegate.objects.create(congress=congress, kind="guest", full_name="Trần Thị Mai", gender="female", birth_year=1970)
    return CongressSessionFactory(congress=congress, place="Hội trường tỉnh")


def url(session):
    return reverse("delegates:invitations_send", args=[session.congress_id, session.pk])


def test_the_confirmation_lists_who_gets_a_mail_and_who_only_a_printed_letter(client_for, secretariat, session):
    response = client_for(secretariat).get(url(session))

    page = response.content.decode()
    assert response.status_code == 200
    assert "2 giấy mời sẽ được gửi" in page
    assert "lvhien@example.org" in page and "ldld.ninhhai@example.org" in page
    assert page.count("Không có e-mail: chỉ in") == 2
    assert not OutboxMail.objects.exists()


def test_sending_queues_one_mail_with_its_own_pdf_and_sends_it(
    client_for,
    secretariat,
    session,
    eager_celery,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    from pypdf import PdfReader

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(url(session))

    assert response.status_code == 302
    mails = OutboxMail.objects.filter(kind="invitation").order_by("to")
    assert [mail.to for mail in mails] == ["ldld.ninhhai@example.org", "lvhien@example.org"]
    assert {mail.status for mail in mails} == {"sent"}
    assert all(list(mail.congresses.all()) == [session.congress] for mail in mails)
    assert InvitationMail.objects.filter(session=session).count() == 2
    sent = sorted(django_mail.outbox, key=lambda message: message.to[0])
    guest = sent[1]
    assert guest.subject == f"Giấy mời dự {session.congress.name}"
    assert "Kính gửi: Đồng chí Lê Văn Hiền, Phó Chủ tịch UBND tỉnh" in guest.body
    name, data, kind = guest.attachments[0]
    assert kind == "application/pdf" and name.endswith(".pdf")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Kính gửi: Đồng chí Lê Văn Hiền" in text and "GIẤY MỜI" in text
    unit_text = PdfReader(io.BytesIO(sent[0].attachments[0][1])).pages[0].extract_text()
    assert "LĐLĐ huyện Ninh Hải" in unit_text and "03 đại biểu" in unit_text

    # Staff see who was sent what; a second click sends nothing again.
    page = client_for(secretariat).get(url(session)).content.decode()
    assert page.count("Đã gửi") >= 2 and "lvhien@example.org" in page
    with django_capture_on_commit_callbacks(execute=True):
        client_for(secretariat).post(url(session))
    assert OutboxMail.objects.filter(kind="invitation").count() == 2
    detail = client_for(secretariat).get(mails[1].get_absolute_url())
    assert detail.status_code == 200 and "Đồng chí Lê Văn Hiền" in detail.content.decode()
    assert client_for(secretariat).get(reverse("reminders:outbox")).status_code == 200


def test_an_invitation_mail_does_not_block_the_digest_of_the_same_person(session):
    from django.utils import timezone

    from congress.models import Person

    person = Person.objects.create(full_name="Lê Văn Hiền", email="lvhien@example.org")
    day = timezone.localdate()
    common = {"person": person, "to": person.email, "digest_date": day, "not_after": timezone.now()}
    OutboxMail.objects.create(kind="invitation", subject="Giấy mời", **common)
    OutboxMail.objects.create(subject="Nhắc việc", **common)
    assert OutboxMail.objects.filter(person=person).count() == 2


def test_a_stranger_gets_404_and_a_viewer_403(client_for, stranger, viewer, session):
    assert client_for(stranger).get(url(session)).status_code == 404
    assert client_for(viewer).get(url(session)).status_code == 403
    assert client_for(viewer).post(url(session)).status_code == 403
    assert not OutboxMail.objects.exists()


def test_the_confirmation_page_reads_a_fixed_number_of_queries(
    client_for,
    secretariat,
    session,
    eager_celery,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(secretariat)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(session)).status_code == 200
        return len(captured)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session))
    one = queries()
    for number in range(10):
        Delegate.objects.create(
            congress=session.congress,
            kind="guest",
            full_name=f"Khách mời {number}",
            gender="male",
            birth_year=1970,
            email=f"khach{number}@example.org",
        )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(session))
    assert InvitationMail.objects.count() == 12
    assert queries() == one


def sent_rows(session, count, start=0, status="sent"):
    from django.utils import timezone

    for number in range(start, start + count):
        mail = OutboxMail.objects.create(
            kind="invitation",
            to=f"donvi{number}@example.org",
            subject="Giấy mời",
            digest_date=timezone.localdate(),
            not_after=timezone.now(),
            status=status,
        )
        InvitationMail.objects.create(session=session, mail=mail, addressee=f"Đơn vị số {number:03d}")


def sent_table(response):
    assert response.status_code == 200
    return response.content.decode().split("data-sent", 1)[1].split("</table>", 1)[0]


def test_the_invitations_sent_are_listed_fifty_a_page_newest_first(client_for, secretariat, session):
    sent_rows(session, 60)
    client = client_for(secretariat)

    first, second = sent_table(client.get(url(session))), sent_table(client.get(url(session), {"page": 2}))

    assert first.count("<tr>") - 1 == 50 and second.count("<tr>") - 1 == 10
    assert "Đơn vị số 059" in first and "Đơn vị số 009" not in first
    assert "Đơn vị số 009" in second and "Đơn vị số 000" in second


def test_the_invitations_sent_are_searched_filtered_by_status_and_sorted(client_for, secretariat, session):
    sent_rows(session, 3)
    sent_rows(session, 2, start=3, status="failed")
    client = client_for(secretariat)

    found = sent_table(client.get(url(session), {"q": "DON VI SO 004"}))
    failed = sent_table(client.get(url(session), {"status": "failed"}))
    by_name = sent_table(client.get(url(session), {"order": "addressee"}))
    nothing = client.get(url(session), {"q": "không có"}).content.decode()

    assert "Đơn vị số 004" in found and found.count("<tr>") == 2
    assert "Đơn vị số 003" in failed and "Đơn vị số 004" in failed and "Đơn vị số 002" not in failed
    assert by_name.index("Đơn vị số 000") < by_name.index("Đơn vị số 004")
    assert "Không có giấy mời nào khớp với bộ lọc." in nothing


@pytest.mark.parametrize("query", [{}, {"order": "-addressee", "status": "sent"}])
def test_the_invitations_sent_read_a_fixed_number_of_queries_at_one_and_many_rows(
    client_for, secretariat, session, query
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(secretariat)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            sent_table(client.get(url(session), query))
        return len(captured)

    sent_rows(session, 1)
    one = queries()
    sent_rows(session, 79, start=1)
    assert queries() == one
