"""`make load`: requests per second under load, from a real server, with wrk.

Builds the bench congress (demo.benchdata: 200 organisations, 300 people, --tasks tasks) in
the configured database, signs in its focal point (My work) and its secretariat (the schedule),
starts gunicorn with production settings (config/gunicorn.py, --workers workers) on 127.0.0.1, and
runs three wrk processes side by side for the same --seconds: the login page, My work and the
schedule, each with its signed-in session cookie. Writes bench/load.json with `login_rps`,
`my_work_rps`, `schedule_rps`, `my_work_p99_ms` and `schedule_p99_ms` (and the run's settings).

The data stays in the database: `make load` points DATABASE_URL at a database of its own
(var/load/load.sqlite3, made anew each run, or LOAD_DATABASE_URL).
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse

from demo.benchdata import BenchCongress

OUTPUT = Path(settings.BASE_DIR) / "bench" / "load.json"
GOALS = {"rps": 150, "p99_ms": 100}
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def parse_wrk(text):
    """(requests per second, p99 in ms, non-2xx/3xx answers, socket errors) from wrk --latency output."""
    rps = re.search(r"Requests/sec:\s*([\d.]+)", text)
    p99 = re.search(r"^\s*99(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", text, re.MULTILINE)
    bad = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", text)
    errors = re.search(r"Socket errors:.*?connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if not rps or not p99:
        raise CommandError(f"wrk printed no figures:\n{text}")
    return (
        float(rps.group(1)),
        round(float(p99.group(1)) * UNITS_MS[p99.group(2)], 2),
        int(bad.group(1)) if bad else 0,
        sum(int(n) for n in errors.groups()) if errors else 0,
    )


class Command(BaseCommand):
    help = "Load the login page, My work and the schedule side by side with wrk; write bench/load.json."

    def add_arguments(self, parser):
        parser.add_argument("--tasks", type=int, default=1000, help="Tasks in the bench congress.")
        parser.add_argument("--seconds", type=int, default=15, help="How long wrk loads each page.")
        parser.add_argument("--connections", type=int, default=4, help="Open connections per page.")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes.")
        parser.add_argument("--output", default=str(OUTPUT), help="Where to write the figures.")

    def handle(self, *args, tasks, seconds, connections, workers, output, **options):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("Missing: wrk. Install it with: sudo apt-get install wrk (make load does it as root)")
        self.stdout.write(f"Building the bench congress with {tasks} tasks…")
        bench = BenchCongress()
        bench.add_tasks(tasks)
        pages = {
            "login": (reverse("login"), None),
            "my_work": (reverse("planning:my_work"), self.session_cookie(bench.focal_point)),
            "schedule": (
                reverse("planning:schedule", args=[bench.congress.pk]),
                self.session_cookie(bench.secretariat),
            ),
        }
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers), "DEBUG": "0"}
        log = Path(settings.BASE_DIR) / "var" / "load" / "gunicorn.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py"]
        with log.open("w") as log_file:
            server = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log_file, stderr=log_file)
            try:
                self.wait_until_up(base, server, log)
                for name, (path, cookie) in pages.items():
                    self.check_page(base + path, cookie, name)
                self.stdout.write(
                    f"gunicorn: {workers} workers on {base}; wrk: {seconds} s, {connections} connections per page, "
                    "the three pages at once…"
                )
                results = self.run_wrk(wrk, base, pages, seconds, connections)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
        figures = {
            "login_rps": results["login"][0],
            "my_work_rps": results["my_work"][0],
            "schedule_rps": results["schedule"][0],
            "login_p99_ms": results["login"][1],
            "my_work_p99_ms": results["my_work"][1],
            "schedule_p99_ms": results["schedule"][1],
            "settings": {
                "tasks": tasks,
                "seconds": seconds,
                "connections_per_page": connections,
                "gunicorn_workers": workers,
                "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
                "cpus": os.cpu_count(),
            },
        }
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        self.report(figures, results)
        self.stdout.write(f"Written to {path}")

    def session_cookie(self, user):
        client = Client()
        client.force_login(user)
        return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    def wait_until_up(self, base, server, log):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise CommandError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise CommandError("gunicorn did not answer within 60 s")

    def check_page(self, url, cookie, name):
        """Each page answers 200 itself (not a redirect to the login page or to https) before it is loaded."""
        request = urllib.request.Request(url, headers=self.headers(cookie))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            raise CommandError(f"{name} ({url}) answered {status}, not 200: nothing to measure")

    @staticmethod
    def headers(cookie):
        # The TLS proxy in front of production says the request came over https (SECURE_PROXY_SSL_HEADER).
        headers = {"X-Forwarded-Proto": "https"}
        if cookie:
            headers["Cookie"] = cookie
        return headers

    def run_wrk(self, wrk, base, pages, seconds, connections):
        runs = {}
        for name, (path, cookie) in pages.items():
            arguments = [wrk, "--latency", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
            for header, value in self.headers(cookie).items():
                arguments += ["-H", f"{header}: {value}"]
            runs[name] = subprocess.Popen(arguments + [base + path], stdout=subprocess.PIPE, text=True)
        results = {}
        for name, run in runs.items():
            text, _ = run.communicate(timeout=seconds + 60)
            results[name] = parse_wrk(text)
            if results[name][2]:
                raise CommandError(f"{name}: {results[name][2]} answers were not 2xx/3xx:\n{text}")
        return results

    def report(self, figures, results):
        self.stdout.write(f"{'page':<10}{'requests/s':>12}{'p99 ms':>10}{'socket errors':>15}")
        for name, (rps, p99, _bad, errors) in results.items():
            self.stdout.write(f"{name:<10}{rps:>12.1f}{p99:>10.1f}{errors:>15}")
        for name in ("my_work", "schedule"):
            rps, p99 = figures[f"{name}_rps"], figures[f"{name}_p99_ms"]
            met = rps >= GOALS["rps"] and p99 < GOALS["p99_ms"]
            goal = f"goal ≥ {GOALS['rps']} requests/s with p99 < {GOALS['p99_ms']} ms"
            self.stdout.write(f"{name}: {goal}: {'met' if met else 'NOT met'}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
