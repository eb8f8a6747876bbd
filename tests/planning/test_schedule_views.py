import datetime

import pytest
from django.urls import reverse

from congress.models import CongressRole
from planning.models import Task, TaskParty
from planning.views.schedule import SCHEDULE_PAGE_SIZE
from tests.conftest import user_with_role
from tests.factories import (
    CongressFactory,
    CongressRoleFactory,
    OrganizationFactory,
    OrganizingBoardFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
)

TODAY = datetime.date(2020, 7, 20)


@pytest.fixture
def today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    return TODAY


def schedule_url(congress, **query):
    url = reverse("planning:schedule", args=[congress.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def make_tasks(congress, count, organization=None):
    organization = organization or OrganizationFactory()
    tasks = []
    for number in range(1, count + 1):
        month = 7 + number % 3
        task = TaskFactory(congress=congress, number=number, deadline=f"Trong tháng {month}/2020")
        TaskPartyFactory(task=task, organization=organization)
        TaskPartyFactory(task=task, role="coordinating", organization=OrganizationFactory())
        task.assignees.add(*[])
        tasks.append(task)
    sub = TaskFactory(congress=congress, parent=tasks[0], number=1, deadline="Trước ngày 11/7/2020")
    TaskPartyFactory(task=sub, organization=organization)
    return tasks


# Schedule


def test_the_schedule_groups_tasks_by_month_with_sub_items(client_for, viewer, congress):
    july = TaskFactory(congress=congress, number=1, deadline="Ngày 06/7/2020", content="Họp phiên thứ nhất")
    august = TaskFactory(congress=congress, number=2, deadline="Trước ngày 06/8/2020", content="Họp phiên thứ ba")
    parent = TaskFactory(congress=congress, number=3, deadline="", content="")
    TaskFactory(congress=congress, parent=parent, number=1, deadline="Trước ngày 11/7/2020", content="Đại hội điểm")
    parent.save()

    response = client_for(viewer).get(schedule_url(congress))

    page = response.content.decode()
    assert response.status_code == 200
    assert [task.pk for task in response.context["page"]] == [july.pk, parent.pk, august.pk]
    table = page.index("<table")  # the month filter above it names the months too
    assert table < page.index("Tháng 7/2020", table) < page.index("Đại hội điểm") < page.index("Tháng 8/2020", table)
    assert "Trước ngày 06/8/2020" in page


def test_the_schedule_filters_by_party_sub_committee_status_month_and_search(
    client_for, viewer, congress, subcommittee, today
):
    lead = OrganizationFactory(name="Sở Nội vụ")
    mine = TaskFactory(congress=congress, number=1, content="Báo cáo tổng kết", deadline="Trước ngày 12/7/2020")
    TaskPartyFactory(task=mine, organization=lead)
    other = TaskFactory(congress=congress, number=2, content="Phóng sự", deadline="Trong tháng 8/2020")
    TaskPartyFactory(task=other)
    client = client_for(viewer)

    def shown(**query):
        return [task.pk for task in client.get(schedule_url(congress, **query)).context["page"]]

    assert shown(party=lead.pk) == [mine.pk]
    assert shown(q="phóng") == [other.pk]
    assert shown(month="2020-08") == [other.pk]
    assert shown(overdue="on") == [mine.pk]
    assert shown(status="done") == []
    TaskPartyFactory(task=other, organization=None, subcommittee=subcommittee)
    assert shown(subcommittee=subcommittee.pk) == [other.pk]


def test_the_party_filter_carries_only_the_chosen_organisation_and_loads_the_rest_on_demand(
    client_for, viewer, congress
):
    other_congress = OrganizingBoardFactory().congress
    lead = OrganizationFactory(name="Sở Nội vụ")
    helper = OrganizationFactory(name="Ban Tuyên giáo")
    elsewhere = OrganizationFactory(name="Sở Y tế")
    task = TaskFactory(congress=congress, number=1)
    TaskPartyFactory(task=task, organization=lead)
    TaskPartyFactory(task=task, role="coordinating", organization=helper)
    TaskPartyFactory(task=TaskFactory(congress=other_congress, number=1), organization=elsewhere)
    client = client_for(viewer)

    page = client.get(schedule_url(congress)).content.decode()
    options_url = reverse("planning:party_options", args=[congress.pk])
    assert f'data-options-url="{options_url}"' in page
    assert "Sở Nội vụ" not in page.split('name="party"')[1].split("</select>")[0]

    chosen = client.get(schedule_url(congress, party=lead.pk))
    party_select = chosen.content.decode().split('name="party"')[1].split("</select>")[0]
    assert f'<option value="{lead.pk}" selected>Sở Nội vụ</option>' in party_select
    assert "Ban Tuyên giáo" not in party_select

    options = client.get(options_url).json()["options"]
    assert options == [
        {"value": str(helper.pk), "text": "Ban Tuyên giáo"},
        {"value": str(lead.pk), "text": "Sở Nội vụ"},
    ]


@pytest.mark.parametrize("value", ["999999", "99999999999999999999", "abc"])
def test_a_party_that_is_not_of_the_congress_is_refused_as_a_choice(client_for, viewer, congress, value):
    other_congress = OrganizingBoardFactory().congress
    stranger_party = TaskPartyFactory(task=TaskFactory(congress=other_congress, number=1))
    client = client_for(viewer)

    for party in (value, stranger_party.organization_id):
        response = client.get(schedule_url(congress, party=party))
        assert response.status_code == 200
        assert response.context["filter"].form.errors["party"]


@pytest.mark.parametrize("organizations", [1, 25])
def test_the_party_options_read_a_fixed_number_of_queries(
    client_for, viewer, congress, organizations, django_assert_num_queries
):
    for number in range(1, organizations + 1):
        TaskPartyFactory(task=TaskFactory(congress=congress, number=number), organization=OrganizationFactory())
    client = client_for(viewer)
    url = reverse("planning:party_options", args=[congress.pk])

    with django_assert_num_queries(4):  # session, user, the congress with the roles, the organisations
        options = client.get(url).json()["options"]

    assert len(options) == organizations


def test_the_party_options_are_for_the_congress_s_people_only(client_for, stranger, congress):
    response = client_for(stranger).get(reverse("planning:party_options", args=[congress.pk]))
    assert response.status_code == 404


def test_a_sub_item_that_matches_brings_its_parent_along(client_for, viewer, congress):
    lead = OrganizationFactory()
    parent = TaskFactory(congress=congress, number=1, deadline="", content="")
    child = TaskFactory(congress=congress, parent=parent, number=1, content="Đại hội điểm")
    TaskPartyFactory(task=child, organization=lead)

    response = client_for(viewer).get(schedule_url(congress, party=lead.pk))

    assert [task.pk for task in response.context["page"]] == [parent.pk]


@pytest.mark.parametrize("rows", [1, 12, 70])
@pytest.mark.parametrize(
    "query", [{}, {"status": "not_started"}, {"month": "all"}], ids=["default", "filter", "all-months"]
)
def test_the_schedule_reads_a_fixed_number_of_queries(
    client_for, viewer, congress, rows, query, django_assert_max_num_queries
):
    make_tasks(congress, rows)
    client = client_for(viewer)
    with django_assert_max_num_queries(12 if "status" in query else 11):  # a filter counts its matches
        response = client.get(schedule_url(congress, **query))
    assert 0 < len(response.context["rows"]) <= SCHEDULE_PAGE_SIZE


def test_a_long_schedule_opens_on_this_month_with_a_month_pager(client_for, viewer, congress, today):
    make_tasks(congress, 70)  # months 7, 8 and 9 of 2020; today is in July 2020

    response = client_for(viewer).get(schedule_url(congress))

    pager = response.context["pager"]
    assert pager["window"]["month"] == datetime.date(2020, 7, 1)
    assert [entry["count"] for entry in pager["months"]] == [23, 24, 23]
    assert pager["total"] == 70 and pager["previous"] is None
    assert {row["month"] for row in response.context["rows"]} == {datetime.date(2020, 7, 1)}
    assert response.context["page"].paginator.count == 23
    page = response.content.decode()
    assert "Tháng 7/2020: 23 nhiệm vụ trên 70" in page
    assert "?month=2020-08" in page and "?month=all" in page

    august = client_for(viewer).get(schedule_url(congress, month="2020-08"))
    assert {row["month"] for row in august.context["rows"]} == {datetime.date(2020, 8, 1)}
    assert august.context["pager"]["previous"]["key"] == "2020-07"
    assert august.context["pager"]["next"]["key"] == "2020-09"

    every_month = client_for(viewer).get(schedule_url(congress, month="all"))
    assert every_month.context["page"].paginator.count == 70
    assert len(every_month.context["rows"]) == SCHEDULE_PAGE_SIZE


def test_a_short_schedule_shows_every_month_and_a_search_keeps_the_window(client_for, viewer, congress):
    make_tasks(congress, 12)

    response = client_for(viewer).get(schedule_url(congress))
    assert response.context["pager"]["all"] is True
    assert response.context["page"].paginator.count == 12

    found = client_for(viewer).get(schedule_url(congress, month="2020-08", status="not_started"))
    assert found.context["pager"]["window"]["key"] == "2020-08"
    assert [row["month"] for row in found.context["rows"]] == [datetime.date(2020, 8, 1)] * 4


def test_editors_see_edit_links_and_readers_do_not(client_for, secretariat, viewer, congress):
    task = TaskFactory(congress=congress)
    edit = reverse("planning:task_edit", args=[congress.pk, task.pk])
    assert edit in client_for(secretariat).get(schedule_url(congress)).content.decode()
    assert edit not in client_for(viewer).get(schedule_url(congress)).content.decode()


def test_strangers_get_404_on_the_schedule(client_for, stranger, congress):
    assert client_for(stranger).get(schedule_url(congress)).status_code == 404


# My work


def test_my_work_shows_exactly_the_focal_points_tasks_overdue_first(client_for, congress, today):
    home = OrganizationFactory(name="Sở Nội vụ")
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    later = TaskFactory(congress=congress, number=1, deadline="Trong tháng 8/2020")
    TaskPartyFactory(task=later, organization=home)
    late = TaskFactory(congress=congress, number=2, deadline="Trước ngày 12/7/2020")
    TaskPartyFactory(task=late, role="coordinating", organization=home)
    done = TaskFactory(
        congress=congress,
        number=3,
        deadline="Trước ngày 10/7/2020",
        status="done",
        completed_on=datetime.date(2020, 7, 9),
    )
    TaskPartyFactory(task=done, organization=home)
    TaskPartyFactory(task=TaskFactory(congress=congress, number=4))  # another agency's

    response = client_for(user).get(reverse("planning:my_work"))

    assert [task.pk for task in response.context["page"]] == [late.pk, later.pk]
    assert response.context["page"][0].overdue
    assert all(task.can_post for task in response.context["page"])
    done_page = client_for(user).get(reverse("planning:my_work") + "?show=done")
    assert [task.pk for task in done_page.context["page"]] == [done.pk]


def test_my_work_includes_assigned_tasks_and_the_sub_committees(client_for, congress, subcommittee):
    user = user_with_role(congress, CongressRole.Role.BOARD_MEMBER)
    assigned = TaskFactory(congress=congress, number=1)
    assigned.assignees.add(user.person)
    held = TaskFactory(congress=congress, number=2)
    TaskPartyFactory(task=held, organization=None, subcommittee=subcommittee)
    SubcommitteeMemberFactory(subcommittee=subcommittee, person=user.person)
    TaskFactory(congress=congress, number=3)

    response = client_for(user).get(reverse("planning:my_work"))

    assert {task.pk for task in response.context["page"]} == {assigned.pk, held.pk}


def test_my_work_does_not_show_another_congresss_tasks_for_the_same_organisation(client_for, congress, stranger):
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=congress.host)
    other = TaskFactory()
    TaskPartyFactory(task=other, organization=congress.host)

    response = client_for(user).get(reverse("planning:my_work"))

    assert list(response.context["page"]) == []


@pytest.mark.parametrize("elsewhere", [None, CongressRole.Role.VIEWER, CongressRole.Role.FOCAL_POINT])
def test_my_work_keeps_each_organisation_to_the_congresses_it_answers_for(client_for, congress, elsewhere):
    home, other_home = OrganizationFactory(), OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    other = CongressFactory(year=2025)
    if elsewhere:
        organization = other_home if elsewhere == CongressRole.Role.FOCAL_POINT else None
        CongressRoleFactory(congress=other, user=user, role=elsewhere, organization=organization)
    mine = TaskFactory(congress=congress, number=1)
    TaskPartyFactory(task=mine, organization=home)
    not_mine = TaskFactory(congress=congress, number=2)
    TaskPartyFactory(task=not_mine, organization=other_home)
    home_elsewhere = TaskFactory(congress=other, number=3)
    TaskPartyFactory(task=home_elsewhere, organization=home)
    other_home_elsewhere = TaskFactory(congress=other, number=4)
    TaskPartyFactory(task=other_home_elsewhere, organization=other_home)

    response = client_for(user).get(reverse("planning:my_work") + "?show=all")

    expected = {mine.pk, *([other_home_elsewhere.pk] if elsewhere == CongressRole.Role.FOCAL_POINT else [])}
    assert {task.pk for task in response.context["page"]} == expected


def test_my_work_cards_hold_their_parties_and_assignees_as_prefetched(client_for, congress):
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    parent = TaskFactory(congress=congress, number=1, content="Chuẩn bị")
    TaskPartyFactory(task=parent, organization=home)
    TaskPartyFactory(task=parent, role="coordinating", organization=OrganizationFactory())
    child = TaskFactory(congress=congress, parent=parent, number=1, content="Đại hội điểm")
    child.assignees.add(user.person)

    page = client_for(user).get(reverse("planning:my_work")).context["page"]

    by_key = {task.pk: task for task in page}
    assert set(by_key) == {parent.pk, child.pk}
    assert list(by_key[parent.pk].parties.all()) == list(parent.parties.order_by("-role", "order", "pk"))
    assert list(by_key[child.pk].parties.all()) == []
    assert list(by_key[child.pk].parent.parties.all()) == list(by_key[parent.pk].parties.all())
    assert [person.pk for person in by_key[child.pk].assignees.all()] == [user.person.pk]
    assert not by_key[parent.pk].parties.filter(role="lead").exists()  # a further filter finds nothing
    assert len(by_key[child.pk].reasons) == 1 and by_key[child.pk].can_post  # assigned to them


@pytest.mark.parametrize("query", ["", "q=nhiem+vu"], ids=["in-one-pass", "search-counts-apart"])
def test_my_work_pages_keep_their_order_and_total(client_for, congress, query):
    from planning.views.schedule import MY_WORK_PAGE_SIZE

    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    tasks = make_tasks(congress, MY_WORK_PAGE_SIZE + 3, organization=home)
    for task in tasks:
        task.content = f"Nhiệm vụ số {task.number}"
        task.save()
    client = client_for(user)
    url = reverse("planning:my_work") + "?" + query

    pages = [client.get(f"{url}&page={number}").context["page"] for number in (1, 2)]
    past_the_end = client.get(f"{url}&page=99").context["page"]

    assert [page.paginator.count for page in pages] == [MY_WORK_PAGE_SIZE + 4] * 2  # and the sub-item
    assert [len(page) for page in pages] == [MY_WORK_PAGE_SIZE, 4]
    shown = [task.pk for page in pages for task in page]
    assert len(set(shown)) == len(shown) == MY_WORK_PAGE_SIZE + 4
    assert shown == sorted(shown, key=lambda pk: next(t for page in pages for t in page if t.pk == pk).due_date)
    assert past_the_end.number == 2 and [task.pk for task in past_the_end] == [task.pk for task in pages[1]]
    assert all(task.parties.all() is not None and task.congress for task in pages[1])


@pytest.mark.parametrize("rows", [1, 15])
def test_my_work_reads_a_fixed_number_of_queries(client_for, congress, rows, django_assert_num_queries):
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    for task in make_tasks(congress, rows, organization=home):
        task.assignees.add(user.person)
    client = client_for(user)
    # Session, user, the roles with their congresses, person and sub-committees, the page's keys
    # and total, its tasks with their parents, the parties of both, the assignees.
    with django_assert_num_queries(7):
        client.get(reverse("planning:my_work"))


def test_my_work_needs_a_login(client):
    response = client.get(reverse("planning:my_work"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_tasks_without_text_are_left_to_their_sub_items(client_for, congress):
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    parent = TaskFactory(congress=congress, content="", deadline="")
    TaskPartyFactory(task=parent, organization=home)
    child = TaskFactory(congress=congress, parent=parent, content="Đại hội điểm")
    TaskPartyFactory(task=child, organization=home)

    response = client_for(user).get(reverse("planning:my_work"))

    assert [task.pk for task in response.context["page"]] == [child.pk]
    assert Task.objects.count() == 2


def test_rows_and_cards_built_in_python_escape_what_users_typed(client_for, congress):
    home = OrganizationFactory(name='Sở "A" <b>')
    user = user_with_role(congress, CongressRole.Role.SECRETARIAT)
    user.person.organization = home
    task = TaskFactory(congress=congress, number=1, content="<script>alert(1)</script> *nghiêng* & <i>x</i>")
    TaskPartyFactory(task=task, organization=home)
    CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=home)
    client = client_for(user)

    schedule = client.get(schedule_url(congress)).content.decode()
    my_work = client.get(reverse("planning:my_work")).content.decode()

    for page in (schedule, my_work):
        assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "Sở &quot;A&quot; &lt;b&gt;" in page or "Sở &#x27;A&#x27;" in page
    assert "<em>nghiêng</em>" in schedule  # the schedule and the card's title print emphasis
    assert "1. &lt;script&gt;alert(1)&lt;/script&gt; <em>nghiêng</em> &amp;" in my_work


def test_a_party_named_by_a_phrase_shows_its_emphasis_in_the_rows_and_cards(client_for, congress):
    """As the task's page and the printed plan do: the marks become <em> and <strong>, the rest is escaped."""
    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.SECRETARIAT)
    CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=home)
    task = TaskFactory(congress=congress, number=1, content="Báo cáo tổng kết")
    TaskPartyFactory(task=task, organization=home)
    TaskPartyFactory(task=task, organization=None, phrase="*Các sở, ngành* <b>liên quan</b>")
    TaskPartyFactory(task=task, organization=None, phrase="**UBND** các huyện", role=TaskParty.Role.COORDINATING)
    client = client_for(user)

    schedule = client.get(schedule_url(congress)).content.decode()
    my_work = client.get(reverse("planning:my_work")).content.decode()

    lead = "<em>Các sở, ngành</em> &lt;b&gt;liên quan&lt;/b&gt;"
    assert f'<span class="app-party">{lead}</span>' in schedule  # the lead column
    assert f"{home.name}; {lead}</div>" in schedule  # the facts under the text on a phone
    assert '<span class="app-party"><strong>UBND</strong> các huyện</span>' in schedule
    assert f"{home.name}; {lead}</div>" in my_work
    for page in (schedule, my_work):
        assert "*Các sở" not in page and "<b>liên quan" not in page


def test_my_work_reads_the_users_scope_as_the_rules_and_selectors_would(congress, subcommittee):
    from django.contrib.auth import get_user_model

    from congress.models import Congress
    from congress.rules import congress_roles
    from planning.selectors import responsibilities, work_scope
    from tests.factories import SubcommitteeFactory, UserFactory

    home = OrganizationFactory()
    user = user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=home)
    other = CongressFactory(year=2025)
    CongressRoleFactory(congress=other, user=user, role=CongressRole.Role.SUBCOMMITTEE_HEAD, subcommittee=subcommittee)
    CongressRoleFactory(congress=other, user=user, role=CongressRole.Role.VIEWER)
    for sub in (subcommittee, SubcommitteeFactory(congress=congress)):
        SubcommitteeMemberFactory(subcommittee=sub, person=user.person)
    without_person = UserFactory()
    CongressRoleFactory(congress=congress, user=without_person, role=CongressRole.Role.VIEWER)
    superuser = UserFactory(is_superuser=True)
    nobody = UserFactory()

    for account in (user, without_person, superuser, nobody):
        congresses, responsible = work_scope(get_user_model().objects.get(pk=account.pk))
        fresh = get_user_model().objects.get(pk=account.pk)
        visible = Congress.objects.visible_to(fresh)
        assert {pk: (c.name, c.year) for pk, c in congresses.items()} == {c.pk: (c.name, c.year) for c in visible}
        assert responsible == responsibilities(fresh)

    scoped = get_user_model().objects.get(pk=user.pk)
    work_scope(scoped)
    assert scoped.person.pk == user.person.pk
    assert sorted(congress_roles(scoped, other)) == sorted(congress_roles(user, other))
    unscoped = get_user_model().objects.get(pk=without_person.pk)
    work_scope(unscoped)
    assert getattr(unscoped, "person", None) is None
