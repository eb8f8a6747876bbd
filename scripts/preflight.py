"""Check the system libraries and programs the app needs; say in one line what is missing.

Usage: python3 scripts/preflight.py run|test|load

On a machine where we are root with apt-get, missing Debian packages are installed;
anywhere else each missing piece is named with the command that installs it.
"""

import ctypes.util
import os
import shutil
import subprocess
import sys

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Programs the test suite runs, with the Debian package that brings each.
TEST_PROGRAMS = [
    ("pdftotext", "the tests read printed PDFs back with it", "poppler-utils"),
    ("pdftoppm", "the tests turn printed pages into pictures with it", "poppler-utils"),
    ("soffice", "the tests open printed DOCX files as LibreOffice users do", "libreoffice-writer-nogui"),
]

# Parts of programs the test suite needs, found by a file they install.
TEST_FILES = [
    (
        "/usr/lib/libreoffice/program/libsclo.so",
        "LibreOffice Calc (the tests open exported spreadsheets with it)",
        "libreoffice-calc-nogui",
    ),
]

# Programs `make load` runs.
LOAD_PROGRAMS = [
    ("wrk", "make load drives the server with it", "wrk"),
]


def missing_pieces(purpose):
    """(what, debian package) for each thing this machine lacks."""
    missing = []
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs on the system Python
        missing.append(("Python 3.11 or newer", "python3"))
    if not shutil.which("npm"):
        missing.append(("npm (installs Bootstrap and htmx, served by the app)", "npm"))
    for library, package in [("pango-1.0", "libpango-1.0-0"), ("pangoft2-1.0", "libpangoft2-1.0-0")]:
        if not ctypes.util.find_library(library):
            missing.append((f"the {library} library (WeasyPrint prints PDFs with it)", package))
    if not shutil.which("fc-list"):
        missing.append(("fontconfig (finds the fonts of printed documents)", "fontconfig"))
    elif "Liberation Serif" not in _fonts(":family=Liberation Serif:charset=1ea1 1edd 1b0"):
        # fonts-liberation (1.x) lacks Vietnamese letters such as "ạ", "ờ"; fonts-liberation2 has them all.
        missing.append(("Liberation Serif with Vietnamese letters (Times New Roman metrics)", "fonts-liberation2"))
    if purpose == "test":
        if not os.access(CHROMIUM, os.X_OK):
            missing.append((f"Chromium at {CHROMIUM} (end-to-end tests)", "chromium"))
        for program, why, package in TEST_PROGRAMS:
            if not shutil.which(program):
                missing.append((f"{program} ({why})", package))
        for path, what, package in TEST_FILES:
            if not os.path.exists(path):
                missing.append((what, package))
    if purpose == "load":
        for program, why, package in LOAD_PROGRAMS:
            if not shutil.which(program):
                missing.append((f"{program} ({why})", package))
    return missing


def _fonts(pattern=":"):
    try:
        return subprocess.run(["fc-list", pattern, "family"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def can_install():
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")


def install(packages):
    print(f"Installing missing system packages: {' '.join(packages)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env, stdout=subprocess.DEVNULL)


def main():
    purpose = sys.argv[1] if len(sys.argv) > 1 else "run"
    missing = missing_pieces(purpose)
    if missing and can_install():
        install(sorted({package for _, package in missing}))
        missing = missing_pieces(purpose)
    for what, package in missing:
        print(f"Missing: {what}. Install it with: sudo apt-get install {package}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
