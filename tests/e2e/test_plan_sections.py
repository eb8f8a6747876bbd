"""The secretariat writes a plan's sections in the browser: adds one, moves it up, saves; the preview numbers it."""

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from documents.models import Document

from .conftest import log_in, picture

pytestmark = pytest.mark.e2e

PROVINCIAL = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"


def test_the_secretariat_adds_a_fifth_part_moves_it_up_and_the_preview_numbers_it_v(page, live_server, demo):
    congress = Congress.objects.get(name=PROVINCIAL)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/documents/plan/{congress.pk}/")
    page.get_by_role("link", name="Sửa nội dung").click()
    sections = page.locator("[data-outline-section]")
    count = sections.count()

    page.get_by_role("button", name="Thêm một phần").click()
    expect(sections).to_have_count(count + 1)
    last = sections.nth(count)
    last.locator("select").select_option("1")
    last.locator("input[name$='-heading']").fill("Kinh phí")
    last.locator("textarea").fill("- Ngân sách tỉnh bảo đảm, *theo dự toán được duyệt*.")
    last.get_by_role("button", name="Chuyển lên").click()  # above the closing paragraph
    expect(sections.nth(count - 1).locator("input[name$='-heading']")).to_have_value("Kinh phí")
    last.scroll_into_view_if_needed()
    picture(page, f"/tmp/plan-sections-{page.viewport_name}.png")
    page.locator("main form button[value=save]").last.click()
    page.wait_for_load_state()

    assert Document.objects.get(kind="plan").sections.filter(heading="Kinh phí", level=1).exists()
    page.goto(f"{live_server.url}/congresses/{congress.pk}/documents/plan/{congress.pk}/preview/")
    expect(page.locator("body")).to_contain_text("V. KINH PHÍ")
    expect(page.locator("em", has_text="theo dự toán được duyệt")).to_have_count(1)
