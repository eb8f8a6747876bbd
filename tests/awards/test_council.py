"""The council: attendance and quorum, ballots entered by the secretary, results against all members."""

import datetime as dt

import pytest
from django.urls import reverse

from awards import services
from awards.models import Ballot, CouncilSession, Nomination, Vote
from congress.models import Person

from .factories import CouncilMemberFactory, NominationFactory, attach_mandatory, award

Status = Nomination.Status


@pytest.fixture
def members(congress):
    return [CouncilMemberFactory(congress=congress) for _ in range(10)]


@pytest.fixture
def session(nomination_round, members):
    return services.open_session(
        CouncilSession(round=nomination_round, number=1, held_at=dt.datetime(2020, 8, 5, 1, tzinfo=dt.UTC))
    )


def in_council(session, award_code="cstd_tinh", **fields):
    nomination = attach_mandatory(NominationFactory(round=session.round, award_type=award(award_code), **fields))
    Nomination.objects.filter(pk=nomination.pk).update(status=Status.COMPLETE)
    nomination.status = Status.COMPLETE
    services.add_to_session(session, [nomination], by=None)
    return nomination


def present(session, members, count):
    services.record_attendance(session, present_ids=[member.pk for member in members[:count]])


def test_a_new_session_lists_every_member_as_absent(session, members):
    assert services.attendance_counts(session) == (10, 0)


def test_without_quorum_no_ballot_is_accepted(session, members):
    nomination = in_council(session)
    present(session, members, 7)  # 80% of 10 needed

    with pytest.raises(services.TransitionError) as refused:
        services.record_ballot(session, nomination, by=None, counts={"for": 7}, votes={})

    assert refused.value.message == "Phiên họp chưa đủ số thành viên: có mặt 7/10 thành viên, cần ít nhất 8."


def test_more_votes_than_members_present_are_refused(session, members):
    nomination = in_council(session)
    present(session, members, 8)

    with pytest.raises(services.TransitionError) as refused:
        services.record_ballot(session, nomination, by=None, counts={"for": 8, "against": 1, "abstain": 0}, votes={})

    assert refused.value.message == "Kết quả bỏ phiếu có 9 phiếu nhưng chỉ có 8 thành viên có mặt."
    assert not Ballot.objects.exists()


def test_the_threshold_counts_against_all_members_not_those_present(session, members):
    """CSTĐ cấp tỉnh needs 90% of all 10 members: 8 of 8 present is not enough, a written opinion makes 9."""
    short = in_council(session)
    enough = in_council(session)
    present(session, members, 8)

    services.record_ballot(session, short, by=None, counts={"for": 8}, votes={})
    services.record_ballot(session, enough, by=None, counts={"for": 8}, votes={members[9].pk: ("for", True)})
    services.close_session(session, by=None)

    short.refresh_from_db()
    enough.refresh_from_db()
    assert (short.status, enough.status) == (Status.NOT_APPROVED, Status.APPROVED)
    assert enough.events.last().comment == "Phiên họp Hội đồng số 1: 9/10 thành viên tán thành (90,0%), cần 9."


def test_a_session_closes_only_when_every_dossier_has_its_ballot(session, members):
    nomination = in_council(session)
    present(session, members, 10)

    with pytest.raises(services.TransitionError) as refused:
        services.close_session(session, by=None)

    assert refused.value.message == f"Nhập kết quả bỏ phiếu của tất cả hồ sơ trước: {nomination.nominee_name}."


def test_a_closed_session_refuses_new_ballots(session, members):
    nomination = in_council(session)
    present(session, members, 10)
    services.record_ballot(session, nomination, by=None, counts={"for": 10}, votes={})
    services.close_session(session, by=None)

    with pytest.raises(services.TransitionError):
        services.record_ballot(session, nomination, by=None, counts={"for": 1}, votes={})


def test_ranking_puts_a_woman_first_on_a_tie_and_says_why(session, members):
    man = in_council(session, "bk_tinh_ca_nhan", person=Person.objects.create(full_name="An", gender="male"))
    woman = in_council(session, "bk_tinh_ca_nhan", person=Person.objects.create(full_name="Bình", gender="female"))
    present(session, members, 10)
    for nomination in (man, woman):
        votes = {member.pk: ("for", False) for member in members[:6]}
        votes.update({member.pk: ("against", False) for member in members[6:]})
        services.record_ballot(session, nomination, by=None, counts={}, votes=votes)

    [(award_type, ballots)] = services_ranking(session)

    assert [(b.nomination.nominee_name, b.rank, b.preferred_in_tie) for b in ballots] == [
        ("Bình", 1, True),
        ("An", 2, False),
    ]


def services_ranking(session):
    from awards.selectors import ranking

    return ranking(session)


# Pages ------------------------------------------------------------------------------------------------


def test_the_secretary_enters_a_secret_ballot_and_too_many_votes_are_refused_in_the_form(
    client_for, secretariat, session, members
):
    nomination = in_council(session)
    present(session, members, 9)
    url = reverse("awards:ballot_edit", args=[session.round.congress_id, session.pk, nomination.pk])
    client = client_for(secretariat)

    refused = client.post(url, {"votes_for": "9", "votes_against": "1", "abstentions": "0"})
    accepted = client.post(
        url, {"votes_for": "9", "votes_against": "0", "abstentions": "0", f"written_{members[9].pk}": "for"}
    )

    assert refused.status_code == 422
    assert refused.content.decode().count("Kết quả bỏ phiếu có 10 phiếu nhưng chỉ có 9 thành viên có mặt.") == 1
    assert accepted.status_code == 302
    ballot = Ballot.objects.get()
    assert (ballot.votes_for, ballot.written_for, ballot.approvals, ballot.approved) == (9, 1, 10, True)
    assert list(Vote.objects.values_list("member_id", "choice", "written")) == [(members[9].pk, "for", True)]


def test_attendance_is_recorded_from_the_form(client_for, secretariat, session, members):
    url = reverse("awards:session_attendance", args=[session.round.congress_id, session.pk])

    client_for(secretariat).post(url, {"present": [members[0].pk, members[1].pk]})

    assert services.attendance_counts(session) == (10, 2)


def test_complete_dossiers_are_put_before_the_council_from_the_session_page(client_for, secretariat, session):
    nomination = attach_mandatory(NominationFactory(round=session.round, status=Status.COMPLETE))
    url = reverse("awards:session_add", args=[session.round.congress_id, session.pk])

    client_for(secretariat).post(url, {"nominations": [nomination.pk]})

    nomination.refresh_from_db()
    assert nomination.status == Status.IN_COUNCIL
    assert list(session.nominations.all()) == [nomination]


def test_a_council_member_sees_the_session_and_their_own_written_opinion_only(
    client_for, council_user, session, members
):
    mine = members[9]
    mine.person = council_user.person
    mine.save()
    nomination = in_council(session)
    present(session, members, 9)
    services.record_ballot(session, nomination, by=None, counts={"for": 9}, votes={mine.pk: ("against", True)})
    client = client_for(council_user)
    url = reverse("awards:session_detail", args=[session.round.congress_id, session.pk])

    response = client.get(url)

    assert response.status_code == 200
    assert [(vote.member, vote.choice) for vote in response.context["own_votes"]] == [(mine, "against")]
    assert client.get(reverse("awards:session_close", args=[session.round.congress_id, session.pk])).status_code == 403


def test_strangers_and_viewers_do_not_see_the_council(client_for, stranger, viewer, session):
    congress_pk = session.round.congress_id
    for user in (stranger, viewer):
        client = client_for(user)
        assert client.get(reverse("awards:session_detail", args=[congress_pk, session.pk])).status_code == 404
        assert client.get(reverse("awards:council", args=[congress_pk])).status_code == 404


def test_closing_the_session_asks_first_and_records_the_results(client_for, secretariat, session, members):
    nomination = in_council(session)
    present(session, members, 10)
    services.record_ballot(session, nomination, by=None, counts={"for": 10}, votes={})
    url = reverse("awards:session_close", args=[session.round.congress_id, session.pk])
    client = client_for(secretariat)

    assert "Kết thúc phiên họp và ghi nhận kết quả?" in client.get(url).content.decode()
    client.post(url)

    session.refresh_from_db()
    nomination.refresh_from_db()
    assert (session.status, nomination.status) == (CouncilSession.Status.CLOSED, Status.APPROVED)
