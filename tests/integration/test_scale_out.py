"""Scale-out: two web processes, two Celery workers and one beat on the same PostgreSQL and Redis.

This is how a province grows past one machine (README, "Scaling out"). The test starts two gunicorn
processes on two ports with production settings, edits a task through one and reads the schedule
through the other (the change shows at once, although the reader had the page before), then lets
one beat and two workers send the day's digests: each arrives exactly once. Skipped unless
REDIS_URL and a PostgreSQL DATABASE_URL are set, as in CI; every process is killed on teardown.
"""

import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import lxml.html
from django.test import Client

from congress.models import CongressRole
from tests.factories import OrganizingBoardFactory, TaskFactory, TaskPartyFactory

from .conftest import needs_real_parts
from .test_reminder_delivery import people_with_tasks_due_tomorrow, settle

pytestmark = needs_real_parts


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Web:
    """One gunicorn process (production settings, one worker) on its own port."""

    def __init__(self, processes, name):
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        processes.start(
            name,
            sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py",
            "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
        )  # fmt: skip
        self.processes = processes

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"{self.name} did not start:\n{self.processes.log(self.name)}")

    def request(self, path, cookies, data=None):
        """(status, body, cookies set) of one request, as through the TLS proxy production sits behind."""
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{name}={value}" for name, value in cookies.items()),
        }
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                status, text, header_list = response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            status, text, header_list = error.code, error.read().decode(errors="replace"), error.headers
        set_cookies = dict(
            re.match(r"([^=]+)=([^;]*)", line).groups() for line in header_list.get_all("Set-Cookie") or []
        )
        return status, text, set_cookies


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def signed_in_cookie(user):
    from django.conf import settings

    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def task_form(html):
    """The task form's values as a browser would post them."""
    page = lxml.html.fromstring(html)
    form = next(form for form in page.forms if "content" in [element.name for element in form.inputs])
    values = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value.removeprefix("\n"))
    return values


def test_an_edit_through_one_web_process_shows_at_once_through_the_other(processes):
    from tests.conftest import user_with_role

    congress = OrganizingBoardFactory().congress
    task = TaskFactory(congress=congress, content="Nội dung cũ")
    TaskPartyFactory(task=task, organization=congress.host)
    cookies = signed_in_cookie(user_with_role(congress, CongressRole.Role.SECRETARIAT))
    processes.env["STATICFILES_BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    web_a, web_b = Web(processes, "web-a"), Web(processes, "web-b")
    web_a.wait_until_up()
    web_b.wait_until_up()
    schedule = f"/congresses/{congress.pk}/schedule/"
    edit = f"/congresses/{congress.pk}/tasks/{task.pk}/edit/"

    status, page, _cookies = web_b.request(schedule, cookies)  # the reader has the page before the edit
    assert (status, "Nội dung cũ" in page) == (200, True), processes.log("web-b")
    status, page, csrf = web_a.request(edit, cookies)
    assert status == 200, processes.log("web-a")
    data = {**task_form(page), "content": ["Nội dung mới, sửa qua máy chủ A"]}
    status, _page, _cookies = web_a.request(edit, {**cookies, **csrf}, data=data)
    assert status == 302, processes.log("web-a")

    status, page, _cookies = web_b.request(schedule, cookies)
    assert status == 200
    assert "Nội dung mới, sửa qua máy chủ A" in page and "Nội dung cũ" not in page


def test_one_beat_and_two_workers_send_each_of_the_days_digests_once(processes, inbox, tmp_path):
    addresses = people_with_tasks_due_tomorrow(8)
    processes.env["REMINDER_INTERVAL_SECONDS"] = "2"  # beat starts the job every 2 s: several times here
    processes.worker("worker-a", concurrency=2)
    processes.worker("worker-b", concurrency=2)
    processes.wait_until_ready("worker-a")
    processes.wait_until_ready("worker-b")
    processes.start(
        "beat",
        sys.executable, "-m", "celery", "-A", "config", "beat", "--loglevel=INFO",
        "-s", str(tmp_path / "celerybeat-schedule"), "--pidfile=",
    )  # fmt: skip

    assert inbox.wait_for(8), processes.log("beat") + processes.log("worker-a") + processes.log("worker-b")
    time.sleep(6)  # three more beats: nothing more may arrive
    settle()

    assert inbox.recipients() == addresses
    assert processes.log("beat").count("Sending due task run-reminders") >= 2
