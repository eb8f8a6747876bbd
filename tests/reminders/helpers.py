"""What the reminder tests share: a congress with people who answer for its tasks, and a clock."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from congress.models import BoardMember, CongressRole
from tests.factories import (
    BoardMemberFactory,
    CongressRoleFactory,
    OrganizationFactory,
    PersonFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day, hour=7, minute=30):
    """A moment in Hanoi time: at("10/07/2020")."""
    return dt.datetime.strptime(day, "%d/%m/%Y").replace(hour=hour, minute=minute, tzinfo=HCM)


def focal_point_of(congress, organization, **person):
    user = UserFactory()
    found = PersonFactory(user=user, organization=organization, **person)
    CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=organization)
    return found


def task_led_by(congress, organization, deadline, **fields):
    task = TaskFactory(congress=congress, deadline=deadline, **fields)
    TaskPartyFactory(task=task, organization=organization)
    return task


@pytest.fixture
def eager_celery():
    """Tasks run in the test's process when enqueued, as if a worker took them at once."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield app
    app.conf.task_always_eager = False


@pytest.fixture
def agency(congress):
    return OrganizationFactory(name="Sở Nội vụ tỉnh Ninh Thuận", short_name="Sở Nội vụ")


@pytest.fixture
def huy(congress, agency):
    return focal_point_of(congress, agency, full_name="Phạm Quốc Huy", email="pqhuy@example.org")


@pytest.fixture
def deputy(congress):
    return BoardMemberFactory(
        board=congress.board, role=BoardMember.Role.STANDING_DEPUTY, person__full_name="Lê Văn Bình"
    ).person


@pytest.fixture
def clock(monkeypatch):
    """Stop the clock at a chosen moment: clock(at("10/07/2020")). Workers read it too."""
    from django.utils import timezone

    def set_to(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return set_to
