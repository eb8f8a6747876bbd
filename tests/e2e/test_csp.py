"""Key pages work under the strict Content-Security-Policy and the browser reports no violation."""

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""

INLINE_SCRIPT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.ran = 1";
  document.body.append(script);
}"""


@pytest.fixture
def honours(demo):
    from awards.catalogue import load_catalogue
    from awards.models import AwardType, RequiredDocument
    from demo.awards import load_demo_awards
    from demo.schedule import load_schedule

    load_schedule()
    load_catalogue(AwardType, RequiredDocument)  # a transactional test flushed the migration's rows
    load_demo_awards()


@pytest.fixture
def watched(page):
    """The page, recording every CSP violation and every console error the browser reports."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    return page


def violations(page):
    return page.evaluate("window.cspViolations || []")


def key_pages(congress):
    from awards.models import Nomination

    base = f"/congresses/{congress.pk}"
    task = congress.tasks.order_by("number").first()
    dossier = Nomination.objects.filter(round__congress=congress).order_by("pk").first()
    return [
        f"{base}/tasks/{task.pk}/",
        f"{base}/tasks/{task.pk}/edit/",
        f"{base}/awards/dossiers/{dossier.pk}/",
        f"{base}/documents/schedule/{congress.pk}/",
        f"{base}/documents/schedule/{congress.pk}/preview/",
        "/congresses/directory/organizations/",
        "/outbox/",
        "/congresses/",
        f"{base}/",
        f"{base}/schedule/",
        f"{base}/dashboard/",
        f"{base}/board/",
        f"{base}/tasks/new/",
        f"{base}/sessions/new/",
        f"{base}/meetings/",
        f"{base}/awards/",
        f"{base}/awards/dossiers/",
        f"{base}/documents/",
        "/my-work/",
        "/calendar/",
        "/congresses/directory/people/",
        f"{base}/timeline/?start=2020-06",
        f"{base}/month/?month=2020-07",
        f"{base}/next/?year=2025&edition=8&new_day=01%2F08%2F2025&keep_people=on",
        f"/tasks/bulk/?task={task.pk}",
        f"{base}/documents/progress-report/{congress.pk}/",
    ]


def test_key_pages_log_no_csp_violation_and_their_scripts_run(watched, live_server, honours):
    from congress.models import Congress
    from demo.schedule import PROVINCIAL_CONGRESS

    page = watched
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    log_in(page, live_server, "vanphong")

    seen = {}
    for path in key_pages(congress):
        response = page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        seen[path] = (response.status, violations(page))

    assert seen == {path: (200, []) for path in key_pages(congress)}
    assert [error for error in page.console_errors if "Content Security Policy" in error] == []


def test_bootstrap_htmx_and_the_projects_script_work_under_the_policy(watched, live_server, honours):
    from congress.models import Congress
    from demo.schedule import PROVINCIAL_CONGRESS

    page = watched
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    log_in(page, live_server, "vanphong")

    page.goto(f"{live_server.url}/congresses/{congress.pk}/tasks/new/")
    rows = page.locator("[data-formset-body=parties] tr")
    before = rows.count()
    page.locator("[data-formset-add=parties]").click()
    expect(rows).to_have_count(before + 1)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator(".navbar .dropdown-toggle").first.click()
    expect(page.locator(".navbar .dropdown-menu.show")).to_be_visible()
    assert violations(page) == []

    # The recorder sees what the policy refuses: an inline script added to the page is blocked and reported.
    page.evaluate(INLINE_SCRIPT)
    page.wait_for_function("window.cspViolations.length > 0")
    assert (violations(page), page.evaluate("window.ran || 0")) == (["script-src-elem inline"], 0)
