import pytest
from django.urls import reverse

from clusters.models import Cluster, Criterion, Election, Score
from demo.clusters import CLUSTER_NAME, LEADER_LOGIN, load

pytestmark = pytest.mark.django_db


def test_the_demo_cluster_loads_once_and_every_page_shows_content(client):
    assert load() is True
    assert load() is False
    cluster = Cluster.objects.get(name=CLUSTER_NAME)
    last, this = sorted(cluster.years.all(), key=lambda y: y.year)
    assert cluster.members.count() == 5
    assert Criterion.objects.filter(group__year=last).count() == 30
    assert not Score.objects.filter(criterion__group__year=last, agreed_points__isnull=True).exists()
    assert Election.objects.get(year=last).leader == this.leader
    assert Score.objects.filter(criterion__group__year=this).exists()
    assert this.conference_date > this.scoring_deadline

    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=LEADER_LOGIN))
    for name in ("year", "criteria", "review", "ranking", "election"):
        for year in (last, this):
            assert client.get(reverse(f"clusters:{name}", args=[year.conference_id])).status_code == 200
    ranking = client.get(reverse("clusters:ranking", args=[last.conference_id])).context["table"]
    assert ranking.rows[0].rank == 1
    pdf = client.get(
        reverse("congress:document_file", args=[last.conference_id, "cluster-score-summary", last.pk, "pdf"])
    )
    assert pdf.status_code == 200
