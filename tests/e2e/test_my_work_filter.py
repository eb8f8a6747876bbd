"""My work's congress filter starts at "Tất cả" and can go back to it after one congress was picked."""

import pytest
from playwright.sync_api import expect

from congress.models import CongressRole
from tests.factories import (
    CongressRoleFactory,
    OrganizingBoardFactory,
    PersonFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

from .conftest import log_in

pytestmark = pytest.mark.e2e


@pytest.fixture
def focal_point_of_two_congresses(transactional_db):
    user = UserFactory(username="daumoi")
    user.set_password("demo12345")
    user.save()
    PersonFactory(user=user)
    for name, content in (("Đại hội tỉnh", "Việc của Đại hội tỉnh"), ("Hội nghị Công đoàn", "Việc của Hội nghị")):
        congress = OrganizingBoardFactory(congress__name=name).congress
        CongressRoleFactory(
            congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=congress.host
        )
        TaskPartyFactory(task=TaskFactory(congress=congress, content=content), organization=congress.host)
    return user


def test_the_congress_filter_goes_back_to_all(page, live_server, focal_point_of_two_congresses):
    log_in(page, live_server, "daumoi")
    page.goto(f"{live_server.url}/my-work/")
    cards = page.locator("article.app-work-item")
    expect(cards).to_have_count(2)
    if page.viewport_name == "phone":
        page.get_by_role("button", name="Tìm kiếm và lọc").click()
    congress = page.locator("select[name=congress]")
    expect(congress.locator("option:checked")).to_have_text("Tất cả")

    congress.select_option(label="Hội nghị Công đoàn")
    page.locator("#filters button[type=submit]").click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Việc của Hội nghị")

    if page.viewport_name == "phone" and not congress.is_visible():
        page.get_by_role("button", name="Tìm kiếm và lọc").click()
    congress.select_option(label="Tất cả")
    page.locator("#filters button[type=submit]").click()
    expect(cards).to_have_count(2)
