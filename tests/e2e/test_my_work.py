"""The focal point of Sở Nội vụ reports progress from My work; the secretariat sees it."""

import pytest
from playwright.sync_api import expect

from planning.models import Attachment, Task
from tests.factories import PDF

from .conftest import log_in, log_out

pytestmark = pytest.mark.e2e


@pytest.fixture
def schedule(demo):
    from demo.schedule import load_schedule

    load_schedule()


def test_the_focal_point_reports_progress_with_a_file_and_the_secretariat_sees_it(
    page, live_server, schedule, tmp_path
):
    interior = Task.objects.filter(parties__organization__short_name="Sở Nội vụ").distinct()
    expected = sorted(interior.values_list("number", flat=True))
    log_in(page, live_server, "sonoivu")

    page.goto(f"{live_server.url}/my-work/")
    cards = page.locator("article.app-work-item")
    expect(cards).to_have_count(len(expected))
    shown = [int(text.split(".")[0]) for text in cards.locator("h2").all_inner_texts()]
    assert sorted(shown) == expected == [3, 4, 6, 10, 11]

    first = cards.first
    first.locator(".app-work-progress a").click()
    first.locator("textarea[name=text]").fill("Đã gửi dự thảo Báo cáo tổng kết cho Văn phòng UBND tỉnh.")
    first.locator("select[name=new_status]").select_option("in_progress")
    report = tmp_path / "du-thao-bao-cao.pdf"
    report.write_bytes(PDF)
    first.locator("input[type=file]").set_input_files(str(report))
    first.locator("button[type=submit]").click()
    expect(page.locator("article.app-work-item .alert-success")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/my-work/")

    attachment = Attachment.objects.get()
    task = attachment.update.task
    assert task.number == shown[0]
    assert Task.objects.get(pk=task.pk).status == "in_progress"

    log_out(page)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{task.congress_id}/dashboard/")
    expect(page.locator("main")).to_contain_text("Đã gửi dự thảo Báo cáo tổng kết")
    page.goto(f"{live_server.url}{task.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("du-thao-bao-cao.pdf")
