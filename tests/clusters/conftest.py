import datetime

import pytest
from django.utils import timezone

from congress.models import CongressRole
from tests.conftest import user_with_role
from tests.factories import UserFactory

from .factories import add_sheet, make_cluster, open_year


@pytest.fixture
def leader(db):
    return UserFactory(username="cum-truong")


@pytest.fixture
def cluster(leader):
    return make_cluster(3, created_by=leader)


@pytest.fixture
def cluster_year(cluster, leader):
    today = timezone.localdate()
    return open_year(
        cluster,
        by=leader,
        year=today.year,
        scoring_deadline=today + datetime.timedelta(days=10),
        conference_date=today + datetime.timedelta(days=30),
    )


@pytest.fixture
def criteria(cluster_year):
    return add_sheet(cluster_year)


@pytest.fixture
def members(cluster):
    return list(cluster.members.select_related("organization", "focal_point__user"))


@pytest.fixture
def year_viewer(cluster_year):
    return user_with_role(cluster_year.conference, CongressRole.Role.VIEWER)


@pytest.fixture
def outsider(db):
    return UserFactory(username="nguoi-ngoai-cum")
