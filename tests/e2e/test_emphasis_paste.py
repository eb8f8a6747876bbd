"""A paste from Word keeps its italic and bold as *…* / **…** (static/js/app.js), in a textarea and in a one-line
field such as a meeting's title, and the saved title prints its italic."""

import pytest
from playwright.sync_api import expect

from congress.models import Congress
from demo.schedule import PROVINCIAL_CONGRESS
from planning.models import Meeting

from .conftest import log_in

pytestmark = pytest.mark.e2e

WORD_HTML = (
    "<html><body><p class=MsoNormal><span style='font-size:13pt'>Họp Ban Tổ chức</span></p>"
    "<p class=MsoNormal>(<i>phiên thứ ba</i>) <b>mở rộng</b></p></body></html>"
)


def paste_html(page, selector, html):
    page.locator(selector).focus()
    page.evaluate(
        """([selector, html]) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "plain");
            const event = new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true});
            document.querySelector(selector).dispatchEvent(event);
        }""",
        [selector, html],
    )


@pytest.mark.parametrize("page", ["desktop"], indirect=True)
def test_a_meeting_title_pasted_from_word_keeps_its_italic_on_one_line(page, live_server, demo):
    congress = Congress.objects.get(name=PROVINCIAL_CONGRESS)
    log_in(page, live_server, "vanphong")
    page.goto(f"{live_server.url}/congresses/{congress.pk}/meetings/new/")

    paste_html(page, "#id_title", WORD_HTML)
    expect(page.locator("#id_title")).to_have_value("Họp Ban Tổ chức (*phiên thứ ba*) **mở rộng**")
    paste_html(page, "#id_agenda", "<ul><li>Khai mạc</li><li><i>Thảo luận</i></li></ul>")
    expect(page.locator("#id_agenda")).to_have_value("- Khai mạc\n- *Thảo luận*")
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()

    meeting = Meeting.objects.get(congress=congress)
    assert meeting.title == "Họp Ban Tổ chức (*phiên thứ ba*) **mở rộng**"
    assert [item.text for item in meeting.agenda.order_by("order")] == ["Khai mạc", "*Thảo luận*"]
    expect(page.locator("main h2 em")).to_have_text("phiên thứ ba")
    expect(page.locator("main h2 strong")).to_have_text("mở rộng")
