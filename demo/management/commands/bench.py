"""`make bench`: server-side time and queries of the busiest pages, on the configured database.

Builds a congress of 1,000 and then 10,000 tasks (200 organisations, 300 people) inside a
transaction that is rolled back at the end, so the database is left as it was, and refreshes
the planner's statistics after each load (`ANALYZE`, as autovacuum would on a live database).
Each page is requested through Django's test client, rendered every time (there is no page
cache): two warm-up requests, then the median of `--repeat` timed ones. The dossier list is
measured the same way at 20 and 2,000 dossiers. Prints which database it measured and a table,
and writes bench/latest.json (keys of other benchmarks already there are kept).

Then every installed app that has a `benchmarks` module or package runs its own:
`run(*, stdout, repeat)` builds what it needs (and removes it again), prints its table and
returns its figures (the reminder planner, wherever it lives; the printing figures in demo).
"""

import json
import time
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.urls import reverse

from demo.benchdata import BenchCongress, analyze, database_label, measure, rolled_back, serving_pages
from demo.benchmarks import dossiers

SIZES = (1000, 10000)
DOSSIER_SIZES = (20, 2000)
OUTPUT = Path(settings.BASE_DIR) / "bench" / "latest.json"
GOALS = {"max_queries": 12, "max_baseline_ratio": 6.0, "max_growth": 1.5}
PAGES = ("my_work", "schedule", "dashboard")


class Command(BaseCommand):
    help = "Measure the busiest pages at 1,000 and 10,000 tasks (and 2,000 dossiers) and write bench/latest.json."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=15, help="Timed requests per page (median is kept).")
        parser.add_argument("--output", default=str(OUTPUT), help="Where to write the figures.")
        parser.add_argument(
            "--sizes", type=int, nargs=2, default=SIZES, metavar=("SMALL", "LARGE"), help="Task counts to measure."
        )
        parser.add_argument(
            "--dossier-sizes",
            type=int,
            nargs=2,
            default=DOSSIER_SIZES,
            metavar=("SMALL", "LARGE"),
            help="Dossier counts to measure.",
        )
        parser.add_argument(
            "--only",
            nargs="*",
            metavar="APP",
            help="Run only these benchmarks: 'pages' and/or app labels with a benchmarks module.",
        )

    def handle(self, *args, repeat, output, sizes, dossier_sizes, only, **options):
        self.sizes, self.dossier_sizes = tuple(sizes), tuple(dossier_sizes)
        self.stdout.write(f"Database: {database_label()}")
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
        kept = {key: value for key, value in previous.items() if "_cold_" not in key and key not in STALE_KEYS}
        figures = {**kept, **results, "database": connection.vendor}
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        self.stdout.write(f"Written to {path}")

    def run_pages(self, results, repeat):
        spreads = {}
        with serving_pages(), rolled_back():
            self.measure_pages(results, spreads, repeat)
        dossier_figures = dossiers.run(stdout=self.stdout, repeat=repeat, sizes=self.dossier_sizes)
        results.update(dossier_figures)
        self.report(results, spreads)

    def measure_pages(self, results, spreads, repeat):
        self.stdout.write("Building the congress (200 organisations, 300 people)…")
        bench = BenchCongress()
        secretariat, focal_point = Client(), Client()
        secretariat.force_login(bench.secretariat)
        focal_point.force_login(bench.focal_point)
        baseline = measure(secretariat, reverse("password_change_done"), repeat)
        results["baseline_ms"] = baseline.ms
        spreads["baseline"] = baseline
        pages = {
            "my_work": (focal_point, reverse("planning:my_work")),
            "schedule": (secretariat, reverse("planning:schedule", args=[bench.congress.pk])),
            "dashboard": (secretariat, reverse("planning:dashboard", args=[bench.congress.pk])),
        }
        for size in self.sizes:
            self.stdout.write(f"Adding tasks up to {size:,}…")
            started = time.perf_counter()
            bench.add_tasks(size - bench.count)
            analyze()
            self.stdout.write(f"  built and analysed in {time.perf_counter() - started:.1f} s")
            for name, (client, url) in pages.items():
                figure = measure(client, url, repeat)
                results[f"{name}_ms_{size}"] = figure.ms
                results[f"{name}_queries_{size}"] = figure.queries
                spreads[f"{name}_{size}"] = figure

    def report(self, results, spreads):
        baseline = results["baseline_ms"]
        rows = [("page", "ms @small", "queries", "ms @large", "queries", "large/small", "large/baseline", "goal")]
        checks = [(name, self.sizes) for name in PAGES] + [("dossiers", self.dossier_sizes)]
        for name, (small, large) in checks:
            ms_small, ms_large = results[f"{name}_ms_{small}"], results[f"{name}_ms_{large}"]
            q_small, q_large = results[f"{name}_queries_{small}"], results[f"{name}_queries_{large}"]
            growth, ratio = ms_large / ms_small, ms_large / baseline
            met = (
                q_small == q_large <= GOALS["max_queries"]
                and ratio <= GOALS["max_baseline_ratio"]
                and growth <= GOALS["max_growth"]
            )
            rows.append(
                (
                    f"{name} ({small:,} → {large:,})",
                    f"{ms_small:.1f}",
                    str(q_small),
                    f"{ms_large:.1f}",
                    str(q_large),
                    f"{growth:.2f}",
                    f"{ratio:.2f}",
                    "met" if met else "MISSED",
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        self.stdout.write(f"\nDatabase: {database_label()}")
        self.stdout.write(f"baseline (signed-in page that reads nothing): {baseline:.2f} ms (median)")
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write(
            f"Goals: equal query counts, at most {GOALS['max_queries']}; the large size within "
            f"{GOALS['max_baseline_ratio']:g} × baseline ({GOALS['max_baseline_ratio'] * baseline:.1f} ms) and within "
            f"{GOALS['max_growth']:g} × the small size. Medians of repeated requests; every request renders the page."
        )
        if spreads:
            self.stdout.write(
                "Spread (first–third quartile, ms): "
                + "; ".join(f"{key} {figure.low_ms:.1f}–{figure.high_ms:.1f}" for key, figure in spreads.items())
            )


# Figures an older bench wrote that no longer mean anything (the cache and its baselines are gone).
STALE_KEYS = {"dossiers_baseline_ms"}


def app_benchmarks():
    """Each installed app's `benchmarks` module or package, wherever the subject lives today."""
    for config in apps.get_app_configs():
        name = f"{config.name}.benchmarks"
        if find_spec(config.name) is not None and find_spec(name) is not None:
            yield config.label, import_module(name)
