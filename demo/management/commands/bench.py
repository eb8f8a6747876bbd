"""`make bench`: server-side time and queries of the busiest pages, on the configured database.

Builds a congress of 1,000 tasks and one of 10,000 (each with 200 organisations and 300 people),
commits them and lets the database do the upkeep a live one does after a load (PostgreSQL's
`VACUUM ANALYZE`, as autovacuum would; SQLite's `ANALYZE`), so that the pages are read as users
read them; the congresses are removed again at the end, with the same upkeep after (and those
of a run killed before its end, at the next start). Inside a transaction (a test) they are
measured there and rolled back.

Each page is requested through Django's test client and rendered every time (there is no page
cache): the bare signed-in page and every page at both sizes in turn, two warm-up rounds and
then `--repeat` timed ones, so that a busy machine slows them alike; the median is kept. The
dossier list is measured the same way at 20 and 2,000 dossiers (in a transaction rolled back).
Prints which database it measured and a table, and writes bench/latest.json (keys of other
benchmarks already there are kept).

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
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from demo.benchdata import (
    BenchCongress,
    analyze,
    database_label,
    measure,
    rolled_back,
    serving_pages,
)
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
            help="Run only these benchmarks: 'pages', app labels with a benchmarks module and/or sections of "
            "one (e.g. 'clusters', which lives in demo).",
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
            elif sections := [name for name in only if name in getattr(module, "SECTIONS", {})]:
                self.stdout.write(f"\n== {label}: {', '.join(sections)} ==")  # e.g. demo's clusters figures
                results.update(module.run(stdout=self.stdout, repeat=repeat, sections=sections))
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        previous = json.loads(path.read_text()) if path.exists() else {}
        kept = {key: value for key, value in previous.items() if "_cold_" not in key}  # no cache, no cold pages
        figures = {**kept, **results, "database": connection.vendor}
        path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
        self.stdout.write(f"Written to {path}")

    def run_pages(self, results, repeat):
        spreads = {}
        with serving_pages():
            if connection.in_atomic_block:  # called inside a transaction (a test): measured there, undone
                with rolled_back():
                    self.measure_pages(results, spreads, repeat, committed=False)
            else:
                self.measure_pages(results, spreads, repeat, committed=True)
        dossier_figures = dossiers.run(stdout=self.stdout, repeat=repeat, sizes=self.dossier_sizes)
        results.update(dossier_figures)
        self.report(results, spreads)

    def measure_pages(self, results, spreads, repeat, *, committed):
        """The pages as users get them: the bench congresses are committed, and the database has
        done the upkeep a live one does after a load (`analyze`) before they are read; they
        are removed at the end. Inside a transaction they are measured there instead."""
        benches = {}
        if committed:
            BenchCongress.remove_left_over()
        try:
            for size in self.sizes:
                self.stdout.write(f"Building a congress of {size:,} tasks (200 organisations, 300 people)…")
                started = time.perf_counter()
                with transaction.atomic():
                    benches[size] = BenchCongress(tag=f"-{size}")
                    benches[size].add_tasks(size)
                self.stdout.write(f"  built in {time.perf_counter() - started:.1f} s")
            analyze()
            self.measure_built(benches, results, spreads, repeat)
        finally:
            if committed:
                self.stdout.write("Removing the bench congresses…")
                for bench in benches.values():
                    with transaction.atomic():
                        bench.remove()
                # The upkeep after a large delete, as autovacuum would do it: without it, where
                # autovacuum is off, the next run loads into tables full of dead rows and takes
                # longer each time (a 10,000-task load on PostgreSQL: 6 s, 13 s, 17 s, …).
                analyze()

    def measure_built(self, benches, results, spreads, repeat):
        requests = {"baseline": self.client_for(benches[self.sizes[0]].secretariat, reverse("password_change_done"))}
        for size, bench in benches.items():
            congress = bench.congress.pk
            requests[f"my_work_{size}"] = self.client_for(bench.focal_point, reverse("planning:my_work"))
            requests[f"schedule_{size}"] = self.client_for(
                bench.secretariat, reverse("planning:schedule", args=[congress])
            )
            requests[f"dashboard_{size}"] = self.client_for(
                bench.secretariat, reverse("planning:dashboard", args=[congress])
            )
        self.stdout.write(f"Requesting each page {repeat} times, in turn…")
        figures = measure(requests, repeat)
        results["baseline_ms"] = figures["baseline"].ms
        results["baseline_cpu_ms"] = figures["baseline"].cpu_ms
        for key, figure in figures.items():
            spreads[key] = figure
            if key != "baseline":
                name, size = key.rsplit("_", 1)
                results[f"{name}_ms_{size}"] = figure.ms
                results[f"{name}_cpu_ms_{size}"] = figure.cpu_ms
                results[f"{name}_queries_{size}"] = figure.queries

    @staticmethod
    def client_for(user, url):
        client = Client()
        client.force_login(user)
        return client, url

    def report(self, results, spreads):
        baseline = results["baseline_ms"]
        rows = [
            ("page", "ms @small", "queries", "ms @large", "queries", "large/small", "large/baseline", "CPU", "goal")
        ]
        checks = [(name, self.sizes, baseline, results["baseline_cpu_ms"]) for name in PAGES]
        checks.append(
            ("dossiers", self.dossier_sizes, results["dossiers_baseline_ms"], results["dossiers_baseline_cpu_ms"])
        )
        for name, (small, large), bare, bare_cpu in checks:
            ms_small, ms_large = results[f"{name}_ms_{small}"], results[f"{name}_ms_{large}"]
            q_small, q_large = results[f"{name}_queries_{small}"], results[f"{name}_queries_{large}"]
            growth, ratio = ms_large / ms_small, ms_large / bare
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
                    f"{results[f'{name}_cpu_ms_{large}'] / bare_cpu:.2f}",
                    "met" if met else "MISSED",
                )
            )
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        self.stdout.write(f"\nDatabase: {database_label()}")
        self.stdout.write(
            f"baseline (signed-in page that reads nothing): {baseline:.2f} ms (median; "
            f"{results['dossiers_baseline_ms']:.2f} ms while the dossier list was measured)"
        )
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write(
            f"Goals: equal query counts, at most {GOALS['max_queries']}; the large size within "
            f"{GOALS['max_baseline_ratio']:g} × the baseline measured with it and within "
            f"{GOALS['max_growth']:g} × the small size. Medians of repeated requests; every request renders the page."
            " CPU: the large size's processor time against the baseline's (less swayed by other work on the machine)."
        )
        if spreads:
            self.stdout.write(
                "Spread (first–third quartile, ms): "
                + "; ".join(f"{key} {figure.low_ms:.1f}–{figure.high_ms:.1f}" for key, figure in spreads.items())
            )


def app_benchmarks():
    """Each installed app's `benchmarks` module or package, wherever the subject lives today."""
    for config in apps.get_app_configs():
        name = f"{config.name}.benchmarks"
        if find_spec(config.name) is not None and find_spec(name) is not None:
            yield config.label, import_module(name)
