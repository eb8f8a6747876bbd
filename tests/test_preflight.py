import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import preflight  # noqa: E402


def test_a_missing_browser_is_named_in_one_line_with_its_install_command(monkeypatch, capsys):
    monkeypatch.setattr(preflight, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr(preflight, "can_install", lambda: False)
    monkeypatch.setattr(sys, "argv", ["preflight.py", "test"])

    status = preflight.main()

    assert status == 1
    assert capsys.readouterr().err.splitlines() == [
        "Missing: Chromium at /nonexistent/chromium (end-to-end tests). Install it with: sudo apt-get install chromium"
    ]


def test_running_the_site_does_not_need_the_browser(monkeypatch):
    monkeypatch.setattr(preflight, "CHROMIUM", "/nonexistent/chromium")

    assert [package for _, package in preflight.missing_pieces("run")] == []


def test_a_missing_pdf_reader_is_named_for_the_tests_only(monkeypatch):
    monkeypatch.setattr(preflight.shutil, "which", lambda program: None if program == "pdftotext" else "/usr/bin/x")

    assert ("pdftotext (the tests read printed PDFs back with it)", "poppler-utils") in preflight.missing_pieces("test")
    assert all(package != "poppler-utils" for _, package in preflight.missing_pieces("run"))


def test_the_load_target_needs_wrk_and_the_others_do_not(monkeypatch):
    monkeypatch.setattr(preflight.shutil, "which", lambda program: None if program == "wrk" else "/usr/bin/x")

    assert ("wrk (make load drives the server with it)", "wrk") in preflight.missing_pieces("load")
    assert all(package != "wrk" for _, package in preflight.missing_pieces("run") + preflight.missing_pieces("test"))
