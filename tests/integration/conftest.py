"""Real parts for the reminder integration tests: a Celery worker on Redis, an SMTP server
(aiosmtpd) and PostgreSQL. Skipped unless REDIS_URL and a PostgreSQL DATABASE_URL are set,
as in CI (.ci/run).

Workers and the job run as subprocesses pointed at the test database; the test process
never talks to the broker itself. Each subprocess gets its own process group and is killed
on teardown, whatever happened.
"""

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS_URL = os.environ.get("REDIS_URL", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
# Away from the application's own database (0); several people testing on one Redis each name their own.
INTEGRATION_REDIS_DB = int(os.environ.get("INTEGRATION_REDIS_DB", "5"))

REAL_PARTS = bool(REDIS_URL) and DATABASE_URL.startswith(("postgres://", "postgresql://"))
needs_real_parts = pytest.mark.skipif(
    not REAL_PARTS, reason="integration tests need REDIS_URL and a PostgreSQL DATABASE_URL (as .ci/run sets them)"
)


def broker_url():
    parts = urlsplit(REDIS_URL)
    return urlunsplit(parts._replace(path=f"/{INTEGRATION_REDIS_DB}"))


def database_url_of(connection):
    """The URL of the database pytest-django created, for the subprocesses."""
    s = connection.settings_dict
    auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


class Inbox:
    """An SMTP server on a free local port that keeps what it accepted, each message once.

    `delay` slows every DATA reply down, so a test can kill a worker mid-conversation; a
    message whose client hung up before the reply is not counted, as the client was never
    told it arrived (aiosmtpd cancels the handler when the connection drops)."""

    def __init__(self, delay=0.0):
        self.delay = delay
        self.messages = []
        self.receiving = 0  # DATA commands the server is working on right now
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            with self.lock:
                self.receiving += 1
            try:
                await asyncio.sleep(self.delay)
            finally:
                with self.lock:
                    self.receiving -= 1
        from email import message_from_bytes
        from email.header import decode_header, make_header

        message = message_from_bytes(envelope.original_content or envelope.content)
        with self.lock:
            self.messages.append(
                {
                    "to": tuple(envelope.rcpt_tos),
                    "subject": str(make_header(decode_header(message["Subject"]))),
                    "message_id": message["Message-ID"],
                }
            )
        return "250 Message accepted for delivery"

    def recipients(self):
        with self.lock:
            return sorted(address for message in self.messages for address in message["to"])

    def wait_for(self, count, timeout=90):
        return self.wait_until(lambda: len(self.messages) >= count, timeout)

    def wait_for_one_in_the_middle(self, count, timeout=90):
        """Wait until `count` messages have arrived and the next one is in its DATA, with the
        server yet to reply (needs `delay`): a client killed now never heard "accepted"."""
        return self.wait_until(lambda: len(self.messages) >= count and self.receiving > 0, timeout, step=0.01)

    def wait_until(self, condition, timeout, step=0.2):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if condition():
                    return True
            time.sleep(step)
        return False


@pytest.fixture
def inbox():
    from aiosmtpd.controller import Controller

    handler = Inbox()
    with socket.socket() as probe:  # a port nobody uses right now
        probe.bind(("127.0.0.1", 0))
        handler.port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port)
    controller.start()
    yield handler
    controller.stop()


class Processes:
    """Starts manage.py and celery subprocesses with the test's environment; kills them all at the end."""

    def __init__(self, env, log_dir):
        self.env = env
        self.log_dir = log_dir
        self.started = []

    def start(self, name, *args):
        log = open(self.log_dir / f"{name}.log", "ab")  # noqa: SIM115  (closed in stop())
        process = subprocess.Popen(
            args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.started.append((process, log))
        return process

    def worker(self, name, concurrency=1):
        return self.start(
            name,
            sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
            f"--concurrency={concurrency}", "--prefetch-multiplier=1", "--without-gossip", "--without-mingle",
            "--without-heartbeat", "-n", f"{name}@%h",
        )  # fmt: skip

    def job(self, name):
        """One run of the periodic job, as beat would start it (reminders.tasks.task_run_reminders)."""
        return self.start(name, sys.executable, "manage.py", "send_reminders")

    def wait_until_ready(self, name, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in (self.log_dir / f"{name}.log").read_bytes():
                return
            time.sleep(0.2)
        raise AssertionError(f"worker {name} did not start:\n{self.log(name)}")

    def log(self, name):
        return (self.log_dir / f"{name}.log").read_text(errors="replace")[-4000:]

    @staticmethod
    def kill(process, sig=signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        process.wait(timeout=30)

    def stop(self):
        for process, log in self.started:
            if process.poll() is None:
                self.kill(process)
            log.close()


@pytest.fixture
def processes(transactional_db, inbox, tmp_path):
    """Subprocesses that share the test database, Redis DB 5 and the inbox's SMTP port."""
    import redis
    from django.db import connection

    redis.Redis.from_url(broker_url()).flushdb()
    env = {
        **os.environ,
        "DATABASE_URL": database_url_of(connection),
        "REDIS_URL": broker_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(inbox.port),
        "EMAIL_TIMEOUT": "5",
        "REMINDER_STUCK_AFTER_SECONDS": "8",
        "REMINDER_REQUEUE_AFTER_SECONDS": "8",
        "DB_CONN_MAX_AGE": "0",
        "LOG_LEVEL": "INFO",
    }
    running = Processes(env, tmp_path)
    yield running
    running.stop()
    redis.Redis.from_url(broker_url()).flushdb()
