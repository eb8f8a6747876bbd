import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.models import Nomination
from congress.models import CongressRole
from delegates.models import AgendaItem, Presentation
from delegates.reminders import PRESENTATIONS, presentation_deadlines
from reminders import registry
from tests.awards.factories import NominationFactory, NominationRoundFactory, award
from tests.conftest import user_with_role
from tests.factories import PDF, CongressSessionFactory, OrganizationFactory, PersonFactory

DUE = datetime.date(2020, 8, 10)


@pytest.fixture
def unit(congress):
    return OrganizationFactory(name="Công đoàn ngành Giáo dục")


@pytest.fixture
def item(congress, unit):
    session = CongressSessionFactory(congress=congress)
    return AgendaItem.objects.create(
        session=session, order=3, title="Tham luận về phong trào thi đua", organization=unit
    )


@pytest.fixture
def focal(congress, unit):
    return user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=unit)


def args(item):
    return [item.session.congress_id, item.session_id, item.pk]


def assign(client, item, unit, **extra):
    data = {
        "organization": unit.pk,
        "speaker": "Bà Nguyễn Thị Hoa",
        "draft_deadline": "10/08/2020",
        "status": "awaited",
    }
    data.update(extra)
    return client.post(reverse("delegates:presentation_edit", args=args(item)), data)


def test_staff_assign_a_presentation_the_unit_hands_in_its_draft_and_staff_approve_it(
    client_for, secretariat, focal, item, unit, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    staff = client_for(secretariat)
    assert assign(staff, item, unit).status_code == 302
    talk = Presentation.objects.get(item=item)
    assert (talk.status, talk.draft_deadline, talk.speaker) == ("awaited", DUE, "Bà Nguyễn Thị Hoa")
    # Approving with no draft is refused, in Vietnamese.
    refused = assign(staff, item, unit, status="approved")
    assert refused.status_code == 422 and "Chưa nhận được dự thảo" in refused.content.decode()

    page = client_for(focal).get(reverse("delegates:programme", args=args(item)[:2])).content.decode()
    assert 'data-presentation="awaited"' in page and "Nộp dự thảo" in page

    draft = reverse("delegates:presentation_draft", args=args(item))
    upload = SimpleUploadedFile("tham-luan.pdf", PDF, content_type="application/pdf")
    assert client_for(focal).post(draft, {"draft": upload}).status_code == 302
    talk.refresh_from_db()
    assert talk.status == "received" and talk.draft_name == "tham-luan.pdf" and talk.received_at
    download = client_for(focal).get(reverse("delegates:presentation_file", args=args(item)))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF

    staff = client_for(secretariat)
    assert assign(staff, item, unit, status="approved").status_code == 302
    talk.refresh_from_db()
    assert talk.status == "approved"
    page = staff.get(reverse("delegates:programme", args=args(item)[:2])).content.decode()
    assert 'data-presentation="approved"' in page and "Bà Nguyễn Thị Hoa" in page
    printed = staff.get(
        reverse("congress:document_preview", args=[item.session.congress_id, "session-programme", item.session_id])
    ).content.decode()
    assert "Bà Nguyễn Thị Hoa, Công đoàn ngành Giáo dục" in printed


def test_a_draft_that_is_not_what_its_name_says_is_refused(client_for, focal, item, unit, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Presentation.objects.create(item=item, organization=unit)
    fake = SimpleUploadedFile("tham-luan.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    response = client_for(focal).post(reverse("delegates:presentation_draft", args=args(item)), {"draft": fake})

    assert response.status_code == 422
    assert Presentation.objects.get().status == "awaited"


def test_another_units_focal_point_a_viewer_and_a_stranger_cannot_hand_in(
    client_for, congress, item, unit, viewer, stranger
):
    Presentation.objects.create(item=item, organization=unit)
    other = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=OrganizationFactory())
    draft = reverse("delegates:presentation_draft", args=args(item))
    edit = reverse("delegates:presentation_edit", args=args(item))

    assert client_for(other).get(draft).status_code == 403
    assert client_for(viewer).get(draft).status_code == 403
    assert client_for(viewer).get(edit).status_code == 403
    assert client_for(stranger).get(draft).status_code == 404
    assert client_for(stranger).get(edit).status_code == 404


def test_the_presenting_units_focal_points_are_reminded_while_the_draft_is_awaited(congress, item, unit, focal):
    talk = Presentation.objects.create(item=item, organization=unit, draft_deadline=DUE)

    items = list(presentation_deadlines(congress_ids={congress.pk}, due_dates={DUE}))
    assert [(found.due_date, found.recipients) for found in items] == [(DUE, (focal.person.pk,))]
    assert "Tham luận về phong trào thi đua" in items[0].title
    assert PRESENTATIONS in registry.providers()

    talk.status = "received"
    talk.save()
    assert list(presentation_deadlines(congress_ids={congress.pk}, due_dates={DUE})) == []


def test_the_honours_item_lists_the_approved_dossiers_on_screen_and_in_print(client_for, viewer, congress):
    session = CongressSessionFactory(congress=congress)
    AgendaItem.objects.create(session=session, order=5, title="Khen thưởng", honours=True)
    AgendaItem.objects.create(session=session, order=6, title="Bế mạc")
    nomination_round = NominationRoundFactory(congress=congress)
    hero = PersonFactory(full_name="Phạm Văn Dũng")
    NominationFactory(round=nomination_round, person=hero, status=Nomination.Status.APPROVED)
    NominationFactory(
        round=nomination_round,
        person=None,
        organization=OrganizationFactory(name="Trường THPT Chu Văn An"),
        award_type=award("tt_ldxs"),
        status=Nomination.Status.DECIDED,
    )
    NominationFactory(round=nomination_round, person=PersonFactory(full_name="Lê Thị Chưa Duyệt"), status="submitted")

    page = client_for(viewer).get(reverse("delegates:programme", args=[congress.pk, session.pk])).content.decode()
    printed = (
        client_for(viewer)
        .get(reverse("congress:document_preview", args=[congress.pk, "session-programme", session.pk]))
        .content.decode()
    )

    for text in (page, printed):
        assert "Phạm Văn Dũng" in text and "Trường THPT Chu Văn An" in text
        assert "Lê Thị Chưa Duyệt" not in text
    assert page.count("data-honours") == 1


# Removing a presentation from its item -------------------------------------------------------------


def test_staff_remove_a_presentation_from_its_item_after_confirming_and_its_record_and_draft_are_kept(
    client_for, secretariat, focal, item, unit, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    talk = Presentation.objects.create(item=item, organization=unit, speaker="Bà Nguyễn Thị Hoa", draft_deadline=DUE)
    upload = SimpleUploadedFile("tham-luan.pdf", PDF, content_type="application/pdf")
    client_for(focal).post(reverse("delegates:presentation_draft", args=args(item)), {"draft": upload})
    staff = client_for(secretariat)
    remove = reverse("delegates:presentation_remove", args=args(item))
    edit_page = staff.get(reverse("delegates:presentation_edit", args=args(item))).content.decode()
    assert remove in edit_page and "Gỡ khỏi mục chương trình" in edit_page

    # First the question, with what will be removed; nothing changes yet.
    confirm = staff.get(remove)
    page = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Gỡ tham luận khỏi mục chương trình?" in page and "Tham luận về phong trào thi đua" in page
    assert "Công đoàn ngành Giáo dục" in page and "tham-luan.pdf" in page
    assert Presentation.objects.get(pk=talk.pk).item_id == item.pk

    response = staff.post(remove)

    assert response.status_code == 302
    talk.refresh_from_db()
    assert talk.item_id is None and talk.session_id == item.session_id
    assert talk.removed_from == "Tham luận về phong trào thi đua" and talk.removed_by == secretariat
    assert talk.removed_at and talk.draft_name == "tham-luan.pdf" and talk.speaker == "Bà Nguyễn Thị Hoa"
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    # The item no longer shows it, nor reminds the unit; staff see it among the removed, with its draft.
    programme = reverse("delegates:programme", args=args(item)[:2])
    page = staff.get(programme).content.decode()
    assert "data-presentation=" not in page
    removed = page.split("data-removed-presentations", 1)[1].split("</table>", 1)[0]
    assert "Tham luận về phong trào thi đua" in removed and "Bà Nguyễn Thị Hoa" in removed
    file_url = reverse("delegates:presentation_record_file", args=[*args(item)[:2], talk.pk])
    assert file_url in removed
    download = staff.get(file_url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert "data-removed-presentations" not in client_for(focal).get(programme).content.decode()
    assert list(presentation_deadlines(congress_ids={item.session.congress_id}, due_dates={DUE})) == []
    assert client_for(focal).get(reverse("delegates:presentation_draft", args=args(item))).status_code == 404
    # A second removal finds nothing to remove; the item can be given a new presentation.
    staff = client_for(secretariat)  # one test client, signed in as each user in turn
    assert staff.post(remove).status_code == 404
    assert assign(staff, item, unit).status_code == 302
    assert Presentation.objects.filter(session=item.session).count() == 2


def test_a_viewer_and_a_focal_point_get_403_and_a_stranger_404_on_removing(
    client_for, congress, item, unit, viewer, focal, stranger, secretariat
):
    talk = Presentation.objects.create(item=item, organization=unit)
    remove = reverse("delegates:presentation_remove", args=args(item))
    file_url = reverse("delegates:presentation_record_file", args=[*args(item)[:2], talk.pk])

    for user in (viewer, focal):
        assert client_for(user).get(remove).status_code == 403
        assert client_for(user).post(remove).status_code == 403
        assert client_for(user).get(file_url).status_code == 403
    assert client_for(stranger).get(remove).status_code == 404
    assert client_for(stranger).post(remove).status_code == 404
    assert client_for(stranger).get(file_url).status_code == 404
    assert Presentation.objects.get(pk=talk.pk).item_id == item.pk
    # No draft yet: nothing to download, even for staff.
    assert client_for(secretariat).get(file_url).status_code == 404


def test_two_staff_removing_at_once_remove_it_once(secretariat, item, unit):
    from delegates import services

    talk = Presentation.objects.create(item=item, organization=unit)
    stale = Presentation.objects.get(pk=talk.pk)

    services.remove_presentation(talk, by=secretariat)

    with pytest.raises(services.AlreadyRemoved):
        services.remove_presentation(stale, by=secretariat)
    assert Presentation.objects.get(pk=talk.pk).removed_from == "Tham luận về phong trào thi đua"
