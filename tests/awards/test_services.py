"""The status path of a dossier: each step checks what it needs, refuses the rest, and is logged."""

import datetime as dt

import pytest
from django.utils import timezone

from awards import services
from awards.models import Nomination
from tests.factories import PersonFactory

from .factories import AwardRecordFactory, NominationFactory, attach_mandatory, award

Status = Nomination.Status


def history(nomination):
    return list(nomination.events.values_list("from_status", "to_status", "comment"))


def test_a_new_dossier_is_a_draft_and_its_history_says_who_created_it(nomination_round, focal_point):
    nomination = NominationFactory.build(
        round=nomination_round, proposing_organization=nomination_round.congress.host, person=PersonFactory()
    )

    services.save_nomination(nomination, by=focal_point)

    event = nomination.events.get()
    assert (nomination.status, event.actor, event.to_status, event.comment) == (
        Status.DRAFT,
        focal_point,
        Status.DRAFT,
        "Tạo hồ sơ.",
    )


def test_a_dossier_and_its_new_person_are_saved_together_or_not_at_all(nomination_round, focal_point):
    from django.db import IntegrityError

    from congress.models import Person
    from tests.factories import OrganizationFactory

    people_before = Person.objects.count()
    nomination = NominationFactory.build(
        round=nomination_round,
        proposing_organization=nomination_round.congress.host,
        organization=OrganizationFactory(),
    )

    with pytest.raises(IntegrityError):
        services.save_nomination(
            nomination, by=focal_point, new_person={"full_name": "Lê Văn A", "gender": "male", "position": ""}
        )

    assert (Person.objects.count(), Nomination.objects.count()) == (people_before, 0)


def test_submitting_without_every_mandatory_document_is_refused_and_nothing_changes(dossier, focal_point):
    with pytest.raises(services.TransitionError) as refused:
        services.submit(dossier, by=focal_point)

    assert refused.value.message.startswith("Hồ sơ còn thiếu thành phần bắt buộc: Tờ trình đề nghị khen thưởng;")
    dossier.refresh_from_db()
    assert (dossier.status, dossier.submitted_at) == (Status.DRAFT, None)


def test_the_whole_path_from_draft_to_decision_is_logged(dossier, focal_point, secretariat):
    attach_mandatory(dossier)
    for year in (2018, 2019, 2020):
        AwardRecordFactory(person=dossier.person, award_type=award("cstd_co_so"), year=year)

    services.submit(dossier, by=focal_point)
    services.return_for_revision(dossier, by=secretariat, comment="Thiếu biên bản họp Hội đồng.")
    services.submit(dossier, by=focal_point, comment="Đã bổ sung biên bản.")
    services.accept(dossier, by=secretariat)
    Nomination.objects.filter(pk=dossier.pk).update(status=Status.APPROVED)  # the council's part, tested elsewhere
    dossier.status = Status.APPROVED
    services.propose(dossier, by=secretariat)
    services.decide(
        dossier, by=secretariat, decision_number="1234/QĐ-UBND", decision_date=timezone.localdate(), comment=""
    )

    dossier.refresh_from_db()
    assert (dossier.status, dossier.decision_number) == (Status.DECIDED, "1234/QĐ-UBND")
    assert history(dossier) == [
        (Status.DRAFT, Status.SUBMITTED, ""),
        (Status.SUBMITTED, Status.RETURNED, "Thiếu biên bản họp Hội đồng."),
        (Status.RETURNED, Status.RESUBMITTED, "Đã bổ sung biên bản."),
        (Status.RESUBMITTED, Status.COMPLETE, ""),
        (Status.APPROVED, Status.PROPOSED, ""),
        (Status.PROPOSED, Status.DECIDED, ""),
    ]


def test_returning_needs_a_comment(dossier, secretariat):
    attach_mandatory(dossier)
    services.submit(dossier, by=secretariat)

    with pytest.raises(services.TransitionError) as refused:
        services.return_for_revision(dossier, by=secretariat, comment="  ")

    assert refused.value.message == "Ghi rõ nội dung đơn vị cần bổ sung, chỉnh sửa."


@pytest.mark.parametrize("step", ["accept", "return", "propose", "decline"])
def test_a_draft_cannot_skip_ahead(dossier, secretariat, step):
    with pytest.raises(services.TransitionError) as refused:
        services.STEPS[step](dossier, by=secretariat, comment="Lý do.")

    assert refused.value.message == "Không thể thực hiện bước này với hồ sơ đang ở trạng thái “Đang chuẩn bị”."
    assert Nomination.objects.get(pk=dossier.pk).status == Status.DRAFT


def test_a_submitted_dossier_cannot_be_submitted_twice(dossier, focal_point):
    attach_mandatory(dossier)
    services.submit(dossier, by=focal_point)

    with pytest.raises(services.TransitionError):
        services.submit(dossier, by=focal_point)


def test_a_decision_dated_before_the_submission_is_refused(secretariat):
    nomination = NominationFactory(status=Status.PROPOSED, submitted_at=dt.datetime(2020, 7, 20, 9, 0, tzinfo=dt.UTC))

    with pytest.raises(services.TransitionError) as refused:
        services.decide(
            nomination, by=secretariat, decision_number="99/QĐ-UBND", decision_date=dt.date(2020, 7, 1), comment=""
        )

    assert refused.value.message == "Ngày quyết định (01/07/2020) trước ngày nộp hồ sơ (20/07/2020)."
    assert Nomination.objects.get(pk=nomination.pk).status == Status.PROPOSED


def test_the_actions_offered_follow_the_status_and_the_role(dossier, focal_point, secretariat):
    attach_mandatory(dossier)

    assert [a.name for a in services.available_actions(focal_point, dossier)] == ["submit"]
    services.submit(dossier, by=focal_point)
    assert [a.name for a in services.available_actions(focal_point, dossier)] == []
    assert [a.name for a in services.available_actions(secretariat, dossier)] == ["accept", "return"]
