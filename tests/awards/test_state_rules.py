"""State rules hold for everyone, the superuser included; the admin changes no record with a state path."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import Nomination, NominationFile
from tests.factories import PDF, UserFactory

Status = Nomination.Status


@pytest.fixture
def superuser(db):
    return UserFactory(username="quantri", is_superuser=True, is_staff=True)


@pytest.fixture
def approved(dossier):
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.APPROVED)
    dossier.refresh_from_db()
    return dossier


def edit_url(nomination):
    return reverse("awards:nomination_edit", args=[nomination.round.congress_id, nomination.pk])


def test_saving_an_approved_dossier_is_refused_for_anyone(approved, superuser):
    approved.achievements = "Sửa sau khi Hội đồng đã xét."

    with pytest.raises(services.TransitionError) as refused:
        services.save_nomination(approved, by=superuser)

    assert refused.value.message == "Hồ sơ đang ở trạng thái “Hội đồng thông qua” thì không thể sửa đổi được nữa."
    approved.refresh_from_db()
    assert approved.achievements != "Sửa sau khi Hội đồng đã xét."


def test_files_of_an_approved_dossier_are_neither_added_nor_removed(approved, superuser):
    from .factories import NominationFileFactory

    kept = NominationFileFactory(nomination=approved)
    requirement = approved.award_type.documents.first()

    with pytest.raises(services.TransitionError):
        services.attach_file(
            approved, requirement=requirement, upload=SimpleUploadedFile("them.pdf", PDF), by=superuser
        )
    with pytest.raises(services.TransitionError):
        services.remove_file(kept)

    assert list(NominationFile.objects.all()) == [kept]


def test_the_superuser_may_not_open_or_post_the_edit_form_of_an_approved_dossier(client_for, superuser, approved):
    client = client_for(superuser)

    assert client.get(edit_url(approved)).status_code == 403
    assert client.post(edit_url(approved), {"achievements": "Sửa"}).status_code == 403
    detail = client.get(reverse("awards:nomination_detail", args=[approved.round.congress_id, approved.pk]))
    assert detail.context["can_change"] is False


def test_the_superuser_still_edits_a_draft(client_for, superuser, dossier):
    assert client_for(superuser).get(edit_url(dossier)).status_code == 200


@pytest.mark.parametrize(
    "model_name",
    [
        "awards.nomination",
        "awards.councilsession",
        "documents.document",
        "documents.issuedversion",
        "documents.renderjob",
    ],
)
def test_the_admin_shows_records_with_a_state_path_read_only(client_for, superuser, approved, model_name):
    from django.apps import apps
    from django.contrib import admin

    model = apps.get_model(model_name)
    model_admin = admin.site._registry[model]
    request = type("Request", (), {"user": superuser})()

    assert (
        model_admin.has_add_permission(request),
        model_admin.has_change_permission(request),
        model_admin.has_delete_permission(request),
        model_admin.has_view_permission(request),
    ) == (False, False, False, True)


def test_posting_the_admin_change_form_of_an_approved_dossier_changes_nothing(client_for, superuser, approved):
    client = client_for(superuser)
    url = reverse("admin:awards_nomination_change", args=[approved.pk])

    page = client.get(url)
    response = client.post(url, {"status": "draft", "achievements": "Sửa qua trang quản trị"})

    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert response.status_code == 403
    approved.refresh_from_db()
    assert approved.status == Status.APPROVED
