"""Two people edit the congress at once: the second sees both versions side by side and loses nothing."""

import pytest
from playwright.sync_api import expect

from congress.models import Congress

from .conftest import VIEWPORTS, log_in, picture

pytestmark = pytest.mark.e2e


def test_the_second_editor_sees_the_conflict_page_and_can_save_knowingly(browser, live_server, demo, tmp_path):
    congress = Congress.objects.get(level=Congress.Level.PROVINCE, edition=7, kind=Congress.Kind.CONGRESS)
    url = f"{live_server.url}/congresses/{congress.pk}/edit/"
    pages = []
    for _ in range(2):  # two people, each in their own browser
        context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="vi-VN")
        context.set_default_timeout(10_000)
        page = context.new_page()
        log_in(page, live_server, "vanphong")
        page.goto(url)
        pages.append(page)
    first, second = pages

    first.fill("#id_theme", "Chủ đề do người thứ nhất lưu")
    first.locator("main form button[type=submit]").first.click()
    first.wait_for_load_state()
    second.fill("#id_theme", "Chủ đề của người thứ hai")
    second.locator("main form button[type=submit]").first.click()

    panel = second.locator(".app-conflict")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("Người khác đã lưu bản ghi này trong lúc bạn đang sửa")
    expect(panel.locator("tr.table-warning")).to_have_count(1)  # only what differs is marked
    expect(panel.locator("tr.table-warning")).to_contain_text("Chủ đề do người thứ nhất lưu")
    expect(second.locator("#id_theme")).to_have_value("Chủ đề của người thứ hai")
    picture(second, tmp_path / "conflict.png", full_page=True)
    congress.refresh_from_db()
    assert congress.theme == "Chủ đề do người thứ nhất lưu"

    second.locator("main form button[type=submit]").first.click()  # knowingly, over theirs
    second.wait_for_load_state()
    congress.refresh_from_db()
    assert congress.theme == "Chủ đề của người thứ hai"
    for page in pages:
        page.context.close()
