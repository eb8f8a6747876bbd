import json

from django.core.management import call_command

from awards.models import Nomination
from demo.management.commands.bench import app_benchmarks
from planning.models import Task


def test_bench_writes_every_figure_and_leaves_the_database_as_it_was(db, tmp_path, capsys):
    output = tmp_path / "latest.json"
    output.write_text(json.dumps({"reminder_plan_s_100k": 12.5, "my_work_cold_ms_1000": 3.0}))

    call_command(
        "bench",
        "--only",
        "pages",
        "--sizes",
        "20",
        "40",
        "--dossier-sizes",
        "5",
        "30",
        "--repeat",
        "2",
        "--output",
        str(output),
    )

    figures = json.loads(output.read_text())
    assert figures["reminder_plan_s_100k"] == 12.5  # other benchmarks' figures are kept
    assert not any("_cold_" in key for key in figures)  # there is no cache, so no "cold" figures
    for page in ("my_work", "schedule", "dashboard"):
        for size in (20, 40):
            assert figures[f"{page}_ms_{size}"] > 0
            assert figures[f"{page}_cpu_ms_{size}"] > 0
            assert 0 < figures[f"{page}_queries_{size}"] <= 12
        assert figures[f"{page}_queries_20"] == figures[f"{page}_queries_40"]
    assert figures["dossiers_queries_5"] == figures["dossiers_queries_30"] <= 12
    assert figures["baseline_ms"] > 0
    assert not Task.objects.exists()
    assert not Nomination.objects.exists()
    out = capsys.readouterr().out
    assert out.startswith("Database: SQLite") or out.startswith("Database: PostgreSQL")
    assert "baseline" in out and "dossiers (5 → 30)" in out


def test_every_app_s_benchmarks_are_found_where_they_live():
    found = {label for label, _module in app_benchmarks()}

    assert "demo" in found  # the reminder planner, printing, cloning: they build on the demo's bench data


def test_only_runs_one_section_of_an_app_s_benchmarks(db, tmp_path, monkeypatch, capsys):
    from demo.benchmarks import clusters, reminders

    def refuse(**kwargs):
        raise AssertionError("only the section asked for runs")

    monkeypatch.setattr(reminders, "run", refuse)
    monkeypatch.setattr(clusters, "run", lambda *, stdout, repeat: {"cluster_ranking_ms_60": 1.0})
    output = tmp_path / "latest.json"

    call_command("bench", "--only", "clusters", "--repeat", "1", "--output", str(output))

    assert json.loads(output.read_text())["cluster_ranking_ms_60"] == 1.0
    assert "== demo: clusters ==" in capsys.readouterr().out
