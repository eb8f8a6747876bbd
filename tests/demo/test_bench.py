import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from awards.models import Nomination
from congress.models import Congress, Organization, Person
from demo.benchdata import BenchCongress
from demo.management.commands.bench import app_benchmarks
from planning.models import MonthCount, Task, TopLevelCount, WorkItem


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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # commits; the migrations' rows come back after
def test_outside_a_transaction_the_pages_are_read_from_committed_congresses_removed_at_the_end(
    tmp_path, capsys, monkeypatch
):
    """As `make bench` runs it: the congresses are committed and the database's upkeep done before
    the pages are read, then removed, with the upkeep again after (where autovacuum is off, the
    next run would load into tables full of dead rows); one left by a run killed before its end
    goes at the start."""
    from demo.management.commands import bench

    left_over = BenchCongress(tag="-killed")
    left_over.add_tasks(3)
    people, organizations = Person.objects.count(), Organization.objects.count()
    output = tmp_path / "latest.json"
    events = []
    remove, upkeep = BenchCongress.remove, bench.analyze
    monkeypatch.setattr(BenchCongress, "remove", lambda self: (events.append("remove"), remove(self))[1])
    monkeypatch.setattr(bench, "analyze", lambda: (events.append("upkeep"), upkeep())[1])

    call_command(
        "bench", "--only", "pages", "--sizes", "20", "40", "--dossier-sizes", "5", "10", "--repeat", "1",
        "--output", str(output),
    )  # fmt: skip

    figures = json.loads(output.read_text())
    assert figures["dashboard_queries_20"] == figures["dashboard_queries_40"]
    assert "Removing the bench congresses" in capsys.readouterr().out
    assert events == ["upkeep", "remove", "remove", "upkeep"]
    assert not Congress.objects.exists() and not Task.objects.exists()
    assert not WorkItem.objects.exists() and not MonthCount.objects.filter(n__gt=0).exists()
    assert not TopLevelCount.objects.filter(n__gt=0).exists()
    assert Person.objects.count() == people - 300 and Organization.objects.count() == organizations - 201
    assert not get_user_model().objects.filter(username__startswith="bench-").exists()
