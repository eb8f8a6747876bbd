"""Seed 003 in the browser: staff set the cap and quotas, a unit registers and submits its
delegates (the composition warning appears and clears), staff print invitations and badges, a
phone-width page checks delegates in by QR (from a generated badge image) and by name, and the
credentials report prints the counts."""

import subprocess

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from congress.models import Congress, CongressRole, Organization, Person
from delegates.badges import badges_pdf
from delegates.models import CheckIn, Delegate
from demo.congresses import DEMO_PASSWORD

from .conftest import VIEWPORTS, log_in, log_out
from .test_csp import RECORD_VIOLATIONS

pytestmark = pytest.mark.e2e

UNION = "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận lần thứ VII - năm 2020"
UNIT = "Liên đoàn Lao động huyện Bác Ái"


def submit(page):
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def focal_point_of(congress, organization):
    user = get_user_model().objects.create_user("bacai", password=DEMO_PASSWORD)
    Person.objects.create(full_name="Pi Năng Thị Hạnh", organization=organization, user=user)
    CongressRole.objects.create(
        congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=organization
    )


def register(page, name, gender, birth_year):
    page.get_by_role("link", name="Đăng ký đại biểu", exact=True).click()
    page.fill("#id_full_name", name)
    page.select_option("#id_gender", gender)
    page.fill("#id_birth_year", birth_year)
    page.fill("#id_position", "Công nhân")
    page.select_option("#id_sector", "worker")
    submit(page)
    expect(page.locator("main")).to_contain_text(name)


def test_seed_003_from_quotas_to_the_credentials_report(page, live_server, demo, tmp_path):
    if page.viewport_name != "desktop":
        pytest.skip("one walk: the desk work at desktop width, the door at phone width")
    base = live_server.url
    congress = Congress.objects.get(name=UNION)
    unit = Organization.objects.get(name=UNIT)
    focal_point_of(congress, unit)
    session = congress.sessions.get()

    # Staff set the cap, a quota and a composition target.
    log_in(page, live_server, "congdoan")
    page.goto(f"{base}/congresses/{congress.pk}/")
    page.locator(".app-tabs").get_by_role("link", name="Đại biểu").click()
    page.get_by_role("link", name="Số lượng, phân bổ và chỉ tiêu").click()
    page.fill("#id_total", "140")
    page.fill("#id_guests", "35")
    page.fill("#id_official", "105")
    page.fill("#id_registration_deadline", "30/06/2020")
    page.select_option("#id_quotas-0-organization", label=UNIT)
    page.fill("#id_quotas-0-seats", "2")
    page.select_option("#id_targets-0-criterion", "women")
    page.fill("#id_targets-0-min_percent", "30")
    submit(page)
    expect(page.locator("[data-seats]")).to_contain_text("140")
    expect(page.locator("main")).to_contain_text("LĐLĐ huyện Bác Ái")
    log_out(page)

    # The unit's focal point registers, sees the warning, fixes it and submits.
    log_in(page, live_server, "bacai")
    page.goto(f"{base}/congresses/{congress.pk}/delegates/")
    page.get_by_role("link", name="LĐLĐ huyện Bác Ái").first.click()
    register(page, "Katơr Văn Minh", "male", "1988")
    page.get_by_role("link", name="Gửi danh sách").click()
    expect(page.locator("[data-warning=composition]")).to_contain_text("Phụ nữ")
    page.get_by_role("link", name="Quay lại danh sách").click()
    register(page, "Pi Năng Thị Lụa", "female", "1995")
    page.get_by_role("link", name="Gửi danh sách").click()
    expect(page.locator("[data-warning=composition]")).to_have_count(0)
    expect(page.locator("[data-composition-ok]")).to_be_visible()
    submit(page)
    expect(page.locator("main")).to_contain_text("Đã gửi")
    log_out(page)

    # Staff accept the list and print invitations and badges.
    log_in(page, live_server, "congdoan")
    quota = congress.delegate_quotas.get()
    page.goto(f"{base}/congresses/{congress.pk}/delegates/units/{quota.pk}/")
    page.get_by_role("link", name="Chấp nhận", exact=True).click()
    submit(page)
    expect(page.locator("main")).to_contain_text("Đã chấp nhận")
    for url in (
        f"{base}/congresses/{congress.pk}/delegates/sessions/{session.pk}/invitations.pdf",
        f"{base}/congresses/{congress.pk}/delegates/badges.pdf",
    ):
        response = page.request.get(url)
        assert response.status == 200 and response.body().startswith(b"%PDF")

    # At the door, phone width: one badge by its QR image, one delegate by name.
    page.set_viewport_size(VIEWPORTS["phone"])
    scanned = Delegate.objects.get(full_name="Katơr Văn Minh")
    # The badge as printed: its sheet rendered to an image at 150 dpi, cut to the first badge.
    sheet = tmp_path / "the-dai-bieu.pdf"
    sheet.write_bytes(badges_pdf(congress, [scanned])[0])
    crop = ["-r", "150", "-f", "1", "-l", "1", "-x", "0", "-y", "0", "-W", "650", "-H", "450"]
    subprocess.run(["pdftoppm", "-png", "-singlefile", *crop, str(sheet), str(tmp_path / "the-dai-bieu")], check=True)
    image = tmp_path / "the-dai-bieu.png"
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{base}/congresses/{congress.pk}/delegates/sessions/{session.pk}/check-in/")
    page.set_input_files("[data-scan-file]", str(image))
    expect(page.locator("[data-scan-result]")).to_contain_text("Đã điểm danh Katơr Văn Minh")
    expect(page.locator("[data-present]").first).to_have_text("1")
    assert page.evaluate("window.cspViolations") == []
    page.fill("#id_q", "lụa")
    page.locator("form[role=search] button").click()
    page.get_by_role("button", name="Điểm danh").click()
    expect(page.locator("main")).to_contain_text("Đã điểm danh Pi Năng Thị Lụa")
    expect(page.locator("[data-present]").first).to_have_text("2")
    assert CheckIn.objects.filter(session=session).count() == 2
    assert page.evaluate("window.cspViolations") == []

    # The credentials report counts who came.
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(f"{base}/congresses/{congress.pk}/documents/credentials-report/{session.pk}/preview/")
    expect(page.locator("main")).to_contain_text("Số đại biểu có mặt: 2 đại biểu, đạt 100,00%")
