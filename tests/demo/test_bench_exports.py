import io

from demo.benchmarks import exports
from planning.models import Task


def test_the_export_benchmark_measures_a_schedule_and_leaves_the_database_as_it_was(db):
    seconds, size, peak_kb = exports.measure_export(30)

    assert 0 < seconds < 30
    assert size > 3000
    assert peak_kb > 10_000
    assert not Task.objects.exists()


def test_the_report_names_the_goals(monkeypatch):
    monkeypatch.setattr(exports, "export_in_child", lambda size: (1.25, 400_000, 150.0))
    out = io.StringIO()

    figures = exports.run(stdout=out, repeat=1, sizes=(10_000,))

    assert figures == {
        "schedule_xlsx_s_10000": 1.25,
        "schedule_xlsx_peak_mb_10000": 150.0,
        "schedule_xlsx_kb_10000": 391,
    }
    assert "1.25 s (goal ≤ 3), peak 150 MB (goal ≤ 200) met" in out.getvalue()
