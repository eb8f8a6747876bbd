"""axe-core (WCAG 2.0 A and AA, WCAG 2.1 AA) finds nothing on any main page, for the secretariat
and for a read-only viewer, at desktop and phone width.

axe-core comes from npm (a devDependency: `npm ci` installs it) and is injected into each page
as it is served. The pages are listed by `main_pages(role, demo)`: one place to swap for a URL ×
role matrix.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from awards.models import AwardType, CouncilSession, Nomination, RequiredDocument
from congress.models import Congress, Organization, Person
from demo.congresses import DEMO_CONGRESS_NAME
from planning.models import Meeting, Task
from reminders.models import OutboxMail

from .conftest import VIEWPORTS, log_in

pytestmark = pytest.mark.e2e

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21aa"]
ROLES = {"secretariat": "vanphong", "viewer": "xem"}


@dataclass(frozen=True)
class Target:
    label: str
    path: str
    signed_in: bool = True


@dataclass(frozen=True)
class Demo:
    congress: Congress
    task: Task
    meeting: Meeting
    subcommittee_pk: int
    organization: Organization
    person: Person
    nomination: Nomination
    session: CouncilSession
    award_type: AwardType
    mail: OutboxMail | None


def main_pages(role, demo):
    """Every main page a user of this role opens, with the error pages they may meet."""
    congress = demo.congress.pk
    pages = [
        Target("congress list", reverse("congress:list")),
        Target("congress detail", reverse("congress:detail", args=[congress])),
        Target("sessions", reverse("congress:sessions", args=[congress])),
        Target("board", reverse("congress:board", args=[congress])),
        Target("sub-committees", reverse("congress:subcommittees", args=[congress])),
        Target("sub-committee", reverse("congress:subcommittee_detail", args=[congress, demo.subcommittee_pk])),
        Target("schedule", reverse("planning:schedule", args=[congress])),
        Target("task", reverse("planning:task_detail", args=[congress, demo.task.pk])),
        Target("my work", reverse("planning:my_work")),
        Target("dashboard", reverse("planning:dashboard", args=[congress])),
        Target("meetings", reverse("planning:meeting_list", args=[congress])),
        Target("meeting", reverse("planning:meeting_detail", args=[congress, demo.meeting.pk])),
        Target("lower levels", reverse("planning:lower_levels", args=[congress])),
        Target("documents", reverse("congress:documents", args=[congress])),
        Target("plan", reverse("congress:document", args=[congress, "plan", congress])),
        Target("awards", reverse("awards:home", args=[congress])),
        Target("dossiers", reverse("awards:nomination_list", args=[congress])),
        Target("catalogue", reverse("awards:catalogue")),
        Target("award type", reverse("awards:awardtype_detail", args=[demo.award_type.pk])),
        Target("organisations", reverse("congress:organization_list")),
        Target("organisation", reverse("congress:organization_detail", args=[demo.organization.pk])),
        Target("people", reverse("congress:person_list")),
        Target("person", reverse("congress:person_detail", args=[demo.person.pk])),
        Target("reminder e-mails", reverse("reminders:reminder_preferences")),
        Target("outbox", reverse("reminders:outbox")),
        Target("not found", reverse("congress:detail", args=[999999])),
        Target("login", reverse("login"), signed_in=False),
    ]
    if role == "secretariat":
        pages += [
            Target("dossier", reverse("awards:nomination_detail", args=[congress, demo.nomination.pk])),
            Target("council", reverse("awards:council", args=[congress])),
            Target("council session", reverse("awards:session_detail", args=[congress, demo.session.pk])),
            Target("award history", reverse("awards:history", args=[congress])),
            Target("congress form", reverse("congress:edit", args=[congress])),
            Target("task form", reverse("planning:task_create", args=[congress])),
            Target("reminder policy", reverse("reminders:reminder_policy", args=[congress])),
        ]
        if demo.mail is not None:
            pages.append(Target("outbox mail", reverse("reminders:outbox_detail", args=[demo.mail.pk])))
    else:
        pages.append(Target("forbidden", reverse("congress:edit", args=[congress])))
    return pages


@pytest.fixture
def demo(transactional_db):
    from awards.catalogue import load_catalogue
    from demo.awards import load_demo_awards
    from demo.congresses import load_demo
    from demo.schedule import load_schedule

    load_demo()
    load_schedule()
    load_catalogue(AwardType, RequiredDocument)  # a transactional test flushed the migration's rows
    load_demo_awards()
    congress = Congress.objects.get(name=DEMO_CONGRESS_NAME)
    return Demo(
        congress=congress,
        task=Task.objects.filter(congress=congress).order_by("pk").first(),
        meeting=Meeting.objects.filter(congress=congress).order_by("pk").first(),
        subcommittee_pk=congress.subcommittees.order_by("pk").first().pk,
        organization=Organization.objects.get(short_name="Sở Nội vụ"),
        person=Person.objects.exclude(user=None).order_by("pk").first(),
        nomination=Nomination.objects.filter(round__congress=congress).order_by("pk").first(),
        session=CouncilSession.objects.filter(round__congress=congress).order_by("pk").first(),
        award_type=AwardType.objects.get(code="cstd_tinh"),
        mail=OutboxMail.objects.order_by("pk").first(),
    )


def axe_violations(page):
    """axe's violations on the page as shown, one readable line per rule and element."""
    assert AXE.exists(), f"{AXE} is missing: `npm ci` installs axe-core, a devDependency"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        TAGS,
    )
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']}\n      at {node['target']}\n      "
        + node["summary"].replace("\n", "\n      ")
        for rule in violations
        for node in rule["nodes"]
    ]


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("role", list(ROLES))
def test_no_page_has_an_accessibility_violation(browser, live_server, demo, role, viewport):
    # axe is injected as an inline script, which a strict Content-Security-Policy would refuse.
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="vi-VN", bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    found, signed_in = {}, False
    try:
        for target in sorted(main_pages(role, demo), key=lambda target: target.signed_in):
            if target.signed_in and not signed_in:
                log_in(page, live_server, ROLES[role])
                signed_in = True
            page.goto(live_server.url + target.path)
            page.wait_for_load_state("networkidle")
            assert page.url == live_server.url + target.path, f"{target.label} led to {page.url}"
            violations = axe_violations(page)
            if violations:
                found[f"{target.label} ({target.path})"] = violations
            if target.label == "congress list" and page.locator(".navbar-toggler").is_visible():
                # On a phone the menu is folded: check it unfolded too.
                page.locator(".navbar-toggler").click()
                page.locator("#main-nav.show").wait_for()
                violations = axe_violations(page)
                if violations:
                    found[f"{target.label} with the menu open ({target.path})"] = violations
    finally:
        context.close()
    report = "\n".join(f"\n{page_name}:\n  - " + "\n  - ".join(lines) for page_name, lines in found.items())
    assert not found, f"axe found violations as {role} at {viewport} width:{report}"


@pytest.fixture
def desktop(browser, live_server):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="vi-VN")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def tab_to(page, selector, *, presses=30):
    """Press Tab until the element matching the selector has the focus, as a keyboard user would."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return page.evaluate(
                """() => {
                    const style = getComputedStyle(document.activeElement);
                    return {style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor};
                }"""
            )
    raise AssertionError(f"Tab never reached {selector}")


def test_the_focus_ring_shows_on_the_current_menu_item_and_on_the_tabs(desktop, live_server, demo):
    log_in(desktop, live_server, "vanphong")
    desktop.goto(live_server.url + reverse("congress:detail", args=[demo.congress.pk]))

    menu = tab_to(desktop, ".app-navbar .nav-link.active")
    tab = tab_to(desktop, ".app-tabs .nav-link.active")

    assert menu == {"style": "solid", "width": "2px", "color": "rgb(255, 255, 255)"}
    assert tab == {"style": "solid", "width": "2px", "color": "rgb(86, 14, 14)"}


def test_after_a_failed_submit_the_focus_is_on_the_error_summary(desktop, live_server, demo):
    log_in(desktop, live_server, "vanphong")
    desktop.goto(live_server.url + reverse("planning:task_create", args=[demo.congress.pk]))

    desktop.locator("main form button[type=submit]").last.click()
    desktop.wait_for_load_state()

    assert desktop.evaluate("document.activeElement.id") == "form-errors"
    assert desktop.locator("#form-errors").inner_text() == "Vui lòng sửa các lỗi dưới đây."


def test_after_a_failed_sign_in_the_focus_is_on_its_error(desktop, live_server, demo):
    desktop.goto(live_server.url + reverse("login"))
    desktop.fill("#id_username", "xem")
    desktop.fill("#id_password", "not-the-password")

    desktop.locator("main form button[type=submit]").click()
    desktop.wait_for_load_state()

    focused = desktop.evaluate("[document.activeElement.className, document.activeElement.innerText]")
    assert "alert-danger" in focused[0]
    assert "mật khẩu" in focused[1]


def test_the_dossier_table_fits_a_desktop_screen_under_a_red_sub_navigation(desktop, live_server, demo):
    log_in(desktop, live_server, "vanphong")
    desktop.goto(live_server.url + reverse("awards:nomination_list", args=[demo.congress.pk]))

    box = desktop.locator("main .table-responsive")
    overflow = box.evaluate("(box) => box.scrollWidth - box.clientWidth")
    pill = desktop.locator(".nav-pills .nav-link.active")

    assert overflow == 0
    assert pill.inner_text() == "Hồ sơ"
    assert pill.evaluate("(link) => getComputedStyle(link).backgroundColor") == "rgb(139, 26, 26)"
