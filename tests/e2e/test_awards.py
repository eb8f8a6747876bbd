"""A focal point assembles and submits a dossier for Chiến sĩ thi đua cấp tỉnh; the standing office
imports the award history, returns the dossier once for its minutes, and accepts it on resubmission."""

import io

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from awards.models import AwardType, Nomination, RequiredDocument
from tests.factories import PDF

from .conftest import log_in, log_out

pytestmark = pytest.mark.e2e

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64
MISSING = "Bắt buộc, còn thiếu"


@pytest.fixture
def honours(demo):
    from awards.catalogue import load_catalogue
    from demo.awards import load_demo_awards

    load_catalogue(AwardType, RequiredDocument)  # a transactional test flushed the migration's rows
    load_demo_awards()


def history_sheet(path):
    workbook = Workbook()
    workbook.active.append(["Họ và tên", "Đơn vị", "Danh hiệu", "Năm", "Số quyết định"])
    workbook.active.append(["Trần Thị Minh Thư", "Sở Nội vụ", "CSTĐ cơ sở", 2018, "QĐ 45/QĐ-SNV"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def submit(page):
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def upload(page, document_text, path):
    item = page.locator("li.app-document").filter(has_text=document_text).first
    item.locator("input[type=file]").set_input_files(str(path))
    item.get_by_role("button", name="Tải lên").click()
    page.wait_for_load_state()


def step(page, name, comment=""):
    page.locator(".app-page-actions").get_by_role("link", name=name).click()
    if comment:
        page.fill("#id_comment", comment)
    submit(page)


def test_a_dossier_goes_from_the_focal_point_to_the_standing_office_and_back(page, live_server, honours, tmp_path):
    congress_pk = Nomination.objects.first().round.congress_id
    base = f"{live_server.url}/congresses/{congress_pk}/awards"

    # The standing office imports the award history that eligibility reads.
    log_in(page, live_server, "vanphong")
    page.goto(f"{base}/history/import/")
    page.locator("input[type=file]").set_input_files(str(history_sheet(tmp_path / "lich-su.xlsx")))
    submit(page)
    expect(page.locator("main table")).to_contain_text("Trần Thị Minh Thư")
    page.get_by_role("button", name="Nhập các dòng này").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã nhập 1 dòng lịch sử khen thưởng.")
    log_out(page)

    # The focal point of Sở Nội vụ assembles the dossier.
    log_in(page, live_server, "sonoivu")
    page.goto(f"{base}/")
    page.get_by_role("link", name="Thêm hồ sơ").first.click()
    page.select_option("#id_award_type", label="Chiến sĩ thi đua cấp tỉnh")
    page.select_option("#id_person", label="Trần Thị Minh Thư, Chuyên viên Ban Thi đua - Khen thưởng tỉnh")
    page.fill("#id_achievements", "Có sáng kiến cải tiến quy trình xét khen thưởng, áp dụng toàn tỉnh.")
    submit(page)
    expect(page.locator("h2")).to_contain_text("Trần Thị Minh Thư")
    expect(page.locator("#eligibility")).to_contain_text("CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục")

    picture = tmp_path / "bien-ban.pdf"
    picture.write_bytes(PNG)
    upload(page, "Biên bản bình xét", picture)
    expect(page.locator("main")).to_contain_text("“bien-ban.pdf” không thuộc loại tệp được chấp nhận")
    document = tmp_path / "tai-lieu.pdf"
    document.write_bytes(PDF)
    while page.locator("li.app-document").filter(has_text=MISSING).count():
        name = page.locator("li.app-document").filter(has_text=MISSING).first.locator(".fw-medium").inner_text()
        upload(page, name, document)
    step(page, "Nộp hồ sơ")
    expect(page.locator("h2 .badge")).to_have_text("Đã nộp")
    expect(page.locator(".app-page-actions")).not_to_contain_text("Sửa")
    log_out(page)

    # The standing office returns it once for its minutes.
    nomination = Nomination.objects.get(person__full_name="Trần Thị Minh Thư", award_type__code="cstd_tinh")
    log_in(page, live_server, "vanphong")
    page.goto(f"{base}/dossiers/{nomination.pk}/")
    step(page, "Trả lại để bổ sung", "Biên bản bình xét chưa có kết quả bỏ phiếu, đề nghị bổ sung.")
    expect(page.locator("h2 .badge")).to_have_text("Trả lại để bổ sung")
    log_out(page)

    # The focal point adds the signed minutes and resubmits.
    log_in(page, live_server, "sonoivu")
    page.goto(f"{base}/dossiers/{nomination.pk}/")
    expect(page.locator("main")).to_contain_text("Biên bản bình xét chưa có kết quả bỏ phiếu")
    minutes = tmp_path / "bien-ban-co-ket-qua.pdf"
    minutes.write_bytes(PDF)
    upload(page, "Biên bản bình xét", minutes)
    step(page, "Nộp hồ sơ", "Đã bổ sung biên bản có kết quả bỏ phiếu.")
    expect(page.locator("h2 .badge")).to_have_text("Đã nộp lại")
    log_out(page)

    # The standing office accepts it.
    log_in(page, live_server, "vanphong")
    page.goto(f"{base}/dossiers/{nomination.pk}/")
    step(page, "Xác nhận hồ sơ đầy đủ")
    expect(page.locator("h2 .badge")).to_have_text("Hồ sơ đầy đủ")
    assert list(nomination.events.values_list("to_status", flat=True)) == [
        "draft",
        "submitted",
        "returned",
        "resubmitted",
        "complete",
    ]
    assert nomination.files.filter(name="bien-ban-co-ket-qua.pdf").exists()


def test_the_dossier_form_shows_the_nominee_fields_of_the_chosen_award_type(page, live_server, honours):
    congress_pk = Nomination.objects.first().round.congress_id
    log_in(page, live_server, "sonoivu")
    page.goto(f"{live_server.url}/congresses/{congress_pk}/awards/")
    page.get_by_role("link", name="Thêm hồ sơ").first.click()

    expect(page.locator("#id_person")).to_be_hidden()
    expect(page.locator("#id_organization")).to_be_hidden()

    page.select_option("#id_award_type", label="Chiến sĩ thi đua cấp tỉnh")
    expect(page.locator("#id_person")).to_be_visible()
    expect(page.locator("#id_new_person_name")).to_be_visible()
    expect(page.locator("#id_organization")).to_be_hidden()
    expect(page.locator("#id_household")).to_be_hidden()

    page.select_option("#id_award_type", label="Bằng khen của Chủ tịch UBND tỉnh (tập thể)")
    expect(page.locator("#id_organization")).to_be_visible()
    expect(page.locator("#id_women_share")).to_be_visible()
    expect(page.locator("#id_person")).to_be_hidden()
    expect(page.locator("#id_new_person_name")).to_be_hidden()
