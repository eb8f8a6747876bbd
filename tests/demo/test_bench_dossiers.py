import io

from awards.models import Nomination
from demo.benchmarks import dossiers


def test_the_bench_measures_the_dossier_list_and_leaves_the_database_as_it_was(db):
    figures = dossiers.run(stdout=io.StringIO(), repeat=1, sizes=(5, 40))

    assert set(figures) == {
        "dossiers_baseline_ms",
        "dossiers_baseline_cpu_ms",
        "dossiers_ms_5",
        "dossiers_cpu_ms_5",
        "dossiers_queries_5",
        "dossiers_ms_40",
        "dossiers_cpu_ms_40",
        "dossiers_queries_40",
    }
    assert figures["dossiers_queries_5"] == figures["dossiers_queries_40"]
    assert figures["dossiers_ms_40"] > 0
    assert not Nomination.objects.exists()
