import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Playwright's sync API keeps an event loop running in the test thread; the ORM calls the
# tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
}


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.viewport_name = request.param
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db):
    from demo.congresses import load_demo

    load_demo()


def log_in(page, live_server, username, password="demo12345"):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def picture(page, path, **options):
    """Keep a screenshot of the page as it stands, for a person to look at.

    Chromium refuses a capture now and then while it is still painting after a navigation
    ("Unable to capture screenshot"), more often on a busy machine; the page is let settle
    and the capture tried again. Any other error, or a third refusal, fails the test.
    """
    from playwright.sync_api import Error

    page.wait_for_load_state()
    for attempt in range(3):
        try:
            return page.screenshot(path=str(path), **options)
        except Error as error:
            if "Unable to capture screenshot" not in str(error) or attempt == 2:
                raise
            page.wait_for_timeout(500)


def log_out(page):
    page.context.clear_cookies()
