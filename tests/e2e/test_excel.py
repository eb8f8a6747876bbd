"""Excel in and out in the browser: the schedule downloads as .xlsx, the directory imports after a preview."""

import pytest
from openpyxl import Workbook, load_workbook
from playwright.sync_api import expect

from congress.models import Congress, Organization
from demo.congresses import DEMO_CONGRESS_NAME

from .conftest import log_in

pytestmark = pytest.mark.e2e


def test_the_schedule_downloads_with_its_month_rows(page, live_server, demo, tmp_path):
    from demo.schedule import load_schedule

    load_schedule()
    congress = Congress.objects.get(name=DEMO_CONGRESS_NAME)
    log_in(page, live_server, "xem")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/schedule/")

    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel").click()

    download.value.save_as(tmp_path / "lich.xlsx")
    sheet = load_workbook(tmp_path / "lich.xlsx").worksheets[0]
    assert download.value.suggested_filename.endswith(".xlsx")
    assert [cell.value for cell in sheet[1]][:5] == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert sheet["A2"].value.startswith("Tháng ")


def test_the_standing_office_imports_organisations_after_the_preview(page, live_server, demo, tmp_path):
    book = Workbook()
    for row in [
        ["Tên", "Tên gọi tắt", "Chữ viết tắt", "Loại hình", "Trực thuộc"],
        ["Phòng Thi đua số 9", "", "", "", "Sở Nội vụ"],
    ]:
        book.active.append(row)
    path = tmp_path / "don-vi.xlsx"
    book.save(path)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/directory/organizations/")

    page.get_by_role("link", name="Nhập từ Excel").click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("main table")).to_contain_text("Thêm mới vào danh bạ")
    assert not Organization.objects.filter(name="Phòng Thi đua số 9").exists()
    page.get_by_role("button", name="Nhập các dòng này").click()

    expect(page.locator(".alert-success")).to_contain_text("Đã thêm 1")
    assert Organization.objects.get(name="Phòng Thi đua số 9").parent.short_name == "Sở Nội vụ"
