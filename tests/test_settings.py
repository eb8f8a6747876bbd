import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from django import forms
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parent.parent


def test_vietnamese_dates_are_read_day_first():
    field = forms.DateField()

    with translation.override("vi"):
        assert field.clean("05/06/2020") == dt.date(2020, 6, 5)


def test_english_dates_are_read_day_first_too():
    field = forms.DateField()

    with translation.override("en"):
        assert field.clean("05/06/2020") == dt.date(2020, 6, 5)


def test_english_pages_show_dates_and_numbers_as_vietnamese_ones_do():
    names = ("DATE_FORMAT", "SHORT_DATETIME_FORMAT", "DATE_INPUT_FORMATS", "DECIMAL_SEPARATOR")

    assert [formats.get_format(name, lang="en") for name in names] == [
        formats.get_format(name, lang="vi") for name in names
    ]
    assert formats.get_format("DATE_FORMAT", lang="en") == "d/m/Y"


def test_datetimes_are_read_day_first():
    field = forms.DateTimeField()

    with translation.override("vi"):
        value = field.clean("05/06/2020 07:30")

    assert (value.day, value.month, value.hour, value.minute) == (5, 6, 7, 30)


def test_production_settings_pass_the_deploy_check():
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "x" * 64 + "-a-long-random-production-secret-value",
        "ALLOWED_HOSTS": "thidua.example.gov.vn",
        "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def run_check(**env):
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
    )


def test_without_a_secret_key_and_debug_off_the_app_refuses_to_start_and_says_why():
    result = run_check(DATABASE_URL="sqlite:////tmp/deploy-check.sqlite3")

    assert result.returncode == 1
    assert "ImproperlyConfigured: SECRET_KEY is not set." in result.stderr


def test_with_debug_on_a_laptop_needs_no_secret_key():
    result = run_check(DEBUG="1", DATABASE_URL="sqlite:////tmp/deploy-check.sqlite3")

    assert result.returncode == 0, result.stderr
