import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardType, Nomination
from clusters import services
from clusters.models import Adjustment, Cluster, ClusterYear, Criterion, Election, Evidence, ProposalRule, Score, Vote
from congress.models import Congress, CongressRole
from tests.awards.factories import NominationRoundFactory
from tests.factories import PDF, OrganizationFactory, UserFactory

from .factories import add_sheet, open_year

pytestmark = pytest.mark.django_db
Role = CongressRole.Role


def url(name, cluster_year, *args):
    return reverse(f"clusters:{name}", args=[cluster_year.conference_id, *args])


def scores_post(criteria, points, files=None):
    data = {}
    for criterion in criteria:
        value = points if criterion.kind == "standard" else "1"
        data[f"points_{criterion.pk}"] = str(value).replace(".", ",")
        data[f"note_{criterion.pk}"] = "Đã thực hiện"
    data.update(files or {})
    return data


# The cluster -------------------------------------------------------------------------------


def test_a_standing_office_user_creates_a_cluster_with_members(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_congress"))
    first, second = OrganizationFactory(), OrganizationFactory()
    client.force_login(user)
    data = {
        "name": "Khối thi đua các sở",
        "kind": "block",
        "founding_body": "Ủy ban nhân dân tỉnh",
        "rules_number": "05/QĐ-KTĐ",
        "rules_date": "15/02/2024",
        "rules_issuer": "Khối trưởng",
        "notes": "",
        "members-TOTAL_FORMS": "2",
        "members-INITIAL_FORMS": "0",
        "members-0-rotation_order": "1",
        "members-0-organization": first.pk,
        "members-1-rotation_order": "2",
        "members-1-organization": second.pk,
    }
    response = client.post(reverse("clusters:create"), data)

    cluster = Cluster.objects.get()
    assert response.status_code == 302
    assert cluster.rules_date == datetime.date(2024, 2, 15)
    assert [m.organization for m in cluster.members.all()] == [first, second]
    assert client.get(reverse("clusters:list")).context["page"].object_list[0] == cluster


def test_a_cluster_form_error_reads_in_vietnamese(client):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_congress"))
    client.force_login(user)
    response = client.post(reverse("clusters:create"), {"members-TOTAL_FORMS": "0", "members-INITIAL_FORMS": "0"})

    assert response.status_code == 422
    assert "Trường này là bắt buộc." in response.content.decode()


def test_without_the_right_nobody_creates_a_cluster(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("clusters:create")).status_code == 403


def test_strangers_do_not_see_a_cluster_and_read_only_roles_do_not_change_it(
    client, cluster_year, outsider, year_viewer
):
    cluster = cluster_year.cluster
    client.force_login(outsider)
    assert client.get(reverse("clusters:detail", args=[cluster.pk])).status_code == 404
    assert client.get(reverse("clusters:edit", args=[cluster.pk])).status_code == 404
    assert list(client.get(reverse("clusters:list")).context["page"].object_list) == []
    client.force_login(year_viewer)
    assert client.get(reverse("clusters:detail", args=[cluster.pk])).status_code == 200
    assert client.get(reverse("clusters:edit", args=[cluster.pk])).status_code == 403
    assert client.post(reverse("clusters:year_create", args=[cluster.pk])).status_code == 403


def test_opening_a_year_creates_its_conference_and_roles(client, cluster, leader, members):
    client.force_login(leader)
    response = client.post(
        reverse("clusters:year_create", args=[cluster.pk]),
        {
            "year": "2019",
            "conference_date": "20/12/2019",
            "scoring_deadline": "05/12/2019",
            "late_evidence_days": "5",
            "leader": members[0].pk,
            "deputy": members[1].pk,
        },
    )

    cluster_year = ClusterYear.objects.get()
    conference = cluster_year.conference
    assert response.status_code == 302
    assert conference.kind == Congress.Kind.CLUSTER_REVIEW
    assert conference.review_period == "2019"
    conference.full_clean()  # a review period of a single year is accepted
    assert cluster_year.evidence_deadline == datetime.date(2019, 12, 15)
    assert set(CongressRole.objects.filter(congress=conference).values_list("role", "organization_id")) == {
        (Role.SECRETARIAT, None),
        *((Role.FOCAL_POINT, m.organization_id) for m in members),
    }


def test_the_year_form_refuses_a_deadline_after_the_conference(client, cluster, leader, members):
    client.force_login(leader)
    response = client.post(
        reverse("clusters:year_create", args=[cluster.pk]),
        {
            "year": "2026",
            "conference_date": "01/12/2026",
            "scoring_deadline": "05/12/2026",
            "late_evidence_days": "5",
            "leader": members[0].pk,
            "deputy": members[0].pk,
        },
    )
    assert response.status_code == 422
    assert not ClusterYear.objects.exists()


# Criteria ----------------------------------------------------------------------------------


def test_the_leader_adds_a_criteria_group_and_copies_last_years_sheet(client, cluster, leader):
    last = open_year(cluster, by=leader, year=2025)
    add_sheet(last)
    this = open_year(cluster, by=leader, year=2026)
    client.force_login(leader)
    response = client.post(url("criteria_copy", this), {"source": last.pk})

    assert response.status_code == 302
    assert Criterion.objects.filter(group__year=this).count() == Criterion.objects.filter(group__year=last).count()
    response = client.post(
        url("group_create", this),
        {
            "order": "3",
            "name": "Công tác khen thưởng",
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-order": "1",
            "criteria-0-name": "Tỷ lệ khen thưởng người trực tiếp lao động",
            "criteria-0-kind": "standard",
            "criteria-0-max_points": "7,5",
            "criteria-0-evidence": "Quyết định khen thưởng",
        },
    )
    assert response.status_code == 302
    assert Criterion.objects.get(group__year=this, group__order=3).max_points == Decimal("7.5")
    assert "Tỷ lệ khen thưởng" in client.get(url("criteria", this)).content.decode()


def test_read_only_roles_and_focal_points_do_not_change_the_criteria(
    client, cluster_year, criteria, members, year_viewer
):
    group = criteria[0].group
    for user in (year_viewer, members[0].focal_point.user):
        client.force_login(user)
        assert client.get(url("criteria", cluster_year)).status_code == 200
        assert client.get(url("group_edit", cluster_year, group.pk)).status_code == 403
        assert client.post(url("group_delete", cluster_year, group.pk)).status_code == 403
        assert client.post(url("criteria_copy", cluster_year)).status_code == 403


def test_deleting_a_group_asks_for_confirmation(client, cluster_year, criteria, leader):
    group = criteria[0].group
    client.force_login(leader)
    assert client.get(url("group_delete", cluster_year, group.pk)).status_code == 200
    assert client.post(url("group_delete", cluster_year, group.pk)).status_code == 302
    assert not Criterion.objects.filter(group=group).exists()


# Self-scoring -----------------------------------------------------------------------------


def test_a_focal_point_scores_its_member_with_evidence(client, cluster_year, criteria, members):
    member = members[0]
    client.force_login(member.focal_point.user)
    files = {f"file_{criteria[0].pk}": SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf")}
    response = client.post(url("scores", cluster_year, member.pk), scores_post(criteria, "8,5", files))

    assert response.status_code == 302
    assert Score.objects.filter(member=member).count() == len(criteria)
    assert Score.objects.filter(member=member).first().self_points == Decimal("8.5")
    evidence = Evidence.objects.get()
    assert not evidence.late
    download = client.get(url("evidence", cluster_year, evidence.pk))
    assert download.status_code == 200


def test_evidence_is_checked_by_its_content(client, cluster_year, criteria, members):
    member = members[0]
    client.force_login(member.focal_point.user)
    fake = SimpleUploadedFile("bao-cao.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(
        url("scores", cluster_year, member.pk), scores_post(criteria, "8", {f"file_{criteria[0].pk}": fake})
    )

    assert response.status_code == 422
    assert "không phải" in response.content.decode() or "loại" in response.content.decode()
    assert not Evidence.objects.exists()


def test_points_above_the_maximum_are_refused(client, cluster_year, criteria, members):
    member = members[0]
    client.force_login(member.focal_point.user)
    response = client.post(url("scores", cluster_year, member.pk), scores_post(criteria, "10,5"))
    assert response.status_code == 422
    assert not Score.objects.exists()


def test_a_member_never_edits_another_members_scores(client, cluster_year, criteria, members):
    client.force_login(members[0].focal_point.user)
    response = client.post(url("scores", cluster_year, members[1].pk), scores_post(criteria, "9"))
    assert response.status_code == 403
    assert client.get(url("scores", cluster_year, members[1].pk)).status_code == 403
    assert not Score.objects.exists()


def test_the_leader_and_viewers_read_but_do_not_write_a_members_sheet(
    client, cluster_year, criteria, members, leader, year_viewer
):
    for user in (leader, year_viewer):
        client.force_login(user)
        assert client.get(url("scores", cluster_year, members[1].pk)).status_code == 200
        assert client.post(url("scores", cluster_year, members[1].pk), scores_post(criteria, "9")).status_code == 403
    assert not Score.objects.exists()


def test_after_the_deadline_only_missing_evidence_is_accepted_and_marked_late(client, cluster_year, criteria, members):
    member = members[0]
    client.force_login(member.focal_point.user)
    client.post(url("scores", cluster_year, member.pk), scores_post(criteria, "8"))
    ClusterYear.objects.filter(pk=cluster_year.pk).update(
        scoring_deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    files = {f"file_{criteria[0].pk}": SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf")}
    response = client.post(url("scores", cluster_year, member.pk), scores_post(criteria, "10", files))

    assert response.status_code == 302
    assert set(Score.objects.filter(member=member).values_list("self_points", flat=True)) == {
        Decimal("8"),
        Decimal("1"),
    }
    assert Evidence.objects.get().late
    ClusterYear.objects.filter(pk=cluster_year.pk).update(
        conference_date=timezone.localdate() + datetime.timedelta(days=2)
    )
    files = {f"file_{criteria[1].pk}": SimpleUploadedFile("muon.pdf", PDF, content_type="application/pdf")}
    response = client.post(url("scores", cluster_year, member.pk), scores_post(criteria, "10", files))
    assert response.status_code == 422
    assert Evidence.objects.count() == 1


# Review and ranking --------------------------------------------------------------------------


def score_all(cluster_year, member, criteria, points, *, bonus=0, penalty=0):
    rows = []
    for criterion in criteria:
        value = {"bonus": bonus, "penalty": penalty}.get(criterion.kind, points)
        rows.append((criterion, Decimal(value), "", None))
    services.save_self_scores(cluster_year, member, rows, by=None)


def test_the_leader_adjusts_a_score_with_a_reason_and_the_history_keeps_it(
    client, cluster_year, criteria, members, leader
):
    score_all(cluster_year, members[0], criteria, 8)
    score = Score.objects.filter(member=members[0]).first()
    client.force_login(leader)
    assert client.post(url("adjust", cluster_year, score.pk), {"points": "6", "reason": ""}).status_code == 422
    response = client.post(url("adjust", cluster_year, score.pk), {"points": "6,5", "reason": "Thiếu minh chứng"})

    assert response.status_code == 302
    score.refresh_from_db()
    assert score.agreed_points == Decimal("6.5")
    change = Adjustment.objects.get()
    assert (change.from_points, change.to_points, change.reason, change.by) == (
        Decimal("8"),
        Decimal("6.5"),
        "Thiếu minh chứng",
        leader,
    )
    page = client.get(url("adjust", cluster_year, score.pk)).content.decode()
    assert "Thiếu minh chứng" in page


def test_only_the_leader_adjusts(client, cluster_year, criteria, members, year_viewer):
    score_all(cluster_year, members[0], criteria, 8)
    score = Score.objects.filter(member=members[0]).first()
    for user in (year_viewer, members[0].focal_point.user):
        client.force_login(user)
        response = client.post(url("adjust", cluster_year, score.pk), {"points": "10", "reason": "Tự nâng"})
        assert response.status_code == 403
    assert Score.objects.get(pk=score.pk).agreed_points is None


def test_members_see_each_others_scores_only_when_the_rules_say_so(client, cluster_year, criteria, members):
    client.force_login(members[0].focal_point.user)
    assert client.get(url("review", cluster_year)).status_code == 403
    assert client.get(url("ranking", cluster_year)).status_code == 403
    ClusterYear.objects.filter(pk=cluster_year.pk).update(members_see_scores=True)
    assert client.get(url("review", cluster_year)).status_code == 200
    assert client.get(url("scores", cluster_year, members[1].pk)).status_code == 200


def test_the_ranking_shows_the_tie_rule(client, cluster_year, criteria, members, leader):
    score_all(cluster_year, members[0], criteria, 7, bonus=2, penalty=2)  # 42 + 2 - 2 = 42
    score_all(cluster_year, members[1], criteria, 7)  # 42, no penalty: first by the tie rule
    score_all(cluster_year, members[2], criteria, 9)  # 54
    client.force_login(leader)
    response = client.get(url("ranking", cluster_year))
    rows = response.context["table"].rows

    assert [(row.member.pk, row.rank) for row in rows] == [(members[2].pk, 1), (members[1].pk, 2), (members[0].pk, 3)]
    assert rows[1].tie_note == "Ít điểm trừ hơn xếp trước"
    assert "Ít điểm trừ hơn xếp trước" in response.content.decode()


def test_agreeing_takes_the_self_scores(client, cluster_year, criteria, members, leader):
    score_all(cluster_year, members[0], criteria, 8)
    client.force_login(leader)
    assert client.get(url("agree", cluster_year)).status_code == 200
    client.post(url("agree", cluster_year))
    assert not Score.objects.filter(agreed_points__isnull=True).exists()


# Proposals and election ---------------------------------------------------------------------


def test_the_top_members_proposal_arrives_in_the_awards_round_with_the_score_sheet(
    client, cluster_year, criteria, members, leader
):
    for index, member in enumerate(members):
        score_all(cluster_year, member, criteria, 9 - index)
    flag = AwardType.objects.get(code="co_tinh")
    merit = AwardType.objects.get(code="bk_tinh_tap_the")
    ProposalRule.objects.create(year=cluster_year, rank_from=1, rank_to=1, award_type=flag)
    ProposalRule.objects.create(year=cluster_year, rank_from=2, rank_to=2, award_type=merit)
    province = Congress.objects.create(kind="annual_review", year=cluster_year.year, host=OrganizationFactory())
    CongressRole.objects.create(congress=province, user=leader, role=Role.SECRETARIAT)
    nomination_round = NominationRoundFactory(congress=province)
    nomination_round.award_types.add(flag, merit)
    client.force_login(leader)
    assert client.get(url("proposals", cluster_year)).status_code == 200
    response = client.post(url("proposals", cluster_year), {"round": nomination_round.pk})

    assert response.status_code == 302
    dossiers = {n.organization: n for n in Nomination.objects.filter(round=nomination_round)}
    assert dossiers[members[0].organization].award_type == flag
    assert dossiers[members[1].organization].award_type == merit
    assert members[2].organization not in dossiers
    dossier = dossiers[members[0].organization]
    assert dossier.proposing_organization == members[0].organization
    assert dossier.files.get().file.read(5) == b"%PDF-"
    assert dossier.events.get().to_status == "draft"
    client.post(url("proposals", cluster_year), {"round": nomination_round.pk})
    assert Nomination.objects.filter(round=nomination_round).count() == 2  # not twice


def test_a_round_the_leader_may_not_add_to_is_not_offered(client, cluster_year, criteria, leader):
    other_round = NominationRoundFactory()
    client.force_login(leader)
    response = client.post(url("proposals", cluster_year), {"round": other_round.pk})
    assert response.status_code == 422
    assert not Nomination.objects.exists()


def test_members_elect_the_next_leader_one_vote_each(client, cluster, cluster_year, members, leader):
    next_year = open_year(cluster, by=leader, year=cluster_year.year + 1)
    for voter in members:
        client.force_login(voter.focal_point.user)
        response = client.post(url("vote", cluster_year, voter.pk), {"leader": members[1].pk, "deputy": members[2].pk})
        assert response.status_code == 302
    client.force_login(members[0].focal_point.user)
    client.post(url("vote", cluster_year, members[0].pk), {"leader": members[1].pk, "deputy": members[0].pk})
    assert (
        client.post(
            url("vote", cluster_year, members[1].pk), {"leader": members[0].pk, "deputy": members[2].pk}
        ).status_code
        == 403
    )
    assert Vote.objects.filter(year=cluster_year).count() == 3

    client.force_login(leader)
    assert client.get(url("election_record", cluster_year)).status_code == 200
    client.post(url("election_record", cluster_year))
    election = Election.objects.get()
    next_year.refresh_from_db()
    assert (election.leader, election.leader_votes) == (members[1], 3)
    assert next_year.leader == members[1]
    assert next_year.deputy == election.deputy == members[2]
    client.force_login(members[0].focal_point.user)
    assert (
        client.post(
            url("vote", cluster_year, members[0].pk), {"leader": members[0].pk, "deputy": members[2].pk}
        ).status_code
        == 422
    )


def test_read_only_roles_do_not_vote_or_record(client, cluster_year, members, year_viewer):
    client.force_login(year_viewer)
    assert client.get(url("election", cluster_year)).status_code == 200
    assert (
        client.post(
            url("vote", cluster_year, members[0].pk), {"leader": members[1].pk, "deputy": members[2].pk}
        ).status_code
        == 403
    )
    assert client.post(url("election_record", cluster_year)).status_code == 403


@pytest.mark.parametrize(
    "name,args",
    [
        ("year", []),
        ("year_edit", []),
        ("criteria", []),
        ("review", []),
        ("ranking", []),
        ("election", []),
        ("proposals", []),
        ("agree", []),
    ],
)
def test_strangers_get_404_on_every_year_page(client, cluster_year, outsider, name, args):
    client.force_login(outsider)
    assert client.get(url(name, cluster_year, *args)).status_code == 404


@pytest.mark.parametrize("name", ["year_edit", "proposals", "agree", "election_record", "group_create"])
def test_read_only_roles_get_403_on_the_leaders_pages(client, cluster_year, year_viewer, name):
    client.force_login(year_viewer)
    assert client.get(url(name, cluster_year)).status_code == 403
    assert client.post(url(name, cluster_year)).status_code == 403


def test_the_leader_edits_the_year_with_tie_rules_and_proposal_rules(client, cluster_year, members, leader):
    flag = AwardType.objects.get(code="co_tinh")
    client.force_login(leader)
    response = client.post(
        url("year_edit", cluster_year),
        {
            "conference_date": "20/12/2030",
            "scoring_deadline": "01/12/2030",
            "late_evidence_days": "3",
            "leader": members[0].pk,
            "deputy": members[1].pk,
            "tie_rules": ["first_group", "more_bonus"],
            "pledge_content": "Hoàn thành xuất sắc nhiệm vụ chính trị năm.",
            "rules-TOTAL_FORMS": "1",
            "rules-INITIAL_FORMS": "0",
            "rules-0-rank_from": "1",
            "rules-0-rank_to": "1",
            "rules-0-award_type": flag.pk,
        },
    )
    assert response.status_code == 302
    cluster_year.refresh_from_db()
    assert cluster_year.tie_rules == ["more_bonus", "first_group"]
    assert cluster_year.proposal_rules.get().award_type == flag
    assert client.get(url("year", cluster_year)).status_code == 200


def test_an_adopted_criteria_sheet_no_longer_changes(client, cluster, cluster_year, criteria, leader):
    ClusterYear.objects.filter(pk=cluster_year.pk).update(criteria_locked=True)
    client.force_login(leader)
    assert "Đã thông qua" in client.get(url("criteria", cluster_year)).content.decode()
    assert client.get(url("group_create", cluster_year)).status_code == 403
    assert client.post(url("group_delete", cluster_year, criteria[0].group_id)).status_code == 403
    other = open_year(cluster, by=leader, year=cluster_year.year - 1)
    cluster_year.refresh_from_db()
    with pytest.raises(ValidationError):
        services.copy_sheet(cluster_year, other)


def test_a_new_focal_point_takes_over_the_role_and_the_former_one_loses_it(client, cluster_year, members, leader):
    from tests.factories import PersonFactory

    member = members[0]
    former = member.focal_point.user
    newcomer = UserFactory()
    person = PersonFactory(user=newcomer, organization=member.organization)
    data = {
        "name": cluster_year.cluster.name,
        "kind": "cluster",
        "founding_body": "Ủy ban nhân dân các tỉnh",
        "members-TOTAL_FORMS": str(len(members)),
        "members-INITIAL_FORMS": str(len(members)),
    }
    for index, m in enumerate(members):
        data.update(
            {
                f"members-{index}-id": m.pk,
                f"members-{index}-rotation_order": m.rotation_order,
                f"members-{index}-organization": m.organization_id,
                f"members-{index}-focal_point": person.pk if m == member else m.focal_point_id,
            }
        )
    client.force_login(leader)
    assert client.post(reverse("clusters:edit", args=[cluster_year.cluster.pk]), data).status_code == 302

    roles = CongressRole.objects.filter(congress=cluster_year.conference, role=Role.FOCAL_POINT)
    assert set(roles.values_list("user", "organization")) == {
        (newcomer.pk, member.organization_id),
        *((m.focal_point.user_id, m.organization_id) for m in members[1:]),
    }
    client.force_login(former)
    assert client.get(url("scores", cluster_year, member.pk)).status_code == 404


def test_a_member_left_out_is_not_ranked_nor_proposed(client, cluster_year, criteria, members, leader, year_viewer):
    for index, member in enumerate(members):
        score_all(cluster_year, member, criteria, 9 - index)
    client.force_login(year_viewer)
    assert (
        client.post(url("exclusion_create", cluster_year), {"member": members[0].pk, "reason": "x"}).status_code == 403
    )
    client.force_login(leader)
    assert (
        client.post(url("exclusion_create", cluster_year), {"member": members[0].pk, "reason": " "}).status_code == 422
    )
    response = client.post(
        url("exclusion_create", cluster_year), {"member": members[0].pk, "reason": "Vi phạm nghiêm trọng"}
    )
    assert response.status_code == 302
    page = client.get(url("ranking", cluster_year))
    table = page.context["table"]
    assert [(row.member.pk, row.rank) for row in table.rows] == [(members[1].pk, 1), (members[2].pk, 2)]
    assert "Vi phạm nghiêm trọng" in page.content.decode()
    exclusion = cluster_year.exclusions.get()
    assert client.get(url("exclusion_delete", cluster_year, exclusion.pk)).status_code == 200
    client.post(url("exclusion_delete", cluster_year, exclusion.pk))
    assert client.get(url("ranking", cluster_year)).context["table"].rows[0].member.pk == members[0].pk


def test_members_propose_adjustments_to_others_when_the_rules_say_so_and_the_leader_decides(
    client, cluster_year, criteria, members, leader
):
    score_all(cluster_year, members[1], criteria, 9)
    score = Score.objects.filter(member=members[1], criterion=criteria[0]).get()
    own = Score.objects.create(criterion=criteria[0], member=members[0], self_points=5)
    client.force_login(members[0].focal_point.user)
    proposal = {"member": members[0].pk, "points": "7", "reason": "Chưa có minh chứng"}
    assert client.post(url("propose", cluster_year, score.pk), proposal).status_code == 403
    ClusterYear.objects.filter(pk=cluster_year.pk).update(members_see_scores=True)
    assert client.post(url("propose", cluster_year, own.pk), proposal).status_code == 403
    review = client.get(url("review", cluster_year)).content.decode()
    assert f"/review/{score.pk}/propose/" in review
    assert client.post(url("propose", cluster_year, score.pk), proposal).status_code == 302
    assert Score.objects.get(pk=score.pk).agreed_points is None  # the leader decides

    client.force_login(leader)
    assert "có đề nghị điều chỉnh" in client.get(url("review", cluster_year)).content.decode()
    assert "Chưa có minh chứng" in client.get(url("adjust", cluster_year, score.pk)).content.decode()
    client.post(url("adjust", cluster_year, score.pk), {"points": "7", "reason": "Theo đề nghị của thành viên"})
    assert not score.proposals.filter(closed=False).exists()
    assert Score.objects.get(pk=score.pk).agreed_points == Decimal("7")
