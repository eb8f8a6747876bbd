"""The secretariat ticks tasks on the schedule, moves their deadlines, confirms, and finds them moved."""

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
from planning.models import TaskEvent

from .conftest import log_in

pytestmark = pytest.mark.e2e


def test_ticked_tasks_move_their_deadlines_after_a_confirmation(page, live_server, demo):
    load_schedule()
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    first = congress.tasks.get(parent=None, number=1)  # "Ngày 06/7/2020"
    log_in(page, live_server, "vanphong")

    page.goto(f"{live_server.url}/congresses/{congress.pk}/schedule/")
    page.locator(f"input[name=task][value='{first.pk}']").check()
    page.get_by_role("button", name="Thay đổi các nhiệm vụ đã đánh dấu").click()
    page.get_by_label("Dời thời hạn một số ngày").check()
    page.fill("#id_days", "5")
    page.get_by_role("button", name="Xem lại các thay đổi").click()
    expect(page.locator("#bulk-changes")).to_contain_text("Ngày 11/7/2020")
    page.get_by_role("button", name="Xác nhận").click()

    expect(page.locator(".alert-success, .alert-info").first).to_contain_text("Đã thay đổi 1 nhiệm vụ")
    expect(page.locator("main")).to_contain_text("Ngày 11/7/2020")
    first.refresh_from_db()
    assert first.deadline_phrase == "Ngày 11/7/2020"
    assert TaskEvent.objects.filter(task=first, changes__has_key="deadline").count() == 1
