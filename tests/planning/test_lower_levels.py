import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from congress.models import Congress, CongressRole, CongressSession, Organization
from demo.congresses import load_demo
from demo.lower_levels import load_lower_levels
from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
from planning.models import LowerLevelCongress
from tests.factories import CongressFactory, CongressRoleFactory, CongressSessionFactory, OrganizationFactory

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.timedelta(days=1)
Status = LowerLevelCongress.Status


def entry(congress, **fields):
    fields.setdefault("organization", OrganizationFactory())
    fields.setdefault("due_date", dt.date(2020, 7, 14))
    return LowerLevelCongress.objects.create(congress=congress, **fields)


def with_status(congress, today):
    return {row.organization.name: row for row in congress.lower_levels.with_status(today=today)}


def form_data(unit, **overrides):
    data = {
        "lower_congress": "",
        "organization": unit.pk,
        "kind": "congress",
        "due_date": "14/07/2020",
        "held_on": "",
        "notes": "Theo Kế hoạch số 54/KH-UBND",
    }
    return {**data, **overrides}


def urls(congress, item):
    return {
        "create": reverse("planning:lower_level_create", args=[congress.pk]),
        "edit": reverse("planning:lower_level_edit", args=[congress.pk, item.pk]),
        "delete": reverse("planning:lower_level_delete", args=[congress.pk, item.pk]),
    }


# Access


@pytest.mark.parametrize("page", ["list", "create", "edit", "delete"])
def test_a_stranger_finds_no_lower_level_page(client_for, congress, stranger, page):
    item = entry(congress)
    url = reverse("planning:lower_levels", args=[congress.pk]) if page == "list" else urls(congress, item)[page]

    assert client_for(stranger).get(url).status_code == 404
    assert client_for(stranger).post(url, form_data(item.organization)).status_code == 404


def test_a_viewer_reads_the_list(client_for, congress, viewer):
    item = entry(congress)

    response = client_for(viewer).get(reverse("planning:lower_levels", args=[congress.pk]))

    assert response.status_code == 200
    assert list(response.context["page"]) == [item]
    assert response.context["can_manage"] is False
    assert item.get_edit_url() not in response.content.decode()
    assert "suggestions" not in response.context


@pytest.mark.parametrize("page", ["create", "edit", "delete"])
def test_a_viewer_may_not_change_the_list(client_for, congress, viewer, page):
    item = entry(congress)
    client = client_for(viewer)

    assert client.get(urls(congress, item)[page]).status_code == 403
    assert client.post(urls(congress, item)[page], form_data(OrganizationFactory())).status_code == 403
    assert LowerLevelCongress.objects.count() == 1


def test_the_list_needs_a_login(client, congress):
    response = client.get(reverse("planning:lower_levels", args=[congress.pk]))

    assert response.status_code == 302


# Changes by the secretariat


def test_the_secretariat_adds_a_unit(client_for, congress, secretariat):
    unit = OrganizationFactory(name="Ủy ban nhân dân huyện Ninh Sơn")

    response = client_for(secretariat).post(urls(congress, entry(congress))["create"], form_data(unit))

    assert response.status_code == 302
    added = LowerLevelCongress.objects.get(organization=unit)
    assert (added.congress, added.kind, added.due_date, added.held, added.held_on) == (
        congress,
        "congress",
        dt.date(2020, 7, 14),
        False,
        None,
    )
    assert added.notes == "Theo Kế hoạch số 54/KH-UBND"


def test_a_held_date_marks_the_unit_held(client_for, congress, secretariat):
    item = entry(congress)

    response = client_for(secretariat).post(
        urls(congress, item)["edit"], form_data(item.organization, held_on="10/07/2020")
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.held, item.held_on) == (True, dt.date(2020, 7, 10))


def test_a_held_date_in_the_future_is_refused_and_what_was_typed_stays(client_for, congress, secretariat):
    item = entry(congress)
    tomorrow = timezone.localdate() + DAY

    response = client_for(secretariat).post(
        urls(congress, item)["edit"],
        form_data(item.organization, held_on=tomorrow.strftime("%d/%m/%Y"), notes="Ghi chú mới"),
    )

    assert response.status_code == 422
    assert [str(error) for error in response.context["form"].errors["held_on"]] == [
        "Ngày tổ chức không được sau ngày hiện tại."
    ]
    assert "Ghi chú mới" in response.content.decode()
    item.refresh_from_db()
    assert item.held_on is None


def test_a_unit_listed_twice_is_refused_with_a_friendly_message(client_for, congress, secretariat):
    item = entry(congress, organization=OrganizationFactory(name="Hội Nông dân tỉnh"))

    response = client_for(secretariat).post(urls(congress, item)["create"], form_data(item.organization))

    assert response.status_code == 422
    assert "Hội Nông dân tỉnh" in response.context["form"].errors["organization"][0]
    assert LowerLevelCongress.objects.count() == 1


def test_an_entry_keeps_its_own_unit_when_edited(client_for, congress, secretariat):
    item = entry(congress)

    response = client_for(secretariat).post(
        urls(congress, item)["edit"], form_data(item.organization, due_date="20/07/2020")
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.due_date == dt.date(2020, 7, 20)


def test_a_date_in_the_wrong_form_is_refused(client_for, congress, secretariat):
    response = client_for(secretariat).post(
        reverse("planning:lower_level_create", args=[congress.pk]),
        form_data(OrganizationFactory(), due_date="2020/14/07"),
    )

    assert response.status_code == 422
    assert response.context["form"].errors["due_date"]


def test_the_unit_comes_from_the_linked_congress_when_left_empty(client_for, congress, secretariat):
    child = CongressFactory(parent=congress, kind=Congress.Kind.ADVANCED_MODELS)
    CongressRoleFactory(congress=child, user=secretariat, role=CongressRole.Role.VIEWER)

    response = client_for(secretariat).post(
        reverse("planning:lower_level_create", args=[congress.pk]),
        form_data(OrganizationFactory(), organization="", lower_congress=child.pk, kind="advanced_models"),
    )

    assert response.status_code == 302
    assert LowerLevelCongress.objects.get().organization == child.host


def test_a_congress_the_user_does_not_see_cannot_be_linked(client_for, congress, secretariat):
    hidden = CongressFactory(parent=congress)

    response = client_for(secretariat).post(
        reverse("planning:lower_level_create", args=[congress.pk]),
        form_data(OrganizationFactory(), lower_congress=hidden.pk),
    )

    assert response.status_code == 422
    assert response.context["form"].errors["lower_congress"]


def test_deleting_asks_first(client_for, congress, secretariat):
    item = entry(congress)
    client = client_for(secretariat)

    confirmation = client.get(urls(congress, item)["delete"])
    response = client.post(urls(congress, item)["delete"])

    assert confirmation.status_code == 200
    assert LowerLevelCongress.objects.count() == 0
    assert response.status_code == 302


# Statuses


def test_statuses_follow_the_held_and_due_dates(congress):
    today = dt.date(2020, 7, 20)
    entry(congress, organization=OrganizationFactory(name="on time"), held_on=dt.date(2020, 7, 14))
    entry(congress, organization=OrganizationFactory(name="late"), held_on=dt.date(2020, 7, 15))
    entry(congress, organization=OrganizationFactory(name="held"), held=True)
    entry(congress, organization=OrganizationFactory(name="overdue"))
    entry(congress, organization=OrganizationFactory(name="due today"), due_date=today)
    entry(congress, organization=OrganizationFactory(name="upcoming"), due_date=today + DAY)

    rows = with_status(congress, today)

    assert {name: row.status for name, row in rows.items()} == {
        "on time": Status.ON_TIME,
        "late": Status.LATE,
        "held": Status.HELD,
        "overdue": Status.OVERDUE,
        "due today": Status.UPCOMING,
        "upcoming": Status.UPCOMING,
    }
    assert rows["held"].held_date is None
    assert rows["late"].held_date == dt.date(2020, 7, 15)


def linked_congress(congress, starts_at=None, status=Congress.Status.PREPARING, timing="exact"):
    child = CongressFactory(parent=congress, status=status)
    CongressSessionFactory(congress=child, timing=timing, starts_at=starts_at, planned_month=7, planned_year=2020)
    return child


def test_a_linked_congress_gives_the_day_it_opened_in_vietnam_time(congress):
    opened = linked_congress(congress, dt.datetime(2020, 7, 14, 23, 30, tzinfo=dt.UTC))  # 06:30 on 15/7 in Vietnam
    future = linked_congress(congress, dt.datetime(2020, 8, 1, 8, 0, tzinfo=HCM))
    entry(congress, organization=opened.host, lower_congress=opened)
    entry(congress, organization=future.host, lower_congress=future)

    rows = {row.lower_congress_id: row for row in congress.lower_levels.with_status(today=dt.date(2020, 7, 20))}

    assert (rows[opened.pk].held_date, rows[opened.pk].status) == (dt.date(2020, 7, 15), Status.LATE)
    assert (rows[future.pk].held_date, rows[future.pk].status, rows[future.pk].opened_on) == (
        None,
        Status.OVERDUE,
        dt.date(2020, 8, 1),
    )


def test_the_recorded_date_wins_over_the_linked_congress(congress):
    opened = linked_congress(congress, dt.datetime(2020, 7, 16, 8, 0, tzinfo=HCM))
    entry(congress, organization=opened.host, lower_congress=opened, held_on=dt.date(2020, 7, 10))

    row = congress.lower_levels.with_status(today=dt.date(2020, 7, 20)).get()

    assert (row.held_date, row.status) == (dt.date(2020, 7, 10), Status.ON_TIME)


def test_a_linked_congress_marked_held_without_a_fixed_date_counts_as_held(congress):
    held = linked_congress(congress, status=Congress.Status.HELD, timing=CongressSession.Timing.MONTH)
    cancelled = linked_congress(congress, dt.datetime(2020, 7, 10, 8, 0, tzinfo=HCM), status=Congress.Status.CANCELLED)
    entry(congress, organization=held.host, lower_congress=held)
    entry(congress, organization=cancelled.host, lower_congress=cancelled)

    rows = {row.lower_congress_id: row for row in congress.lower_levels.with_status(today=dt.date(2020, 7, 20))}

    assert (rows[held.pk].held_date, rows[held.pk].status) == (None, Status.HELD)
    assert (rows[cancelled.pk].held_date, rows[cancelled.pk].status) == (None, Status.OVERDUE)


def test_the_summary_counts_held_late_overdue_and_upcoming(congress):
    today = dt.date(2020, 7, 20)
    entry(congress, held_on=dt.date(2020, 7, 1))
    entry(congress, held_on=dt.date(2020, 7, 18))
    entry(congress, held=True)
    entry(congress)
    entry(congress, due_date=dt.date(2020, 8, 1))

    summary = congress.lower_levels.with_status(today=today).summary()

    assert summary == {"total": 5, "held": 3, "late": 1, "overdue": 1, "upcoming": 1}


# The list page


def test_the_list_shows_the_summary_and_filters_by_status_and_unit(client_for, congress, viewer):
    entry(congress, organization=OrganizationFactory(name="Hội Nông dân tỉnh"), held=True)
    entry(congress, organization=OrganizationFactory(name="Ủy ban nhân dân huyện Bác Ái"))
    entry(congress, organization=OrganizationFactory(name="Ủy ban nhân dân huyện Ninh Sơn"))
    url = reverse("planning:lower_levels", args=[congress.pk])
    client = client_for(viewer)

    everything = client.get(url)
    overdue = client.get(url, {"status": "overdue"})
    searched = client.get(url, {"q": "Bác Ái"})

    assert everything.context["summary"]["held"] == 1
    assert everything.context["summary"]["overdue"] == 2
    assert [row.organization.name for row in overdue.context["page"]] == [
        "Ủy ban nhân dân huyện Bác Ái",
        "Ủy ban nhân dân huyện Ninh Sơn",
    ]
    assert [row.organization.name for row in searched.context["page"]] == ["Ủy ban nhân dân huyện Bác Ái"]


def test_the_list_sorts_by_held_date(client_for, congress, viewer):
    entry(congress, organization=OrganizationFactory(name="B"), held_on=dt.date(2020, 7, 2))
    entry(congress, organization=OrganizationFactory(name="A"), held_on=dt.date(2020, 7, 9))

    response = client_for(viewer).get(reverse("planning:lower_levels", args=[congress.pk]), {"order": "-held"})

    assert [row.organization.name for row in response.context["page"]] == ["A", "B"]


def test_the_link_to_a_units_congress_shows_only_when_the_user_may_open_it(client_for, congress, viewer):
    seen, unseen = CongressFactory(parent=congress), CongressFactory(parent=congress)
    CongressRoleFactory(congress=seen, user=viewer)
    entry(congress, organization=seen.host, lower_congress=seen)
    entry(congress, organization=OrganizationFactory(), lower_congress=unseen)

    response = client_for(viewer).get(reverse("planning:lower_levels", args=[congress.pk]))

    html = response.content.decode()
    assert f'href="{seen.get_absolute_url()}"' in html
    assert f'href="{unseen.get_absolute_url()}"' not in html


@pytest.mark.parametrize("rows", [1, 30])
def test_the_list_reads_a_fixed_number_of_queries(client_for, congress, secretariat, django_assert_num_queries, rows):
    CongressSessionFactory(congress=congress)
    for number in range(rows):
        child = CongressFactory(parent=congress)
        CongressRoleFactory(congress=child, user=secretariat)
        CongressSessionFactory(congress=child, timing="exact", starts_at=dt.datetime(2020, 7, 1, 8, tzinfo=HCM))
        entry(congress, organization=child.host, lower_congress=child, held=number % 2 == 0)
        CongressRoleFactory(congress=CongressFactory(parent=congress), user=secretariat)  # a suggestion
    client = client_for(secretariat)

    with django_assert_num_queries(8):
        response = client.get(reverse("planning:lower_levels", args=[congress.pk]))

    assert len(response.context["suggestions"]) == rows


# Suggestions


def test_a_child_congress_is_suggested_and_added_in_one_click(client_for, congress, secretariat):
    CongressSessionFactory(congress=congress, planned_month=8, planned_year=2020)
    child = CongressFactory(parent=congress, kind=Congress.Kind.ADVANCED_MODELS)
    CongressRoleFactory(congress=child, user=secretariat)
    url = reverse("planning:lower_levels", args=[congress.pk])
    client = client_for(secretariat)

    before = client.get(url)
    response = client.post(reverse("planning:lower_level_create", args=[congress.pk]), {"suggestion": child.pk})
    after = client.get(url)

    assert list(before.context["suggestions"]) == [child]
    assert response.status_code == 302
    added = LowerLevelCongress.objects.get()
    assert (added.organization, added.kind, added.due_date, added.lower_congress) == (
        child.host,
        "advanced_models",
        dt.date(2020, 7, 31),
        child,
    )
    assert list(after.context["suggestions"]) == []


def test_without_a_session_date_the_suggestion_opens_the_form(client_for, congress, secretariat):
    child = CongressFactory(parent=congress)
    CongressRoleFactory(congress=child, user=secretariat)
    client = client_for(secretariat)

    response = client.post(reverse("planning:lower_level_create", args=[congress.pk]), {"suggestion": child.pk})
    form = client.get(response.url)

    assert response.status_code == 302
    assert LowerLevelCongress.objects.count() == 0
    assert form.context["form"]["lower_congress"].value() == str(child.pk)


def test_a_viewer_or_a_hidden_congress_cannot_be_added_by_suggestion(client_for, congress, secretariat, viewer):
    CongressSessionFactory(congress=congress)
    hidden = CongressFactory(parent=congress)
    url = reverse("planning:lower_level_create", args=[congress.pk])

    assert client_for(viewer).post(url, {"suggestion": hidden.pk}).status_code == 403
    assert client_for(secretariat).post(url, {"suggestion": hidden.pk}).status_code == 404
    assert LowerLevelCongress.objects.count() == 0


# The demo


@pytest.fixture
def demo(db):
    load_demo()
    load_schedule()
    return Congress.objects.get(name=PROVINCIAL_CONGRESS)


def test_the_demo_lists_the_units_of_seed_000(demo):
    rows = {
        row.organization.name: (row.kind, row.due_date, row.held, row.held_on, row.lower_congress_id)
        for row in demo.lower_levels.all()
    }

    union = Congress.objects.get(host__name="Liên đoàn Lao động tỉnh Ninh Thuận")
    pending = (Congress.Kind.CONGRESS, dt.date(2020, 7, 14), False, None, None)
    assert rows == {
        "Hội Nông dân tỉnh": (Congress.Kind.CONGRESS, dt.date(2020, 7, 14), True, None, None),
        "Ủy ban nhân dân huyện Ninh Hải": (Congress.Kind.CONGRESS, dt.date(2020, 7, 14), True, None, None),
        "Sở Văn hóa, Thể thao và Du lịch": (Congress.Kind.CONGRESS, dt.date(2020, 7, 10), False, None, None),
        "Liên đoàn Lao động tỉnh Ninh Thuận": (
            Congress.Kind.ADVANCED_MODELS,
            dt.date(2020, 7, 14),
            False,
            None,
            union.pk,
        ),
        "Ủy ban nhân dân thành phố Phan Rang - Tháp Chàm": pending,
        "Ủy ban nhân dân huyện Ninh Phước": pending,
        "Ủy ban nhân dân huyện Ninh Sơn": pending,
        "Ủy ban nhân dân huyện Bác Ái": pending,
        "Ủy ban nhân dân huyện Thuận Bắc": pending,
        "Ủy ban nhân dân huyện Thuận Nam": pending,
    }


def test_loading_the_demo_again_duplicates_nothing(demo):
    before = list(LowerLevelCongress.objects.order_by("pk").values_list("pk", "organization_id", "held"))

    assert load_lower_levels(demo) == 0
    assert load_schedule() is False

    assert list(LowerLevelCongress.objects.order_by("pk").values_list("pk", "organization_id", "held")) == before
    assert Organization.objects.filter(name="Hội Nông dân tỉnh").count() == 1


def test_the_demo_list_opens_for_its_viewer(client_for, demo):
    viewer = CongressRole.objects.get(congress=demo, role=CongressRole.Role.VIEWER).user

    response = client_for(viewer).get(reverse("planning:lower_levels", args=[demo.pk]))

    assert response.status_code == 200
    assert response.context["summary"]["total"] == 10
    assert response.context["summary"]["held"] == 2


def test_a_double_click_on_a_suggestion_adds_it_once(client_for, congress, secretariat):
    CongressSessionFactory(congress=congress)
    child = CongressFactory(parent=congress)
    CongressRoleFactory(congress=child, user=secretariat)
    client = client_for(secretariat)
    url = reverse("planning:lower_level_create", args=[congress.pk])

    first = client.post(url, {"suggestion": child.pk})
    second = client.post(url, {"suggestion": child.pk})

    assert (first.status_code, second.status_code) == (302, 302)
    assert LowerLevelCongress.objects.filter(lower_congress=child).count() == 1


def test_odd_input_gives_no_error_page(client_for, congress, secretariat):
    client = client_for(secretariat)
    create = reverse("planning:lower_level_create", args=[congress.pk])
    listing = reverse("planning:lower_levels", args=[congress.pk])

    assert client.post(create, {"suggestion": "abc"}).status_code == 404
    assert client.get(create, {"lower_congress": "abc"}).status_code == 200
    assert client.get(listing, {"status": "nope", "order": "nope", "page": "x"}).status_code == 200


def test_the_units_congress_offers_only_congresses_that_lead_to_this_one(client_for, secretariat, congress):
    child = CongressFactory(parent=congress, level="district", area_name="huyện Ninh Hải")
    unrelated = CongressFactory(level="district", area_name="huyện Bác Ái")
    parent = CongressFactory(level="national", area_name="toàn quốc")
    congress.parent = parent
    congress.save()
    for other in (child, unrelated, parent):
        CongressRoleFactory(congress=other, user=secretariat, role=CongressRole.Role.SECRETARIAT)

    form = client_for(secretariat).get(reverse("planning:lower_level_create", args=[congress.pk])).context["form"]

    assert list(form.fields["lower_congress"].queryset) == [child]
