"""List pages read a number of queries that does not grow with members, criteria or clusters."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clusters import services
from clusters.models import ClusterMember

from .factories import add_sheet, make_cluster, open_year

pytestmark = pytest.mark.django_db


def build(leader, size, *, groups=1, per_group=1):
    cluster = make_cluster(size, created_by=leader, name=f"Cụm {size}")
    cluster_year = open_year(cluster, by=leader, year=2030)
    criteria = add_sheet(cluster_year, groups=groups, per_group=per_group)
    for member in ClusterMember.objects.filter(cluster=cluster):
        rows = [(c, Decimal(1), "", None) for c in criteria]
        services.save_self_scores(cluster_year, member, rows, by=None, today=cluster_year.scoring_deadline)
        services.cast_vote(
            cluster_year, member, leader=member, deputy=cluster.members.exclude(pk=member.pk).first(), by=None
        )
    return cluster_year


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["year", "review", "ranking", "election", "criteria"])
def test_year_pages_read_the_same_number_of_queries_for_2_and_8_members(client, leader, name):
    small = build(leader, 2)
    large = build(leader, 8, groups=3, per_group=4)
    client.force_login(leader)
    small_count = count(client, reverse(f"clusters:{name}", args=[small.conference_id]))
    large_count = count(client, reverse(f"clusters:{name}", args=[large.conference_id]))
    assert small_count == large_count
    assert large_count <= 12


def test_a_members_sheet_reads_the_same_number_of_queries_for_few_and_many_criteria(client, leader):
    small = build(leader, 2)
    large = build(leader, 2, groups=4, per_group=6)
    member_small = small.cluster.members.first()
    member_large = large.cluster.members.first()
    client.force_login(leader)
    assert count(client, reverse("clusters:scores", args=[small.conference_id, member_small.pk])) == count(
        client, reverse("clusters:scores", args=[large.conference_id, member_large.pk])
    )


def test_the_cluster_list_reads_the_same_number_of_queries_for_one_and_many(client, leader):
    make_cluster(2, created_by=leader, name="Cụm một")
    client.force_login(leader)
    one = count(client, reverse("clusters:list"))
    for index in range(5):
        make_cluster(2, created_by=leader, name=f"Cụm số {index}")
    assert count(client, reverse("clusters:list")) == one


def test_the_year_links_are_the_addresses_reverse_gives(cluster_year):
    from clusters.links import NAMES, YearLinks

    links = YearLinks(cluster_year)
    keys = {"congress": cluster_year.conference_id, "cluster": cluster_year.cluster_id, None: None}
    for name, (url_name, key) in NAMES.items():
        assert getattr(links, name) == reverse(url_name, args=[keys[key]] if key else [])
    assert links.review.endswith(f"/{cluster_year.conference_id}/cluster/review/")


def test_the_ranking_sums_fractional_points_exactly(cluster_year, criteria, members):
    from clusters.selectors import cents_text, ranking

    standard = [c for c in criteria if c.kind == "standard"]
    bonus = next(c for c in criteria if c.kind == "bonus")
    penalty = next(c for c in criteria if c.kind == "penalty")
    # 0.1 + 0.2 (+ 0.05 × 4) is 0.5 exactly, as 0.30000000000000004 would not be.
    points = [Decimal("0.1"), Decimal("0.2")] + [Decimal("0.05")] * (len(standard) - 2)
    rows = [(c, p, "", None) for c, p in zip(standard, points, strict=True)]
    rows += [(bonus, Decimal("1.25"), "", None), (penalty, Decimal("0.75"), "", None)]
    services.save_self_scores(cluster_year, members[0], rows, by=None)
    Score = members[0].scores.model
    Score.objects.filter(member=members[0], criterion=standard[0]).update(agreed_points=Decimal("0.15"))

    row = next(row for row in ranking(cluster_year).rows if row.member == members[0])

    assert (row.standard, row.bonus, row.penalty, row.total) == (55, 125, 75, 105)  # hundredths
    assert row.total_text == "1,05"
    assert row.total_points == Decimal("1.05")
    assert cents_text(550) == "5,5" and cents_text(-25) == "-0,25" and cents_text(1000) == "10"


def test_the_review_lists_the_criteria_in_the_groups_order(cluster_year, criteria, members):
    from clusters.models import CriteriaGroup
    from clusters.selectors import review_rows, review_sheet

    first, second = CriteriaGroup.objects.filter(year=cluster_year).order_by("pk")
    CriteriaGroup.objects.filter(pk=first.pk).update(order=2)
    CriteriaGroup.objects.filter(pk=second.pk).update(order=1)

    html = review_rows(review_sheet(cluster_year, members))

    assert html.index("1. Nhóm tiêu chí 2") < html.index("Tiêu chí 2.1") < html.index("2. Nhóm tiêu chí 1")
    assert html.index("Tiêu chí 1.1") < html.index("Tiêu chí 1.2") < html.index("Tiêu chí 1.3")
