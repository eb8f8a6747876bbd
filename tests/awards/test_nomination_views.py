"""Dossier pages: who sees and changes what, the form, files, and the steps of the path."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from awards.models import Nomination, NominationFile
from congress.models import CongressRole, Person
from tests.conftest import user_with_role

from .factories import PDF, PNG, NominationFactory, NominationFileFactory, attach_mandatory, award

Status = Nomination.Status


def detail_url(nomination):
    return reverse("awards:nomination_detail", args=[nomination.round.congress_id, nomination.pk])


def upload_url(nomination, requirement):
    return reverse("awards:file_upload", args=[nomination.round.congress_id, nomination.pk, requirement.pk])


def action_url(nomination, action):
    return reverse("awards:action", args=[nomination.round.congress_id, nomination.pk, action])


def letter(nomination):
    return nomination.award_type.documents.get(template_code="Mẫu số 01")


# Who sees what --------------------------------------------------------------------------------------


def test_a_stranger_gets_404_everywhere(client_for, stranger, dossier):
    client = client_for(stranger)
    congress_pk = dossier.round.congress_id

    for url in [
        reverse("awards:home", args=[congress_pk]),
        reverse("awards:nomination_list", args=[congress_pk]),
        detail_url(dossier),
        reverse("awards:nomination_edit", args=[congress_pk, dossier.pk]),
        reverse("awards:nomination_create", args=[congress_pk, dossier.round_id]),
    ]:
        assert client.get(url).status_code == 404, url


def test_a_viewer_sees_no_dossier_and_may_not_create_one(client_for, viewer, dossier):
    client = client_for(viewer)
    congress_pk = dossier.round.congress_id

    assert list(client.get(reverse("awards:nomination_list", args=[congress_pk])).context["page"]) == []
    assert client.get(detail_url(dossier)).status_code == 404
    assert client.get(reverse("awards:nomination_create", args=[congress_pk, dossier.round_id])).status_code == 403


def test_a_focal_point_sees_only_its_own_organisations_dossiers(client_for, focal_point, other_focal_point, dossier):
    foreign = NominationFactory(round=dossier.round)

    own_list = client_for(focal_point).get(reverse("awards:nomination_list", args=[dossier.round.congress_id]))
    assert list(own_list.context["page"]) == [dossier]
    assert client_for(focal_point).get(detail_url(foreign)).status_code == 404
    assert client_for(other_focal_point).get(detail_url(dossier)).status_code == 404


def test_a_focal_point_edits_its_dossier_only_until_it_is_submitted(client_for, focal_point, dossier):
    client = client_for(focal_point)
    edit_url = reverse("awards:nomination_edit", args=[dossier.round.congress_id, dossier.pk])
    assert client.get(edit_url).status_code == 200

    Nomination.objects.filter(pk=dossier.pk).update(status=Status.SUBMITTED)

    assert client.get(edit_url).status_code == 403
    assert client.post(upload_url(dossier, letter(dossier)), {}).status_code == 403
    assert client.get(detail_url(dossier)).status_code == 200


def test_a_council_member_sees_dossiers_from_the_council_on_but_never_edits(client_for, council_user, dossier):
    client = client_for(council_user)
    assert client.get(detail_url(dossier)).status_code == 404

    Nomination.objects.filter(pk=dossier.pk).update(status=Status.IN_COUNCIL)

    assert client.get(detail_url(dossier)).status_code == 200
    assert (
        client.get(reverse("awards:nomination_edit", args=[dossier.round.congress_id, dossier.pk])).status_code == 403
    )
    assert client.get(action_url(dossier, "propose")).status_code == 403


# The form ---------------------------------------------------------------------------------------------


def form_data(**overrides):
    return {
        "award_type": award("cstd_tinh").pk,
        "person": "",
        "new_person_name": "Nguyễn Thị Hoa",
        "new_person_gender": "female",
        "new_person_position": "Trưởng phòng",
        "organization": "",
        "household": "",
        "year_from": "2018",
        "year_to": "2020",
        "achievements": "Hoàn thành xuất sắc nhiệm vụ 3 năm liền.",
        "women_share": "",
        **overrides,
    }


def test_a_focal_point_creates_a_dossier_for_a_new_person_of_its_organisation(
    client_for, focal_point, nomination_round
):
    client = client_for(focal_point)
    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])

    response = client.post(url, form_data(proposing_organization=nomination_round.congress.host_id))

    nomination = Nomination.objects.get()
    assert response.url == detail_url(nomination)
    assert (nomination.status, nomination.person.full_name, nomination.person.organization) == (
        Status.DRAFT,
        "Nguyễn Thị Hoa",
        nomination_round.congress.host,
    )
    assert nomination.person.gender == Person.Gender.FEMALE
    assert nomination.events.get().actor == focal_point


def test_a_focal_point_cannot_propose_for_another_organisation(client_for, focal_point, nomination_round):
    from tests.factories import OrganizationFactory

    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])

    response = client_for(focal_point).post(url, form_data(proposing_organization=OrganizationFactory().pk))

    assert response.status_code == 422
    assert "proposing_organization" in response.context["form"].errors
    assert not Nomination.objects.exists()


def test_a_collective_award_needs_a_unit_and_the_typed_text_stays(client_for, secretariat, nomination_round):
    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])
    data = form_data(
        award_type=award("tt_ldxs").pk, new_person_name="", proposing_organization=nomination_round.congress.host_id
    )

    response = client_for(secretariat).post(url, data)

    assert response.status_code == 422
    assert response.context["form"].errors["organization"] == ["Chọn tập thể được đề nghị Tập thể lao động xuất sắc."]
    assert "Hoàn thành xuất sắc nhiệm vụ 3 năm liền." in response.content.decode()


def test_a_collective_award_with_a_new_person_typed_in_is_refused_and_nothing_is_saved(
    client_for, secretariat, nomination_round
):
    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])
    host = nomination_round.congress.host
    people_before = Person.objects.count()
    data = form_data(award_type=award("tt_ldxs").pk, organization=host.pk, proposing_organization=host.pk)

    response = client_for(secretariat).post(url, data)

    assert response.status_code == 422
    assert response.context["form"].errors["new_person_name"] == [
        "Tập thể lao động xuất sắc dành cho đối tượng tập thể: vui lòng để trống ô này."
    ]
    assert (Nomination.objects.count(), Person.objects.count()) == (0, people_before)


def test_an_individual_award_with_a_unit_too_is_refused(client_for, secretariat, nomination_round):
    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])
    host = nomination_round.congress.host

    response = client_for(secretariat).post(url, form_data(organization=host.pk, proposing_organization=host.pk))

    assert response.status_code == 422
    assert list(response.context["form"].errors) == ["organization"]
    assert not Nomination.objects.exists()


# Files ------------------------------------------------------------------------------------------------


def test_a_pdf_is_stored_outside_the_web_root_and_downloaded_by_those_allowed(
    client_for, focal_point, viewer, council_user, dossier, settings
):
    client = client_for(focal_point)

    response = client.post(
        upload_url(dossier, letter(dossier)), {f"doc{letter(dossier).pk}-file": SimpleUploadedFile("to-trinh.pdf", PDF)}
    )

    stored = NominationFile.objects.get()
    assert response.status_code == 302
    assert (stored.name, stored.content_type, stored.requirement) == (
        "to-trinh.pdf",
        "application/pdf",
        letter(dossier),
    )
    assert stored.file.path.startswith(str(settings.MEDIA_ROOT))
    download = reverse("awards:file_download", args=[dossier.round.congress_id, stored.pk])
    assert b"".join(client.get(download).streaming_content) == PDF
    assert client_for(viewer).get(download).status_code == 404
    assert client_for(council_user).get(download).status_code == 404


def test_a_picture_renamed_to_pdf_is_refused_and_the_files_already_there_stay(client_for, focal_point, dossier):
    kept = NominationFileFactory(nomination=dossier, requirement=letter(dossier))
    report = dossier.award_type.documents.get(template_code="Mẫu số 02")

    response = client_for(focal_point).post(
        upload_url(dossier, report), {f"doc{report.pk}-file": SimpleUploadedFile("bao-cao.pdf", PNG)}
    )

    assert response.status_code == 422
    assert (
        "“bao-cao.pdf” không thuộc loại tệp được chấp nhận (PDF, Word (DOC), Word (DOCX)): nội dung của tệp là PNG."
        in response.content.decode()
    )
    assert list(NominationFile.objects.all()) == [kept]


@override_settings(AWARD_FILE_MAX_BYTES=100)
def test_an_oversized_file_is_refused_with_its_size(client_for, focal_point, dossier):
    response = client_for(focal_point).post(
        upload_url(dossier, letter(dossier)),
        {f"doc{letter(dossier).pk}-file": SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4\n" + b"0" * 268)},
    )

    assert response.status_code == 422
    assert "“to-trinh.pdf” có dung lượng 277\xa0byte; mỗi tệp chỉ được tối đa 100\xa0byte." in response.content.decode()
    assert not NominationFile.objects.exists()


def test_a_large_upload_reaches_the_view_as_a_file_on_disk_not_in_memory(client_for, focal_point, dossier, monkeypatch):
    from awards import services

    seen = {}
    real_attach = services.attach_file

    def spy(nomination, *, requirement, upload, by):
        seen["on_disk"] = hasattr(upload, "temporary_file_path")
        return real_attach(nomination, requirement=requirement, upload=upload, by=by)

    monkeypatch.setattr(services, "attach_file", spy)
    big = SimpleUploadedFile("to-trinh.pdf", PDF + b"0" * (20 * 1024 * 1024))

    response = client_for(focal_point).post(
        upload_url(dossier, letter(dossier)), {f"doc{letter(dossier).pk}-file": big}
    )

    assert response.status_code == 302
    assert seen == {"on_disk": True}
    assert NominationFile.objects.get().file.size == len(PDF) + 20 * 1024 * 1024


def test_removing_a_file_asks_first(client_for, focal_point, dossier):
    stored = NominationFileFactory(nomination=dossier, requirement=letter(dossier))
    url = reverse("awards:file_delete", args=[dossier.round.congress_id, stored.pk])
    client = client_for(focal_point)

    assert "Gỡ tệp này khỏi hồ sơ?" in client.get(url).content.decode()
    assert NominationFile.objects.exists()
    client.post(url)
    assert not NominationFile.objects.exists()


# Steps ------------------------------------------------------------------------------------------------


def test_submitting_without_a_mandatory_document_shows_what_is_missing_and_keeps_the_comment(
    client_for, focal_point, dossier
):
    response = client_for(focal_point).post(action_url(dossier, "submit"), {"comment": "Kính gửi Ban TĐKT."})

    page = response.content.decode()
    assert response.status_code == 422
    assert "Hồ sơ còn thiếu thành phần bắt buộc: Tờ trình đề nghị khen thưởng;" in page
    assert "Kính gửi Ban TĐKT." in page
    assert Nomination.objects.get(pk=dossier.pk).status == Status.DRAFT


def make_eligible(dossier):
    from .factories import AwardRecordFactory

    for year in (2018, 2019, 2020):
        AwardRecordFactory(person=dossier.person, award_type=award("cstd_co_so"), year=year)


def test_the_focal_point_submits_and_the_standing_office_returns_and_accepts(
    client_for, focal_point, secretariat, dossier
):
    attach_mandatory(dossier)
    make_eligible(dossier)

    client_for(focal_point).post(action_url(dossier, "submit"), {"comment": ""})
    office = client_for(secretariat)
    office.post(action_url(dossier, "return"), {"comment": "Thiếu biên bản họp."})
    client_for(focal_point).post(action_url(dossier, "submit"), {"comment": "Đã bổ sung."})
    response = client_for(secretariat).post(action_url(dossier, "accept"), {"comment": ""})

    assert response.status_code == 302
    assert list(dossier.events.values_list("to_status", flat=True)) == [
        Status.SUBMITTED,
        Status.RETURNED,
        Status.RESUBMITTED,
        Status.COMPLETE,
    ]


def test_a_focal_point_may_not_return_a_dossier(client_for, focal_point, dossier):
    attach_mandatory(dossier)
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.SUBMITTED)

    assert client_for(focal_point).post(action_url(dossier, "return"), {"comment": "x"}).status_code == 403


def test_the_decision_form_refuses_a_date_before_the_submission(client_for, secretariat, dossier):
    from datetime import UTC, datetime

    make_eligible(dossier)
    Nomination.objects.filter(pk=dossier.pk).update(
        status=Status.PROPOSED, submitted_at=datetime(2020, 7, 20, 9, tzinfo=UTC)
    )

    response = client_for(secretariat).post(
        action_url(dossier, "decide"), {"comment": "", "decision_number": "12/QĐ-UBND", "decision_date": "01/07/2020"}
    )

    assert response.status_code == 422
    assert "Ngày quyết định (01/07/2020) trước ngày nộp hồ sơ (20/07/2020)." in response.content.decode()
    assert "12/QĐ-UBND" in response.content.decode()


def test_an_unknown_step_is_404(client_for, secretariat, dossier):
    assert client_for(secretariat).get(action_url(dossier, "teleport")).status_code == 404


def test_the_dossier_page_shows_eligibility_reasons_from_the_history(client_for, secretariat, dossier):
    from .factories import AwardRecordFactory

    for year in (2018, 2019, 2020):
        AwardRecordFactory(person=dossier.person, award_type=award("cstd_co_so"), year=year)

    page = client_for(secretariat).get(detail_url(dossier)).content.decode()

    assert "CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục" in page


@pytest.mark.parametrize("role", [CongressRole.Role.VIEWER, CongressRole.Role.BOARD_MEMBER])
def test_read_only_roles_may_not_open_the_round_form(client_for, congress, role):
    user = user_with_role(congress, role)

    assert client_for(user).get(reverse("awards:round_create", args=[congress.pk])).status_code == 403


def test_a_new_dossier_starts_with_the_rounds_year_and_the_focal_points_unit(client_for, focal_point, nomination_round):
    url = reverse("awards:nomination_create", args=[nomination_round.congress_id, nomination_round.pk])

    form = client_for(focal_point).get(url).context["form"]

    assert (form["year_from"].value(), form["year_to"].value(), form["proposing_organization"].value()) == (
        2020,
        2020,
        nomination_round.congress.host_id,
    )


def test_accepting_an_ineligible_dossier_asks_first_and_names_the_unmet_conditions(client_for, secretariat, dossier):
    attach_mandatory(dossier)
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.SUBMITTED)
    client = client_for(secretariat)

    page = client.get(action_url(dossier, "accept")).content.decode()
    refused = client.post(action_url(dossier, "accept"), {"comment": "Đủ hồ sơ."})

    assert "Chưa đủ điều kiện" in page and "CSTĐ cơ sở" in page
    assert refused.status_code == 422
    assert "Đủ hồ sơ." in refused.content.decode()
    assert Nomination.objects.get(pk=dossier.pk).status == Status.SUBMITTED


def test_an_override_records_who_went_ahead_and_why(client_for, secretariat, dossier):
    attach_mandatory(dossier)
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.SUBMITTED)

    response = client_for(secretariat).post(
        action_url(dossier, "accept"),
        {"comment": "", "confirm_ineligible": "on", "eligibility_override": "Thành tích đột xuất, Chủ tịch đồng ý."},
    )

    assert response.status_code == 302
    event = dossier.events.get(to_status=Status.COMPLETE)
    assert event.actor == secretariat
    assert event.eligibility_override == "Thành tích đột xuất, Chủ tịch đồng ý."
    page = client_for(secretariat).get(detail_url(dossier)).content.decode()
    assert "Thành tích đột xuất, Chủ tịch đồng ý." in page


def test_the_services_refuse_an_ineligible_decision_without_a_reason_for_everyone(secretariat, dossier):
    from awards import services

    Nomination.objects.filter(pk=dossier.pk).update(status=Status.PROPOSED)
    secretariat.is_superuser = True

    with pytest.raises(services.IneligibleError):
        services.decide(dossier, by=secretariat, decision_number="1/QĐ-UBND", decision_date=datetime.date(2026, 1, 5))


def test_an_eligible_dossier_needs_no_confirmation(client_for, secretariat, dossier):
    attach_mandatory(dossier)
    make_eligible(dossier)
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.SUBMITTED)

    page = client_for(secretariat).get(action_url(dossier, "accept")).content.decode()

    assert "confirm_ineligible" not in page
