"""The secretariat creates the next congress from the demo one and finds its deadlines moved."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
from planning.clone import congress_day
from planning.deadlines import Kind, shifted

from .conftest import log_in

pytestmark = pytest.mark.e2e

NEXT = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VIII - năm 2025"


def test_the_next_congress_is_created_from_the_demo_one_with_its_deadlines_moved(page, live_server, demo):
    load_schedule()
    source = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    old_day = congress_day(source)
    new_day = old_day.replace(year=old_day.year + 5)
    task = source.tasks.filter(deadline_kind=Kind.BEFORE_DAY, parent=None).order_by("number").first()
    expected = shifted(task.deadline(), days=(new_day - old_day).days, months=60).phrase
    log_in(page, live_server, "vanphong")

    page.goto(f"{live_server.url}/congresses/{source.pk}/")
    page.get_by_role("link", name="Tạo Đại hội kỳ sau").click()
    expect(page.locator("#id_new_day")).to_have_value(new_day.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Xem trước các ngày mới").click()
    expect(page.locator("#clone-tasks")).to_contain_text(task.deadline_phrase)
    expect(page.locator("#clone-tasks")).to_contain_text(expected)
    assert not Congress.objects.filter(year=2025).exists()
    page.get_by_role("button", name="Tạo Đại hội", exact=True).click()

    expect(page.locator("h1")).to_contain_text(NEXT)
    expect(page.locator("main")).to_contain_text(expected)
    new = Congress.objects.get(name=NEXT)
    assert new.tasks.get(number=task.number, parent=None).deadline_phrase == expected
    assert new.tasks.filter(due_date__lt=dt.date(2025, 1, 1)).count() == 0
