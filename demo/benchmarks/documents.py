"""Printing figures for `make bench`: the task schedule of 1,000 tasks and the demo plan as PDF.

The data is built inside a transaction that is rolled back. The schedule is gathered here and
rendered in a fresh Python process with Django set up, as a worker would: its peak memory
(maximum resident set) is that of one worker rendering one document, whatever this process
held before (other benchmarks build 100,000 tasks).
"""

import json
import os
import pickle
import statistics
import subprocess
import sys
import time

from django.conf import settings

from congress.models import Congress
from demo.benchdata import BenchCongress, rolled_back
from demo.congresses import DEMO_CONGRESS_NAME, load_demo
from demo.schedule import load_schedule
from documents.layer import get_kind, letter_for, record_for, render_pdf

SIZES = (1000,)
GOALS = {"s_per_page": 0.12, "peak_mb": 250}


def run(*, stdout, repeat, sizes=SIZES, plan=True):
    results = {}
    with rolled_back():
        for size in sizes:
            results.update(schedule_figures(size, stdout))
        if plan:
            results["plan_pdf_s"] = plan_seconds(min(repeat, 3), stdout)
    report(results, sizes, stdout)
    return results


def schedule_figures(size, stdout):
    stdout.write(f"Building a schedule of {size:,} tasks…\n")
    bench = BenchCongress()
    bench.add_tasks(size)
    kind = get_kind("schedule")
    letter = letter_for(kind, bench.congress, record_for(kind, bench.congress))
    seconds, pages, peak_mb = render_in_child(letter)
    return {
        f"schedule_pdf_s_per_page_{size}": round(seconds / pages, 4),
        f"schedule_pdf_pages_{size}": pages,
        f"schedule_pdf_peak_mb_{size}": round(peak_mb, 1),
    }


def plan_seconds(repeat, stdout):
    stdout.write("Loading the demo congress for its plan…\n")
    load_demo()
    load_schedule()
    congress = Congress.objects.get(name=DEMO_CONGRESS_NAME)
    kind = get_kind("plan")
    timings = []
    for _ in range(max(repeat, 1)):
        started = time.perf_counter()
        render_pdf(letter_for(kind, congress, record_for(kind, congress)))
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings), 3)


# ru_maxrss survives execve (getrusage(2)), so a child forked from a big bench process would
# report its parent's size; the high-water mark of the child's own memory map does not.
CHILD = """
import json, pickle, sys, time
import django


django.setup()
from demo.benchdata import peak_kb
from documents.layer import render_pdf
letter = pickle.load(sys.stdin.buffer)
started = time.perf_counter()
_data, pages = render_pdf(letter)
seconds = time.perf_counter() - started
print(json.dumps([seconds, pages, peak_kb()]))
"""


def render_in_child(letter):
    """(seconds, pages, peak MB) of rendering the letter in a fresh worker-like process."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=pickle.dumps(letter),
        capture_output=True,
        check=True,
        cwd=settings.BASE_DIR,
        env=environment,
    )
    seconds, pages, peak_kb = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return seconds, pages, peak_kb / 1024


def report(results, sizes, stdout):
    for size in sizes:
        per_page = results[f"schedule_pdf_s_per_page_{size}"]
        peak = results[f"schedule_pdf_peak_mb_{size}"]
        met = per_page <= GOALS["s_per_page"] and peak <= GOALS["peak_mb"]
        stdout.write(
            f"schedule PDF @{size:,} tasks: {results[f'schedule_pdf_pages_{size}']} pages, {per_page:.3f} s/page "
            f"(goal ≤ {GOALS['s_per_page']}), peak {peak:.0f} MB (goal ≤ {GOALS['peak_mb']}) "
            f"{'met' if met else 'MISSED'}\n"
        )
    if "plan_pdf_s" in results:
        stdout.write(f"demo plan PDF: {results['plan_pdf_s']:.2f} s\n")
