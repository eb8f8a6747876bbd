"""The review conference of a cluster's year: its session carries a kind, the members'
representatives as participants and the review's programme; the congress and the year link to
each other."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from clusters import services
from clusters.models import Score
from congress.models import CongressRole, CongressSession
from tests.conftest import user_with_role
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
Role = CongressRole.Role


def test_opening_a_year_gives_its_conference_a_session_with_participants_and_an_agenda(cluster_year, members):
    session = services.conference_session(cluster_year)

    assert session.kind == CongressSession.Kind.OFFICIAL
    lines = list(session.participant_lines.all())
    assert [line.organization for line in lines] == [m.organization for m in members]
    assert lines[0].text == f"Đại diện lãnh đạo {members[0].organization.name}"
    titles = [item.title for item in session.agenda_items.all()]
    assert titles[1].startswith(f"Báo cáo tổng kết công tác thi đua năm {cluster_year.year}")
    assert any(title.startswith("Bình xét, xếp hạng") for title in titles)
    assert any(title.startswith("Thống nhất đề nghị khen thưởng") for title in titles)
    assert f"Bầu Cụm trưởng, Cụm phó năm {cluster_year.year + 1}" in titles
    assert any("giao ước thi đua" in title for title in titles)
    chaired = session.agenda_items.exclude(organization=None).first()
    assert chaired.organization == members[0].organization  # the leader chairs


def test_a_new_member_joins_the_conference_participants_once(cluster_year, members):
    newcomer = OrganizationFactory(name="Ủy ban nhân dân tỉnh Đắk Lắk")
    cluster_year.cluster.members.create(organization=newcomer, rotation_order=9)
    session = services.conference_session(cluster_year)
    session.participant_lines.create(description="Đại diện Ban Thi đua - Khen thưởng Trung ương", order=50)

    assert services.sync_participants(cluster_year) == 1
    assert services.sync_participants(cluster_year) == 0
    organizations = [line.organization for line in session.participant_lines.all()]
    assert organizations.count(newcomer) == 1
    assert session.participant_lines.filter(description__startswith="Đại diện Ban Thi đua").exists()


def test_the_year_page_shows_the_conference_session_its_participants_and_programme(
    client, cluster_year, leader, members
):
    session = services.conference_session(cluster_year)
    client.force_login(leader)
    page = client.get(reverse("clusters:year", args=[cluster_year.conference_id])).content.decode()

    assert "Phiên chính thức" in page  # the session's kind
    assert members[2].organization.name in page
    assert "Bình xét, xếp hạng các đơn vị thành viên" in page
    assert reverse("delegates:programme", args=[cluster_year.conference_id, session.pk]) in page
    assert reverse("delegates:programme_edit", args=[cluster_year.conference_id, session.pk]) in page
    assert reverse("congress:detail", args=[cluster_year.conference_id]) in page


def test_a_read_only_role_sees_the_programme_without_the_edit_link(client, cluster_year, year_viewer):
    session = services.conference_session(cluster_year)
    client.force_login(year_viewer)
    page = client.get(reverse("clusters:year", args=[cluster_year.conference_id])).content.decode()

    assert reverse("delegates:programme", args=[cluster_year.conference_id, session.pk]) in page
    assert reverse("delegates:programme_edit", args=[cluster_year.conference_id, session.pk]) not in page
    assert (
        client.get(reverse("delegates:programme_edit", args=[cluster_year.conference_id, session.pk])).status_code
        == 403
    )


def test_the_year_page_without_a_session_says_so(client, cluster_year, leader):
    cluster_year.conference.sessions.all().delete()
    client.force_login(leader)
    response = client.get(reverse("clusters:year", args=[cluster_year.conference_id]))

    assert response.status_code == 200
    assert "Hội nghị chưa có phiên" in response.content.decode()


def test_the_conference_header_links_back_to_the_cluster_year(client, cluster_year, leader):
    client.force_login(leader)
    year_url = reverse("clusters:year", args=[cluster_year.conference_id])
    page = client.get(reverse("congress:detail", args=[cluster_year.conference_id])).content.decode()

    assert year_url in page
    assert "</i>Cụm, khối</a>" in page


def test_an_ordinary_congress_has_no_cluster_tab(client, cluster_year, leader):
    from tests.factories import CongressFactory

    congress = CongressFactory()
    user = user_with_role(congress, Role.SECRETARIAT)
    client.force_login(user)
    page = client.get(reverse("congress:detail", args=[congress.pk])).content.decode()

    assert "</i>Cụm, khối</a>" not in page
    assert reverse("clusters:year", args=[congress.pk]) not in page


def test_the_cluster_page_links_each_visible_year_to_its_conference(client, cluster_year, leader, outsider):
    client.force_login(leader)
    page = client.get(reverse("clusters:detail", args=[cluster_year.cluster_id])).content.decode()

    assert reverse("congress:detail", args=[cluster_year.conference_id]) in page


def test_moving_the_conference_date_moves_its_session(cluster_year):
    session = services.conference_session(cluster_year)
    session.ends_at = session.starts_at + datetime.timedelta(hours=4)
    session.save()
    cluster_year.conference_date += datetime.timedelta(days=3)
    services.save_year(cluster_year)

    session.refresh_from_db()
    starts = timezone.localtime(session.starts_at)
    assert starts.date() == cluster_year.conference_date
    assert starts.time() == datetime.time(8, 0)
    assert session.ends_at - session.starts_at == datetime.timedelta(hours=4)


def test_names_in_the_prebuilt_tables_are_escaped(client, cluster_year, criteria, leader, members):
    organization = members[0].organization
    organization.name = "Tỉnh <b>A</b>"
    organization.save()
    criterion = criteria[0]
    criterion.name = "Tiêu chí <script>x</script>"
    criterion.save()
    rows = [(c, Decimal(1), "", None) for c in criteria]
    services.save_self_scores(cluster_year, members[0], rows, by=None, today=cluster_year.scoring_deadline)
    client.force_login(leader)

    ranking = client.get(reverse("clusters:ranking", args=[cluster_year.conference_id])).content.decode()
    review = client.get(reverse("clusters:review", args=[cluster_year.conference_id])).content.decode()

    assert "Tỉnh &lt;b&gt;A&lt;/b&gt;" in ranking and "<b>A</b>" not in ranking
    assert "Tiêu chí &lt;script&gt;" in review and "<script>x" not in review
    score = Score.objects.get(member=members[0], criterion=criterion)
    assert reverse("clusters:adjust", args=[cluster_year.conference_id, score.pk]) in review


def test_the_review_page_shows_one_group_when_asked(client, cluster_year, criteria, leader):
    client.force_login(leader)
    first, second = criteria[0].group, criteria[-1].group
    page = client.get(
        reverse("clusters:review", args=[cluster_year.conference_id]), {"group": second.pk}
    ).content.decode()

    assert f"{second.order}. {second.name}</th>" in page
    assert f"{first.order}. {first.name}</th>" not in page
    assert criteria[-1].name in page and criteria[0].name + "<" not in page
