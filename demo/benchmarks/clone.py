"""Cloning figures for `make bench`: the next congress from one of 1,000 tasks.

The data is built inside a transaction that is rolled back. The figure is the time of the preview's plan and
the copy together, as the confirming request does them, and the number of queries they run.
"""

import datetime
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.benchdata import BenchCongress, rolled_back
from planning.clone import clone_congress, next_congress_plan

SIZES = (1000,)
GOALS = {"s": 2.0}


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    for size in sizes:
        results.update(clone_figures(size, stdout))
    report(results, sizes, stdout)
    return results


def clone_figures(size, stdout):
    stdout.write(f"Cloning a congress of {size:,} tasks…\n")
    with rolled_back():
        bench = BenchCongress()
        bench.add_tasks(size)
        ContentType.objects.clear_cache()  # every size counts the plan's owner-type look-up alike
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            plan = next_congress_plan(bench.congress, year=2035, edition=8, new_day=datetime.date(2035, 9, 10))
            clone_congress(plan, keep_people=True, by=bench.secretariat)
        seconds = time.perf_counter() - started
    return {f"clone_s_{size}": round(seconds, 3), f"clone_queries_{size}": len(queries)}


def report(results, sizes, stdout):
    for size in sizes:
        seconds, queries = results[f"clone_s_{size}"], results[f"clone_queries_{size}"]
        met = seconds <= GOALS["s"]
        stdout.write(
            f"clone @{size:,} tasks: {seconds:.2f} s (goal ≤ {GOALS['s']}), {queries} queries "
            f"{'met' if met else 'MISSED'}\n"
        )
