"""Staff found a congress in the browser, at desktop and phone width."""

import re

import pytest
from playwright.sync_api import expect

from congress.models import Congress, CongressRole, Person
from tests.factories import UserFactory

from .conftest import log_in, log_out

pytestmark = pytest.mark.e2e

PROVINCIAL = "Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII - năm 2020"


def submit(page):
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()


def add_session(page, base, congress, name, starts, ends):
    page.goto(f"{base}/congresses/{congress.pk}/sessions/new/")
    page.fill("#id_name", name)
    page.check("input[name=timing][value=exact]")
    page.fill("#id_starts_at", starts)
    page.fill("#id_ends_at", ends)
    page.fill("#id_place", "Hội trường UBND huyện Ninh Hải")
    submit(page)
    expect(page.locator("main")).to_contain_text(name)


def open_organisation_tab(page, name):
    """Sessions, board, sub-committees and access sit in the congress's "Tổ chức" menu."""
    page.locator(".app-tabs .dropdown-toggle").click()
    page.locator(".app-tabs .dropdown-menu").get_by_role("link", name=name, exact=True).click()


def test_the_secretariat_finds_the_demo_congress_with_its_board_and_subcommittees(page, live_server, demo):
    log_in(page, live_server, "vanphong")

    expect(page.locator("main")).to_contain_text(PROVINCIAL)
    page.get_by_role("link", name=PROVINCIAL).first.click()
    expect(page.locator("h1")).to_contain_text(PROVINCIAL)
    open_organisation_tab(page, "Ban Tổ chức")
    expect(page.locator("main")).to_contain_text("Lưu Xuân Vĩnh")
    open_organisation_tab(page, "Các Tiểu ban")
    for name in ["Tiểu ban Nội dung", "Tiểu ban Tuyên truyền", "Tiểu ban Phục vụ"]:
        expect(page.locator("main")).to_contain_text(name)


def test_the_secretariat_founds_a_congress_with_two_sessions_and_a_board(page, live_server, demo):
    base = live_server.url
    log_in(page, live_server, "vanphong")
    page.goto(f"{base}/congresses/new/")
    page.select_option("#id_kind", "congress")
    page.select_option("#id_level", "district")
    page.fill("#id_area_name", "huyện Ninh Hải")
    page.fill("#id_edition", "6")
    page.fill("#id_year", "2025")
    page.select_option("#id_host", label="Ủy ban nhân dân huyện Ninh Hải")
    page.select_option("#id_parent", label=PROVINCIAL)
    page.fill("#id_review_period", "2020-2025")
    submit(page)

    congress = Congress.objects.get(name="Đại hội Thi đua yêu nước huyện Ninh Hải lần thứ VI - năm 2025")
    expect(page).to_have_url(re.compile(rf"/congresses/{congress.pk}/sessions/$"))
    add_session(page, base, congress, "Phiên trù bị", "14/05/2025 14:00", "14/05/2025 16:30")
    add_session(page, base, congress, "Phiên chính thức", "15/05/2025 07:30", "15/05/2025 11:30")
    expect(page.locator("main")).to_contain_text("14:00 - 16:30 ngày 14/5/2025")

    head = Person.objects.get(full_name="Lưu Xuân Vĩnh")
    page.goto(f"{base}/congresses/{congress.pk}/board/members/new/")
    page.select_option("#id_person", str(head.pk))
    page.select_option("#id_role", "head")
    submit(page)
    expect(page.locator("main")).to_contain_text("Lưu Xuân Vĩnh")
    assert congress.sessions.count() == 2
    assert list(congress.board.members.values_list("person__full_name", "role")) == [("Lưu Xuân Vĩnh", "head")]

    outsider = UserFactory(username="daumoicongdoan", password="demo12345")
    union_conference = Congress.objects.get(kind=Congress.Kind.ADVANCED_MODELS)
    CongressRole.objects.create(
        congress=union_conference, user=outsider, role="focal_point", organization=union_conference.host
    )
    log_out(page)
    log_in(page, live_server, "daumoicongdoan")
    response = page.goto(f"{base}/congresses/{congress.pk}/")
    assert response.status == 404
    page.goto(f"{base}/congresses/")
    expect(page.locator("main")).not_to_contain_text("huyện Ninh Hải lần thứ VI")
