"""The schedule, the dashboard and My work are kept rendered; every change shows at once."""

import datetime
import re

import pytest
from django.urls import reverse

from congress.models import CongressRole
from planning import cache
from planning.models import ProgressUpdate, Task
from tests.conftest import user_with_role
from tests.factories import CongressSessionFactory, OrganizationFactory, TaskFactory, TaskPartyFactory


@pytest.fixture
def agency():
    return OrganizationFactory(name="Sở Nội vụ", short_name="")


@pytest.fixture
def task(congress, agency):
    made = TaskFactory(congress=congress, number=1, content="Dự thảo Kế hoạch tổ chức", deadline="Trong tháng 7/2020")
    TaskPartyFactory(task=made, organization=agency)
    return made


def without_tokens(html):
    """The page as its reader sees it: CSRF tokens are masked afresh on every response."""
    return re.sub(r'("X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', r"\1", html)


def schedule(client, congress):
    return client.get(reverse("planning:schedule", args=[congress.pk])).content.decode()


def dashboard(client, congress):
    return client.get(reverse("planning:dashboard", args=[congress.pk])).content.decode()


def test_a_second_visit_is_served_from_the_cache(client_for, viewer, congress, task, django_assert_num_queries):
    client = client_for(viewer)
    first = schedule(client, congress)

    with django_assert_num_queries(4):
        second = schedule(client, congress)

    assert without_tokens(second) == without_tokens(first)


def test_an_edited_task_shows_on_the_next_visit(client_for, viewer, congress, task):
    client = client_for(viewer)
    assert "Dự thảo Kế hoạch tổ chức" in schedule(client, congress)

    task.content = "Dự thảo Kế hoạch tổ chức Đại hội"
    task.save()

    assert "Dự thảo Kế hoạch tổ chức Đại hội" in schedule(client, congress)


def test_a_bulk_status_change_shows_on_the_next_visit(client_for, viewer, congress, task):
    client = client_for(viewer)
    assert "app-row-finished" not in schedule(client, congress)

    Task.objects.filter(pk=task.pk).update(status=Task.Status.DONE, completed_on=datetime.date(2020, 7, 9))
    ProgressUpdate.objects.create(task=task, text="Xong", new_status=Task.Status.DONE)

    assert "app-row-finished" in schedule(client, congress)


def test_a_renamed_organisation_shows_in_every_congress(client_for, viewer, congress, task, agency):
    client = client_for(viewer)
    assert "Sở Nội vụ" in schedule(client, congress)

    agency.name = "Sở Nội vụ tỉnh Hà Tĩnh"
    agency.save()

    assert "Sở Nội vụ tỉnh Hà Tĩnh" in schedule(client, congress)


def test_a_moved_session_moves_relative_deadlines_on_the_schedule(client_for, viewer, congress):
    session = CongressSessionFactory(
        congress=congress, timing="exact", starts_at=datetime.datetime(2020, 9, 20, 8, tzinfo=datetime.UTC)
    )
    TaskFactory(congress=congress, content="Hoàn thiện báo cáo", deadline="10 ngày trước Đại hội")
    client = client_for(viewer)
    assert "10/09/2020" in schedule(client, congress)

    session.starts_at = datetime.datetime(2020, 10, 20, 8, tzinfo=datetime.UTC)
    session.save()

    page = schedule(client, congress)
    assert "10/10/2020" in page and "10/09/2020" not in page


def test_a_new_assignment_shows_on_my_work(client_for, congress, task):
    user = user_with_role(congress, CongressRole.Role.VIEWER)
    client = client_for(user)
    assert "Dự thảo Kế hoạch tổ chức" not in client.get(reverse("planning:my_work")).content.decode()

    task.assignees.add(user.person)

    assert "Dự thảo Kế hoạch tổ chức" in client.get(reverse("planning:my_work")).content.decode()


def test_posted_progress_shows_on_the_dashboard(client_for, viewer, focal_point, congress, task):
    client = client_for(viewer)
    dashboard(client, congress)

    ProgressUpdate.objects.create(task=task, author=focal_point, text="Đã gửi dự thảo lần hai")

    assert "Đã gửi dự thảo lần hai" in dashboard(client, congress)


def test_users_with_other_rights_never_share_a_rendered_body(client_for, secretariat, viewer, congress, task):
    edit = reverse("planning:task_edit", args=[congress.pk, task.pk])

    assert edit in schedule(client_for(secretariat), congress)
    assert edit not in schedule(client_for(viewer), congress)


def test_versions_are_made_once_and_kept(congress):
    first = cache.versions([congress.pk])

    assert cache.versions([congress.pk]) == first
    cache.congress_changed(congress.pk)
    assert cache.versions([congress.pk]) != first
