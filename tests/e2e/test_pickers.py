"""Searchable pickers: typing a name without its accents finds it, under the strict CSP."""

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from demo.congresses import DEMO_CONGRESS_NAME
from planning.models import Task, TaskParty

from .conftest import log_in

pytestmark = pytest.mark.e2e


def test_typing_dang_finds_dang_huu_nghia_among_the_assignees(page, live_server, demo):
    congress = Congress.objects.get(name=DEMO_CONGRESS_NAME)
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/tasks/new/")

    page.fill("#id_number", "90")
    page.fill("#id_content", "Chuẩn bị phóng sự về Đại hội")
    picker = page.locator("#id_assignees-ts-control")
    picker.click()
    picker.fill("dang")
    option = page.locator(".ts-dropdown .option", has_text="Đặng Hữu Nghĩa")
    expect(option).to_be_visible()
    expect(page.locator(".ts-dropdown .option", has_text="Huỳnh Văn Lộc")).to_have_count(0)
    option.click()
    page.keyboard.press("Escape")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()

    task = Task.objects.get(congress=congress, content="Chuẩn bị phóng sự về Đại hội")
    assert [person.full_name for person in task.assignees.all()] == ["Đặng Hữu Nghĩa"]
    assert violations == []


def test_the_schedule_s_organisation_filter_loads_its_options_when_opened(page, live_server, demo):
    from demo.schedule import load_schedule

    load_schedule()
    congress = Congress.objects.get(name=DEMO_CONGRESS_NAME)
    lead = (
        TaskParty.objects.filter(task__congress=congress, organization__isnull=False)
        .values_list("organization__name", flat=True)
        .first()
    )
    loads = []
    page.on("request", lambda request: loads.append(request.url) if "organisations.json" in request.url else None)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/schedule/?month=all")
    assert loads == []  # the page itself carries no list of organisations

    # Opening the picker loads its options; typing starts once they are in (keys typed while the
    # list is being filled in can be lost on a busy machine).
    with page.expect_response(lambda response: "organisations.json" in response.url):
        page.locator(".ts-wrapper:has(#id_party-ts-control) .ts-control").click()
    page.keyboard.type(lead.split()[-1])
    option = page.locator(".ts-dropdown .option", has_text=lead)
    expect(option.first).to_be_visible()
    option.first.click()
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.locator("#filters button[type=submit]").click()

    assert len(loads) == 1
    rows = page.locator("main table.app-schedule tbody tr:not(.app-month-row)")
    expect(rows.first).to_be_visible()
    organization = TaskParty.objects.filter(organization__name=lead).values_list("organization_id", flat=True).first()
    assert f"party={organization}" in page.url
    expect(page.locator(".ts-wrapper:has(#id_party-ts-control) .ts-control .item")).to_have_text(lead)
