import json

from django.core.management import call_command

from planning.models import Task


def test_bench_writes_every_figure_and_leaves_the_database_as_it_was(db, tmp_path, capsys):
    output = tmp_path / "latest.json"
    output.write_text(json.dumps({"reminder_plan_s_100k": 12.5}))

    call_command("bench", "--only", "pages", "--sizes", "20", "40", "--repeat", "1", "--output", str(output))

    figures = json.loads(output.read_text())
    assert figures["reminder_plan_s_100k"] == 12.5  # other benchmarks' figures are kept
    for page in ("my_work", "schedule", "dashboard", "my_work_cold", "schedule_cold", "dashboard_cold"):
        for size in (20, 40):
            assert figures[f"{page}_ms_{size}"] > 0
            assert 0 < figures[f"{page}_queries_{size}"] <= 15
        assert figures[f"{page}_queries_20"] == figures[f"{page}_queries_40"]
    assert figures["baseline_ms"] > 0
    assert not Task.objects.exists()
    assert "baseline" in capsys.readouterr().out
