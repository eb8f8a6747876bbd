"""Response headers: a strict Content-Security-Policy, private pages not cached, no server banner."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import PDF, TaskFactory

ROOT = Path(__file__).resolve().parent.parent


def policy(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


def test_every_page_carries_a_strict_policy(client):
    directives = policy(client.get(reverse("login")))

    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in " ".join(directives.values())


def test_signed_in_pages_are_neither_stored_nor_shared(client_for, viewer, congress):
    response = client_for(viewer).get(reverse("planning:schedule", args=[congress.pk]))

    assert response["Cache-Control"] == "private, no-store"
    assert "Content-Security-Policy" in response


def test_file_downloads_are_neither_stored_nor_shared(client_for, secretariat, congress):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from planning.models import Attachment

    task = TaskFactory(congress=congress)
    client = client_for(secretariat)
    client.post(
        reverse("planning:task_progress", args=[congress.pk, task.pk]),
        {"text": "Kèm tệp", "files": [SimpleUploadedFile("bao-cao.pdf", PDF)]},
    )
    attachment = Attachment.objects.get()

    response = client.get(reverse("planning:attachment", args=[congress.pk, attachment.pk]))

    assert (response.status_code, response["Cache-Control"]) == (200, "private, no-store")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SECURE_SSL_REDIRECT": "0",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--config", "config/gunicorn.py"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/accounts/login/"
    try:
        yield wait_for(url, process)
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for(url, process):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode())
        try:
            return urllib.request.urlopen(url, timeout=2)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer")


def test_gunicorn_as_production_runs_it_sends_no_server_banner(gunicorn):
    assert gunicorn.status == 200
    assert gunicorn.headers.get("Server") is None
    assert "script-src 'self'" in gunicorn.headers["Content-Security-Policy"]
