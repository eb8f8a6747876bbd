"""`make bench`: server-side time and queries of the busiest pages, on the configured database.

Builds a congress of 1,000 and then 10,000 tasks (200 organisations, 300 people) inside a
transaction that is rolled back at the end, so the database is left as it was. Each page is
requested through Django's test client: two warm-up requests, then the median of several.
Prints a table and writes bench/latest.json (keys of other benchmarks already there are kept).

Then every installed app that has a `benchmarks` module runs its own: `run(*, stdout, repeat)`
builds what it needs (and removes it again), prints its table and returns its figures.
"""

import json
import time
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from django.urls import reverse

from planning import cache
from planning.benchdata import BenchCongress, measure, rolled_back, serving_pages

SIZES = (1000, 10000)
OUTPUT = Path(settings.BASE_DIR) / "bench" / "latest.json"
GOALS = {"max_queries": 15, "max_ratio": 4.0}


class Command(BaseCommand):
    help = "Measure the schedule pages at 1,000 and 10,000 tasks and write bench/latest.json."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=9, help="Timed requests per page (median is kept).")
        parser.add_argument("--output", default=str(OUTPUT), help="Where to write the figures.")
        parser.add_argument(
            "--sizes", type=int, nargs=2, default=SIZES, metavar=("SMALL", "LARGE"), help="Task counts to measure."
        )
        parser.add_argument(
            "--only",
            nargs="*",
            metavar="APP",
            help="Run only these benchmarks: 'pages' and/or app labels with a benchmarks module.",
        )

    def handle(self, *args, repeat, output, sizes, only, **options):
        self.sizes = tuple(sizes)
        results = {}
        if not only or "pages" in only:
            self.run_pages(results, repeat)
        for label, module in app_benchmarks():
            if not only or label in only:
                self.stdout.write(f"\n== {label} ==")
                results.update(module.run(stdout=self.stdout, repeat=repeat))
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        previous = json.loads(path.read_text()) if path.exists() else {}
        path.write_text(json.dumps({**previous, **results}, indent=2, sort_keys=True) + "\n")
        self.stdout.write(f"Written to {path}")

    def run_pages(self, results, repeat):
        with serving_pages(), rolled_back():
            self.run(results, repeat)
        self.report(results)

    def run(self, results, repeat):
        self.stdout.write("Building the congress (200 organisations, 300 people)…")
        bench = BenchCongress()

        def changed():
            cache.congress_changed(bench.congress.pk)

        secretariat, focal_point = Client(), Client()
        secretariat.force_login(bench.secretariat)
        focal_point.force_login(bench.focal_point)
        baseline_ms, _queries = measure(secretariat, reverse("password_change_done"), repeat)
        results["baseline_ms"] = round(baseline_ms, 2)
        pages = {
            "my_work": (focal_point, reverse("planning:my_work")),
            "schedule": (secretariat, reverse("planning:schedule", args=[bench.congress.pk])),
            "dashboard": (secretariat, reverse("planning:dashboard", args=[bench.congress.pk])),
        }
        for size in self.sizes:
            self.stdout.write(f"Adding tasks up to {size:,}…")
            started = time.perf_counter()
            bench.add_tasks(size - bench.count)
            changed()  # bulk inserts send no signals
            self.stdout.write(f"  built in {time.perf_counter() - started:.1f} s")
            for name, (client, url) in pages.items():
                milliseconds, queries = measure(client, url, repeat)
                results[f"{name}_ms_{size}"] = round(milliseconds, 2)
                results[f"{name}_queries_{size}"] = queries
                # The same page right after a change to the congress: rendered, not read from the cache.
                milliseconds, queries = measure(client, url, repeat, before=changed)
                results[f"{name}_cold_ms_{size}"] = round(milliseconds, 2)
                results[f"{name}_cold_queries_{size}"] = queries

    def report(self, results):
        baseline = results["baseline_ms"]
        small, large = self.sizes
        rows = [("page", f"ms @{small:,}", f"queries @{small:,}", f"ms @{large:,}", f"queries @{large:,}", "goal")]
        for name in ("my_work", "schedule", "dashboard"):
            for key, label, timed in ((name, name, True), (f"{name}_cold", f"{name}, after a change", False)):
                ms_small, ms_large = results[f"{key}_ms_{small}"], results[f"{key}_ms_{large}"]
                q_small, q_large = results[f"{key}_queries_{small}"], results[f"{key}_queries_{large}"]
                met = q_small == q_large <= GOALS["max_queries"]
                met = met and (not timed or ms_small <= GOALS["max_ratio"] * baseline)
                verdict = ("met" if met else "MISSED") if timed else ("queries met" if met else "queries MISSED")
                rows.append((label, f"{ms_small:.1f}", str(q_small), f"{ms_large:.1f}", str(q_large), verdict))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        self.stdout.write(f"\nbaseline (signed-in page that reads nothing): {baseline:.2f} ms")
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write(
            f"Goals: equal query counts, at most {GOALS['max_queries']}; at {small:,} tasks within "
            f"{GOALS['max_ratio']:g} × baseline ({GOALS['max_ratio'] * baseline:.1f} ms).\n"
            "A page is kept rendered until the congress changes (planning.cache); the rows 'after a change'\n"
            "measure the first visit after each change, when the page is rendered again."
        )


def app_benchmarks():
    for config in apps.get_app_configs():
        name = f"{config.name}.benchmarks"
        if find_spec(name) is not None:
            yield config.label, import_module(name)
