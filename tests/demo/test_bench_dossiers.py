import io

from awards.models import Nomination
from demo.benchmarks import dossiers as benchmarks


def test_the_bench_measures_the_dossier_list_and_leaves_the_database_as_it_was(db):
    out = io.StringIO()

    figures = benchmarks.run(stdout=out, repeat=1, sizes=(5, 40))

    assert set(figures) == {
        "dossiers_baseline_ms",
        "dossiers_ms_5",
        "dossiers_queries_5",
        "dossiers_ms_40",
        "dossiers_queries_40",
        "dossiers_cold_ms_5",
        "dossiers_cold_queries_5",
        "dossiers_cold_ms_40",
        "dossiers_cold_queries_40",
    }
    assert figures["dossiers_queries_5"] == figures["dossiers_queries_40"]
    assert figures["dossiers_cold_queries_5"] == figures["dossiers_cold_queries_40"] > figures["dossiers_queries_5"]
    assert not Nomination.objects.exists()
    assert "baseline" in out.getvalue()
