"""A cụm names its leader and deputy Cụm trưởng and Cụm phó; a khối, Khối trưởng and Khối phó: on
every screen, in every message and on the printed papers alike."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from awards.models import AwardType
from clusters import services
from clusters.models import Cluster, ClusterYear, ProposalRule, Terms
from tests.awards.factories import NominationRoundFactory

from .factories import add_sheet, make_cluster, open_year
from .test_documents import text_of

pytestmark = pytest.mark.django_db

KINDS = {
    # kind: (the words it uses, the other kind's words that must not appear)
    Cluster.Kind.CLUSTER: (("Cụm trưởng", "Cụm phó"), ("Khối trưởng", "Khối phó")),
    Cluster.Kind.BLOCK: (("Khối trưởng", "Khối phó"), ("Cụm trưởng", "Cụm phó")),
}


@pytest.fixture(params=list(KINDS))
def kind(request):
    return request.param


@pytest.fixture
def group(kind, leader):
    name = "Khối thi đua các cơ quan Trung ương" if kind == Cluster.Kind.BLOCK else "Cụm thi đua các tỉnh Nam Trung Bộ"
    cluster = make_cluster(3, created_by=leader, name=name)
    Cluster.objects.filter(pk=cluster.pk).update(kind=kind, rules_issuer="Ủy ban nhân dân tỉnh")
    cluster.refresh_from_db()
    return cluster


@pytest.fixture
def group_year(group, leader):
    today = timezone.localdate()
    cluster_year = open_year(
        group,
        by=leader,
        year=today.year,
        scoring_deadline=today + datetime.timedelta(days=10),
        conference_date=today + datetime.timedelta(days=30),
    )
    add_sheet(cluster_year)
    return cluster_year


def url(name, cluster_year, *args):
    return reverse(f"clusters:{name}", args=[cluster_year.conference_id, *args])


def assert_named(text, kind):
    own, other = KINDS[kind]
    for word in own:
        assert word in text
    for word in other:
        assert word not in text


def test_the_terms_follow_the_kind():
    assert (Terms("cluster").leader, Terms("cluster").deputy, Terms("cluster").word) == ("Cụm trưởng", "Cụm phó", "cụm")
    assert (Terms("block").leader, Terms("block").deputy, Terms("block").word) == ("Khối trưởng", "Khối phó", "khối")
    assert Terms().leader == "Cụm trưởng (Khối trưởng)"  # a cluster being created: its kind is not chosen yet


def test_every_page_of_the_year_names_the_leader_by_the_kind(client, kind, group, group_year, leader):
    members = list(group.members.all())
    client.force_login(leader)
    pages = ["year", "year_edit", "review", "ranking", "agree", "proposals", "election", "election_record"]
    for name in pages:
        response = client.get(url(name, group_year))
        assert response.status_code == 200, name
        text = response.content.decode()
        own, other = KINDS[kind]
        assert 'href=""' not in text and url("review", group_year) in text, name  # the header's links
        assert f"{own[0]}: {group_year.leader.organization.name}" in text, name  # and the leader's name
        assert f"{own[1]}: {group_year.deputy.organization.name}" in text, name
        assert own[0] in text, name
        assert not any(word in text for word in other), name
    year_edit = client.get(url("year_edit", group_year)).content.decode()
    assert f"Khi quy chế của {group.terms.word} quy định" in year_edit
    assert_named(client.get(reverse("clusters:detail", args=[group.pk])).content.decode(), kind)
    edit = client.get(reverse("clusters:edit", args=[group.pk])).content.decode()
    assert f"luân phiên làm {KINDS[kind][0][0]};" in edit and KINDS[kind][1][0] not in edit
    assert f"Lưu {group.terms.word}<" in edit.replace("\n", "").replace(" <", "<")
    assert_named(client.get(reverse("clusters:year_create", args=[group.pk])).content.decode(), kind)
    vote = client.get(url("vote", group_year, members[0].pk)).content.decode()
    assert_named(vote, kind)
    assert f"{KINDS[kind][0][0]} năm sau" in vote  # the labels of the next year's leader and deputy
    election = client.get(url("election", group_year)).content.decode()
    assert f"Bầu {KINDS[kind][0][0]}, {KINDS[kind][0][1]} năm sau" in election
    assert f"Số phiếu bầu {KINDS[kind][0][1]}" in election


def test_a_member_s_proposal_names_the_leader_by_the_kind(client, kind, group, group_year):
    member, other = list(group.members.order_by("rotation_order"))[::2]
    ClusterYear.objects.filter(pk=group_year.pk).update(members_see_scores=True)
    rows = [(criterion, 5, "", None) for criterion in group_year.groups.first().criteria.filter(kind="standard")]
    services.save_self_scores(group_year, member, rows, by=member.focal_point.user)
    score = member.scores.first()
    client.force_login(other.focal_point.user)
    page = client.get(url("propose", group_year, score.pk)).content.decode()
    assert KINDS[kind][0][0] in page and KINDS[kind][1][0] not in page
    response = client.post(
        url("propose", group_year, score.pk), {"member": other.pk, "points": "4", "reason": "Thiếu minh chứng"}
    )
    assert response.status_code == 302
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert message == f"Đã gửi đề nghị đến {KINDS[kind][0][0]}."


def test_messages_and_refusals_name_the_leader_by_the_kind(client, kind, group, group_year, leader):
    members = list(group.members.order_by("rotation_order"))
    own = KINDS[kind][0]
    refusal = f"{own[0]} và {own[1]} phải là hai đơn vị khác nhau."
    client.force_login(leader)
    response = client.post(url("vote", group_year, members[0].pk), {"leader": members[1].pk, "deputy": members[1].pk})
    assert response.status_code == 422
    assert refusal in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.cast_vote(group_year, members[0], leader=members[1], deputy=members[1], by=leader)
    assert error.value.messages == [refusal]

    for voter in members:
        client.post(url("vote", group_year, voter.pk), {"leader": members[1].pk, "deputy": members[2].pk})
    response = client.post(url("election_record", group_year))
    message = str(list(get_messages(response.wsgi_request))[-1])
    assert message == (
        f"{members[1].organization.name} được bầu làm {own[0]} và {members[2].organization.name} làm {own[1]} năm sau."
    )
    election = client.get(url("election", group_year)).content.decode()
    assert f"được bầu làm {own[0]}" in election and f"làm {own[1]}" in election

    ProposalRule.objects.create(
        year=group_year, rank_from=1, rank_to=1, award_type=AwardType.objects.get(code="co_tinh")
    )
    ClusterYear.objects.filter(pk=group_year.pk).update(leader=None)
    group_year.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.make_proposals(group_year, NominationRoundFactory(), by=leader)
    assert error.value.messages == [f"Năm thi đua chưa có {own[0]} để trình đề nghị."]


def test_saving_and_opening_name_the_cluster_or_block(client, kind, group, leader):
    client.force_login(leader)
    form = client.get(reverse("clusters:edit", args=[group.pk])).context["form"]
    members = client.get(reverse("clusters:edit", args=[group.pk])).context["members"]
    data = {name: value for name, value in form.initial.items() if value is not None and name != "rules_date"}
    data.update(kind=kind, rules_date="01/03/2023")
    data.update({f"members-{key}": value for key, value in management(members, group).items()})
    response = client.post(reverse("clusters:edit", args=[group.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    word = "khối" if kind == Cluster.Kind.BLOCK else "cụm"
    assert str(next(iter(get_messages(response.wsgi_request)))) == f"Đã lưu {word} thi đua."

    today = timezone.localdate()
    open_year(group, by=leader, year=today.year)
    response = client.post(
        reverse("clusters:year_create", args=[group.pk]),
        {
            "year": today.year,
            "conference_date": (today + datetime.timedelta(days=30)).strftime("%d/%m/%Y"),
            "scoring_deadline": (today + datetime.timedelta(days=10)).strftime("%d/%m/%Y"),
            "late_evidence_days": 5,
            "leader": group.members.first().pk,
            "deputy": group.members.first().pk,
        },
    )
    text = response.content.decode()
    assert response.status_code == 422
    assert f"Năm này đã có trong {word}." in text
    assert_named(text, kind)


def management(formset, cluster):
    data = {
        "TOTAL_FORMS": str(len(formset.forms)),
        "INITIAL_FORMS": str(formset.initial_form_count()),
        "MIN_NUM_FORMS": "0",
        "MAX_NUM_FORMS": "1000",
    }
    for index, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            value = form.initial.get(name, field.initial)
            if value is None:
                continue
            data[f"{index}-{name}"] = getattr(value, "pk", value)
    return data


def test_the_printed_papers_and_the_conference_programme_use_the_kind(kind, group, group_year):
    own, other = KINDS[kind]
    agenda = " ".join(services.conference_session(group_year).agenda_items.values_list("title", flat=True))
    assert f"Bầu {own[0]}, {own[1]}" in agenda
    _letter, minutes = text_of("cluster-minutes", group_year)
    assert f"Bầu {own[0]}, {own[1]} năm tiếp theo".upper() in minutes  # a heading
    assert other[0] not in minutes and other[0].upper() not in minutes


def test_a_new_cluster_names_both_kinds_until_one_is_chosen(client, leader):
    leader.user_permissions.add(Permission.objects.get(codename="add_congress"))
    client.force_login(leader)
    text = client.get(reverse("clusters:create")).content.decode()
    assert "luân phiên làm Cụm trưởng (Khối trưởng)" in text
