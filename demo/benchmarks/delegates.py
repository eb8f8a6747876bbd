"""Delegate figures for `make bench` (`run(*, stdout, repeat)`, as demo/benchmarks/documents.py):

- checkin_per_s: check-ins per second with 8 concurrent clients (separate processes, each its own
  database connection, posting scanned badge codes to the check-in page as its script does, through
  the project's WSGI application: every middleware, the CSRF check and the view; see DoorPhone)
  against 2,000 delegates, every badge scanned twice by two different clients, timed from the
  moment all are signed in to the last answer; checkin_cpu_ms_per_scan: the clients' CPU per scan
  (app and client together; the machine's other load does not count in it); checkin_duplicates: rows beyond one per
  delegate (the unique constraint keeps it at 0);
- badges_pdf_s_per_page_1000 (wall), badges_pdf_cpu_s_per_page_1000 and badges_pdf_peak_mb_1000:
  badge sheets of 1,000 delegates with a photo each, rendered in a fresh process as a worker would;
- the delegate list, the composition page and the Delegates tab at 20 and at 2,000 delegates:
  median milliseconds and query counts, against a signed-in page that reads nothing.

The clients and the badge worker run in other processes, so the data is committed; everything
built is deleted again at the end.
"""

import io
import json
import multiprocessing
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connections
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.http import urlencode

from demo.benchdata import analyze, measure

CLIENTS = 8
DELEGATES = 2000
BADGES = 1000
GOALS = {"checkin_per_s": 200, "badges_s_per_page": 0.15, "badges_peak_mb": 250, "max_queries": 12, "max_ratio": 6}
FORM = "application/x-www-form-urlencoded"
PAGES = ("delegates:list", "delegates:composition", "delegates:home")


def run(*, stdout, repeat):
    results = {}
    world = build()
    try:
        results.update(page_figures(world, DELEGATES // 100, repeat, stdout))
        add_delegates(world, DELEGATES - DELEGATES // 100)
        results.update(page_figures(world, DELEGATES, repeat, stdout))
        results.update(checkin_figures(world, stdout))
        results.update(badge_figures(world, stdout))
    finally:
        tear_down(world)
    report(results, stdout)
    return results


@contextmanager
def serving_pages():
    """Pages answered as in production (no debug, plain static names)."""
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    plain = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=plain, DEBUG=False, SECURE_SSL_REDIRECT=False, AXES_ENABLED=False):
        yield


# The data ------------------------------------------------------------------------------------------


def build():
    from congress.models import Congress, CongressRole, CongressSession, Organization
    from delegates.models import Allocation, CompositionTarget, UnitQuota

    host = Organization.objects.create(name="Bench: Liên đoàn Lao động tỉnh", abbreviation="LĐLĐ")
    congress = Congress.objects.create(kind="advanced_models", year=2030, host=host, area_name="bench đại biểu")
    user = get_user_model().objects.create(username=f"bench-delegates-{congress.pk}")
    CongressRole.objects.create(congress=congress, user=user, role=CongressRole.Role.SECRETARIAT)
    session = CongressSession.objects.create(
        congress=congress, name="Phiên chính thức", timing="month", planned_month=7, planned_year=2030
    )
    Allocation.objects.create(congress=congress, total=DELEGATES, guests=0, official=DELEGATES)
    units = [Organization(name=f"Bench: Công đoàn số {number}", kind="union") for number in range(40)]
    Organization.objects.bulk_create(units)
    units = list(Organization.objects.filter(name__startswith="Bench: Công đoàn số"))
    quotas = UnitQuota.objects.bulk_create(
        UnitQuota(congress=congress, organization=unit, seats=DELEGATES // len(units), order=number)
        for number, unit in enumerate(units)
    )
    for order, (criterion, sector, percent) in enumerate(
        [("women", "", 30), ("young", "", 15), ("non_leader", "", 40), ("sector", "worker", 30)], start=1
    ):
        CompositionTarget.objects.create(
            congress=congress, criterion=criterion, sector=sector, min_percent=percent, order=order
        )
    world = {"congress": congress, "user": user, "session": session, "quotas": quotas, "count": 0, "orgs": units}
    world["photo"] = store_photo()
    add_delegates(world, DELEGATES // 100)
    return world


def store_photo():
    from PIL import Image

    from delegates.models import Delegate

    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (180, 120, 90)).save(buffer, "JPEG", quality=80)
    field = Delegate._meta.get_field("photo")
    return field.storage.save("delegates/photos/bench/anh-the.jpg", ContentFile(buffer.getvalue()))


def add_delegates(world, count):
    from delegates.models import Delegate

    quotas, start = world["quotas"], world["count"]
    rows = []
    for number in range(start, start + count):
        female = number % 2 == 0
        rows.append(
            Delegate(
                congress=world["congress"],
                quota=quotas[number % len(quotas)],
                full_name=f"{'Nguyễn Thị' if female else 'Trần Văn'} Đại Biểu {number}",
                gender="female" if female else "male",
                birth_year=1960 + number % 40,
                ethnicity="Chăm" if number % 13 == 0 else "Kinh",
                position="Công nhân" if number % 3 else "Chủ tịch Công đoàn cơ sở",
                sector="worker" if number % 3 else "union_officer",
                is_leader=number % 3 == 0,
                photo=world["photo"],
            )
        )
    Delegate.objects.bulk_create(rows, batch_size=500)
    world["count"] = start + count


def tear_down(world):
    from congress.models import Organization
    from delegates.models import Delegate

    congress = world["congress"]
    Delegate._meta.get_field("photo").storage.delete(world["photo"])
    congress.delete()
    world["user"].delete()
    Organization.objects.filter(pk__in=[unit.pk for unit in world["orgs"]] + [congress.host_id]).delete()


# Pages ---------------------------------------------------------------------------------------------


def page_figures(world, size, repeat, stdout):
    """The pages and the bare signed-in page requested in turn, round after round (demo.benchdata.measure),
    so that the load of a shared machine slows them alike and the ratio to the bare page holds."""
    stdout.write(f"Delegate pages at {size:,} delegates…\n")
    analyze()  # the planner's statistics after the bulk load, as autovacuum would refresh them
    with serving_pages():
        client = Client()
        client.force_login(world["user"])
        requests = {"baseline": (client, reverse("password_change_done"))}
        for name in PAGES:
            requests[name] = (client, reverse(name, args=[world["congress"].pk]))
        figures = measure(requests, repeat)
    results = {f"delegates_baseline_ms_{size}": figures["baseline"].ms}
    if size == DELEGATES:
        results["delegates_baseline_ms"] = figures["baseline"].ms
    for name in PAGES:
        key = name.replace("delegates:", "delegates_")
        results[f"{key}_ms_{size}"] = figures[name].ms
        results[f"{key}_queries_{size}"] = figures[name].queries
    return results


# Check-in ------------------------------------------------------------------------------------------


class DoorPhone:
    """A signed-in phone at the door, sending what the door page's script sends: the scanned code as
    a urlencoded form, the session and CSRF cookies, the CSRF token in X-CSRFToken and Accept JSON.
    Each scan is handed to the project's WSGI application, the entry a WSGI server calls, so it
    passes every middleware (the CSRF check included, which the test client skips) and the view;
    only the HTTP parsing a server would do is not in the figure."""

    def __init__(self, user, url):
        from django.core.wsgi import get_wsgi_application

        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        if client.get(url).status_code != 200:  # the page is opened once, which sets the CSRF cookie
            raise RuntimeError(f"{url} did not open")
        self.url, self.token = url, client.cookies["csrftoken"].value
        self.cookies = "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())
        self.application = get_wsgi_application()

    def scan(self, code):
        """(HTTP status, the answer's JSON) for one scanned code."""
        body = urlencode({"code": code}).encode()
        environ = {
            "REQUEST_METHOD": "POST",
            "SCRIPT_NAME": "",
            "PATH_INFO": self.url,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "testserver",
            "HTTP_ORIGIN": "http://testserver",
            "HTTP_COOKIE": self.cookies,
            "HTTP_X_CSRFTOKEN": self.token,
            "HTTP_ACCEPT": "application/json",
            "CONTENT_TYPE": FORM,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer["status"] = int(status.split(" ", 1)[0])

        result = self.application(environ, start_response)
        try:
            content = b"".join(result)
        finally:
            result.close()
        return answer["status"], json.loads(content) if answer["status"] in (200, 400) else None


def _client_worker(user_pk, url, codes, queue, start):
    """One door phone: signs in and opens the door page, waits for the others, then posts its share
    of scanned codes as fast as the app answers. Sends back its count of new check-ins, its errors
    and the CPU seconds it used."""
    connections.close_all()  # a forked child opens its own database connection
    with serving_pages():
        phone = DoorPhone(get_user_model().objects.get(pk=user_pk), url)
        created = errors = 0
        start.wait()
        cpu = time.process_time()
        for code in codes:
            status, answer = phone.scan(code)
            if status != 200:
                errors += 1
            elif answer["created"]:
                created += 1
        cpu = time.process_time() - cpu
    connections.close_all()
    queue.put((created, errors, cpu))


def checkin_figures(world, stdout):
    from delegates.badges import badge_code
    from delegates.models import CheckIn

    congress, session = world["congress"], world["session"]
    codes = [badge_code(delegate) for delegate in congress.delegates.order_by("pk")]
    # Every badge is scanned twice, by two different phones.
    shares = [[] for _ in range(CLIENTS)]
    for index, code in enumerate(codes):
        shares[index % CLIENTS].append(code)
        shares[(index + 1) % CLIENTS].append(code)
    url = reverse("delegates:check_in", args=[congress.pk, session.pk])
    stdout.write(f"Check-in: {CLIENTS} clients, {len(codes):,} delegates, {2 * len(codes):,} scans…\n")
    connections.close_all()
    context = multiprocessing.get_context("fork")
    queue, start = context.Queue(), context.Barrier(CLIENTS + 1)
    workers = [
        context.Process(target=_client_worker, args=(world["user"].pk, url, share, queue, start)) for share in shares
    ]
    for worker in workers:
        worker.start()
    start.wait()  # every phone is signed in: the clock runs over the scans only
    started = time.perf_counter()
    outcomes = [queue.get() for _ in workers]
    seconds = time.perf_counter() - started
    for worker in workers:
        worker.join()
    created = sum(made for made, _errors, _cpu in outcomes)
    errors = sum(errors for _made, errors, _cpu in outcomes)
    cpu = sum(cpu for _made, _errors, cpu in outcomes)
    rows = CheckIn.objects.filter(session=session).count()
    distinct = CheckIn.objects.filter(session=session).values("delegate").distinct().count()
    return {
        "checkin_per_s": round(2 * len(codes) / seconds, 1),
        "checkin_cpu_ms_per_scan": round(1000 * cpu / (2 * len(codes)), 2),
        "checkin_duplicates": rows - distinct,
        "checkin_rows": rows,
        "checkin_created_answers": created,
        "checkin_errors": errors,
    }


# Badges --------------------------------------------------------------------------------------------

CHILD = """
import json, sys, time
import django


django.setup()
from demo.benchdata import peak_kb
from congress.models import Congress
from delegates.badges import badges_pdf
congress = Congress.objects.get(pk=int(sys.argv[1]))
delegates = congress.delegates.select_related("quota__organization").order_by("pk")[: int(sys.argv[2])]
started, cpu = time.perf_counter(), time.process_time()
_data, pages = badges_pdf(congress, delegates)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps([seconds, pages, peak_kb(), cpu]))
"""


def badge_figures(world, stdout):
    stdout.write(f"Badge sheets of {BADGES:,} delegates with photos…\n")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(world["congress"].pk), str(BADGES)],
        capture_output=True,
        check=True,
        cwd=settings.BASE_DIR,
        env=environment,
    )
    seconds, pages, peak_kb, cpu = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return {
        f"badges_pdf_s_per_page_{BADGES}": round(seconds / pages, 4),
        f"badges_pdf_cpu_s_per_page_{BADGES}": round(cpu / pages, 4),
        f"badges_pdf_pages_{BADGES}": pages,
        f"badges_pdf_peak_mb_{BADGES}": round(peak_kb / 1024, 1),
    }


def report(results, stdout):
    baseline = results.get("delegates_baseline_ms", 0)
    small = DELEGATES // 100
    for name in PAGES:
        key = name.replace("delegates:", "delegates_")
        q_small, q_large = results[f"{key}_queries_{small}"], results[f"{key}_queries_{DELEGATES}"]
        ms_small, ms_large = results[f"{key}_ms_{small}"], results[f"{key}_ms_{DELEGATES}"]
        met = q_small == q_large <= GOALS["max_queries"] and ms_large <= GOALS["max_ratio"] * baseline
        stdout.write(
            f"{name}: {ms_small:.1f} ms / {q_small} queries @{small:,}; {ms_large:.1f} ms / {q_large} queries "
            f"@{DELEGATES:,} (goal: equal, ≤ {GOALS['max_queries']}, ≤ {GOALS['max_ratio']} × {baseline:.1f} ms) "
            f"{'met' if met else 'MISSED'}\n"
        )
    rate = results["checkin_per_s"]
    stdout.write(
        f"check-in: {rate:.0f}/s with {CLIENTS} clients (goal ≥ {GOALS['checkin_per_s']}) "
        f"{'met' if rate >= GOALS['checkin_per_s'] else 'MISSED'}; duplicates {results['checkin_duplicates']} "
        f"(rows {results['checkin_rows']}, errors {results['checkin_errors']}); "
        f"client CPU {results['checkin_cpu_ms_per_scan']:.2f} ms a scan\n"
    )
    per_page = results[f"badges_pdf_s_per_page_{BADGES}"]
    peak = results[f"badges_pdf_peak_mb_{BADGES}"]
    met = per_page <= GOALS["badges_s_per_page"] and peak <= GOALS["badges_peak_mb"]
    stdout.write(
        f"badges @{BADGES:,}: {results[f'badges_pdf_pages_{BADGES}']} pages, {per_page:.3f} s/page "
        f"(goal ≤ {GOALS['badges_s_per_page']}; CPU {results[f'badges_pdf_cpu_s_per_page_{BADGES}']:.3f} s), "
        f"peak {peak:.0f} MB (goal ≤ {GOALS['badges_peak_mb']}) "
        f"{'met' if met else 'MISSED'}\n"
    )
