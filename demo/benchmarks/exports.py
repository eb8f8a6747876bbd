"""Export figures for `make bench`: the schedule of 10,000 tasks as an Excel workbook.

The congress is built and exported in a fresh Python process with Django set up, inside a
transaction it rolls back, as a web worker would answer one "Xuất Excel" click: the figures
are the seconds of the export (its queries and the workbook) and that process's own peak
memory while exporting (the high-water mark is reset once the data is built, where Linux
allows it; otherwise the peak includes building the data, an upper bound).
"""

import gc
import json
import os
import subprocess
import sys
import time

from django.conf import settings

SIZES = (10_000,)
GOALS = {"seconds": 3.0, "peak_mb": 200}

CHILD = """
import json, sys
import django

django.setup()
from demo.benchmarks.exports import measure_export

print(json.dumps(measure_export(int(sys.argv[1]))))
"""


def measure_export(size):
    """[seconds, bytes, peak kB] of exporting a schedule of `size` tasks, built and rolled back here."""
    from demo.benchdata import BenchCongress, peak_kb, reset_peak, rolled_back
    from documents.spreadsheets import workbook_bytes
    from planning.exports import schedule_sheet
    from planning.models import Task

    with rolled_back():
        bench = BenchCongress()
        bench.add_tasks(size)
        gc.collect()
        reset_peak()
        started = time.perf_counter()
        content = workbook_bytes([schedule_sheet(bench.congress, Task.objects.filter(congress=bench.congress))])
        seconds = time.perf_counter() - started
        return [seconds, len(content), peak_kb()]


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    for size in sizes:
        stdout.write(f"Exporting a schedule of {size:,} tasks to Excel…\n")
        seconds, size_bytes, peak_mb = export_in_child(size)
        results[f"schedule_xlsx_s_{size}"] = round(seconds, 3)
        results[f"schedule_xlsx_peak_mb_{size}"] = round(peak_mb, 1)
        results[f"schedule_xlsx_kb_{size}"] = round(size_bytes / 1024)
    report(results, sizes, stdout)
    return results


def export_in_child(size):
    """(seconds, bytes of the workbook, peak MB) of exporting a schedule of `size` tasks in a fresh process."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(size)],
        capture_output=True,
        check=True,
        cwd=settings.BASE_DIR,
        env=environment,
    )
    seconds, size_bytes, peak_kb = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return seconds, size_bytes, peak_kb / 1024


def report(results, sizes, stdout):
    for size in sizes:
        seconds, peak = results[f"schedule_xlsx_s_{size}"], results[f"schedule_xlsx_peak_mb_{size}"]
        met = seconds <= GOALS["seconds"] and peak <= GOALS["peak_mb"]
        stdout.write(
            f"schedule .xlsx @{size:,} tasks: {seconds:.2f} s (goal ≤ {GOALS['seconds']:.0f}), "
            f"peak {peak:.0f} MB (goal ≤ {GOALS['peak_mb']}) {'met' if met else 'MISSED'}\n"
        )
