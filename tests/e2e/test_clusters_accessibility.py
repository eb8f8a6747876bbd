"""axe-core finds nothing on the clusters' pages with the demo cluster, for the leader's office
and for a member's focal point, at desktop and phone width."""

import pytest
from django.urls import reverse

from .conftest import VIEWPORTS, log_in
from .test_accessibility import axe_violations

pytestmark = pytest.mark.e2e


@pytest.fixture
def demo_cluster(transactional_db):
    from clusters.models import Cluster
    from demo.clusters import CLUSTER_NAME, load

    load()
    cluster = Cluster.objects.get(name=CLUSTER_NAME)
    last, this = sorted(cluster.years.all(), key=lambda y: y.year)
    return cluster, last, this


def pages(cluster, last, this, member):
    return [
        reverse("clusters:list"),
        reverse("clusters:detail", args=[cluster.pk]),
        reverse("clusters:edit", args=[cluster.pk]),
        reverse("clusters:year", args=[this.conference_id]),
        reverse("clusters:year_edit", args=[this.conference_id]),
        reverse("clusters:criteria", args=[this.conference_id]),
        reverse("clusters:scores", args=[this.conference_id, member.pk]),
        reverse("clusters:review", args=[last.conference_id]),
        reverse("clusters:ranking", args=[last.conference_id]),
        reverse("clusters:election", args=[last.conference_id]),
        reverse("clusters:adjust", args=[last.conference_id, last.groups.first().criteria.first().scores.first().pk]),
    ]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("username", ["cumtruong", "dm_binhthuan"])
def test_no_cluster_page_has_an_accessibility_violation(browser, live_server, demo_cluster, username, viewport):
    cluster, last, this = demo_cluster
    member = cluster.members.get(focal_point__user__username="dm_binhthuan")
    # axe is injected as an inline script, which the strict Content-Security-Policy would refuse.
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN", bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, live_server, username)
    found = []
    for path in pages(cluster, last, this, member):
        response = page.goto(live_server.url + path)
        if response.status != 200:
            continue  # pages this login may not open
        found += [f"{path}: {line}" for line in axe_violations(page)]
    context.close()
    assert found == [], "\n".join(found)
