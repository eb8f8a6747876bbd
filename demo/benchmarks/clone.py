"""Cloning figures for `make bench`: the next congress from one of 1,000 tasks.

The data is built inside a transaction that is rolled back. The figure is the time of the preview's plan and
the copy together, as the confirming request does them (the median of up to three runs, each undone before
the next), and the number of queries they run.
"""

import datetime
import statistics
import time

from django.contrib.contenttypes.models import ContentType

from demo.benchdata import BenchCongress, counted_queries, rolled_back
from planning.clone import clone_congress, next_congress_plan

SIZES = (1000,)
GOALS = {"s": 2.0}


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    for size in sizes:
        results.update(clone_figures(size, stdout, repeat))
    report(results, sizes, stdout)
    return results


def clone_figures(size, stdout, repeat=3):
    """The median time of up to three clones of one congress (each undone before the next) and
    the queries of one."""
    stdout.write(f"Cloning a congress of {size:,} tasks…\n")
    timings, counts = [], []
    with rolled_back():
        bench = BenchCongress()
        bench.add_tasks(size)
        for _ in range(max(1, min(repeat, 3))):
            ContentType.objects.clear_cache()  # every run counts the plan's owner-type look-up alike
            with rolled_back(), counted_queries() as counter:
                started = time.perf_counter()
                plan = next_congress_plan(bench.congress, year=2035, edition=8, new_day=datetime.date(2035, 9, 10))
                clone_congress(plan, keep_people=True, by=bench.secretariat)
                timings.append(time.perf_counter() - started)
            counts.append(counter["queries"])
    assert len(set(counts)) == 1, counts  # every clone of the same congress runs the same queries
    return {f"clone_s_{size}": round(statistics.median(timings), 3), f"clone_queries_{size}": counts[0]}


def report(results, sizes, stdout):
    for size in sizes:
        seconds, queries = results[f"clone_s_{size}"], results[f"clone_queries_{size}"]
        met = seconds <= GOALS["s"]
        stdout.write(
            f"clone @{size:,} tasks: {seconds:.2f} s (goal ≤ {GOALS['s']}), {queries} queries "
            f"{'met' if met else 'MISSED'}\n"
        )
