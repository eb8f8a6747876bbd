import io

import pytest

from clusters.models import Cluster
from demo.benchmarks import clusters as benchmarks

pytestmark = pytest.mark.django_db


def test_the_bench_measures_the_pages_and_the_pdf_and_leaves_the_database_as_it_was():
    out = io.StringIO()
    results = benchmarks.run(stdout=out, repeat=1, sizes=(2, 6))

    assert results["cluster_ranking_queries_2"] == results["cluster_ranking_queries_6"] <= benchmarks.MAX_QUERIES
    assert results["cluster_review_queries_2"] == results["cluster_review_queries_6"] <= benchmarks.MAX_QUERIES
    assert results["cluster_summary_pdf_s_6"] > 0
    assert "score summary PDF @6 members" in out.getvalue()
    assert not Cluster.objects.exists()
