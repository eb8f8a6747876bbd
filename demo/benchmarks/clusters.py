"""clusters' figures for `make bench`: the ranking and the score-review pages of a cluster of 60
members × 120 criteria (and of 5 members, same sheet), and the score summary PDF of 60 members.

The data is built inside a transaction that is rolled back. Goals: the same number of queries
(at most 12) at 5 and 60 members; the ranking and the review at 60 within 6 × the baseline (a signed-in page
that reads nothing, measured the same way); the summary PDF within 2 s (median of up to three
renders, gathering included, after one render that loads the fonts, as a running worker has).
"""

import datetime
import statistics
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from clusters import services
from clusters.models import Cluster, ClusterMember, CriteriaGroup, Criterion, Score
from congress.models import Organization
from demo.benchdata import analyze, measure, rolled_back, serving_pages
from documents.layer import get_kind, letter_for, record_for, render_pdf

SIZES = (5, 60)
CRITERIA = 120
GROUPS = 6
MAX_QUERIES = 12
MAX_RATIO = 6.0
MAX_PDF_S = 2.0


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    with serving_pages(), rolled_back():
        _measure(results, stdout, repeat, sizes)
    _report(results, stdout, sizes)
    return results


def build_year(size, leader, *, criteria=CRITERIA, groups=GROUPS):
    """A cluster of `size` members with a sheet of `criteria` criteria, every member scored."""
    cluster = Cluster.objects.create(name=f"Cụm thi đua bench {size}", founding_body="UBND tỉnh")
    organizations = Organization.objects.bulk_create(
        Organization(name=f"Ủy ban nhân dân huyện bench {size}-{n}", abbreviation=f"B{size}-{n}") for n in range(size)
    )
    members = ClusterMember.objects.bulk_create(
        ClusterMember(cluster=cluster, organization=organization, rotation_order=n + 1)
        for n, organization in enumerate(organizations)
    )
    cluster_year = services.open_year(
        cluster,
        by=leader,
        year=2030,
        conference_date=datetime.date(2030, 12, 20),
        scoring_deadline=datetime.date(2030, 12, 1),
        late_evidence_days=5,
        leader=members[0],
        deputy=members[1],
    )
    sheet = []
    per_group = criteria // groups
    for g in range(groups):
        group = CriteriaGroup.objects.create(year=cluster_year, order=g + 1, name=f"Nhóm tiêu chí {g + 1}")
        for c in range(per_group):
            kind = Criterion.Kind.STANDARD
            if g == groups - 1 and c == per_group - 1:
                kind = Criterion.Kind.PENALTY
            elif g == groups - 1 and c == per_group - 2:
                kind = Criterion.Kind.BONUS
            sheet.append(
                Criterion(group=group, order=c + 1, name=f"Tiêu chí {g + 1}.{c + 1}", kind=kind, max_points=10)
            )
    sheet = Criterion.objects.bulk_create(sheet)
    Score.objects.bulk_create(
        (
            Score(criterion=criterion, member=member, self_points=Decimal((m * 7 + i) % 11 % 10))
            for m, member in enumerate(members)
            for i, criterion in enumerate(sheet)
        ),
        batch_size=2000,
    )
    return cluster_year


def _measure(results, stdout, repeat, sizes):
    leader = get_user_model().objects.create(username="bench-cum-truong")
    client = Client()
    client.force_login(leader)
    years = {}
    requests = {"baseline": (client, reverse("password_change_done"))}
    for size in sizes:
        stdout.write(f"Building a cluster of {size} members × {CRITERIA} criteria…\n")
        years[size] = cluster_year = build_year(size, leader)
        for page in ("ranking", "review"):
            requests[(page, size)] = (client, reverse(f"clusters:{page}", args=[cluster_year.conference_id]))
    analyze()
    # Every page requested in turn, round after round, so that a busy machine slows them alike.
    figures = measure(requests, repeat)
    results["cluster_baseline_ms"] = figures["baseline"].ms
    results["cluster_baseline_cpu_ms"] = figures["baseline"].cpu_ms
    for size in sizes:
        for page in ("ranking", "review"):
            results[f"cluster_{page}_ms_{size}"] = figures[(page, size)].ms
            results[f"cluster_{page}_cpu_ms_{size}"] = figures[(page, size)].cpu_ms
            results[f"cluster_{page}_queries_{size}"] = figures[(page, size)].queries
    largest = years[max(sizes)]
    kind = get_kind("cluster-score-summary")
    # A worker has its fonts loaded already: one render first, not counted.
    render_pdf(letter_for(kind, years[min(sizes)], record_for(kind, years[min(sizes)])))
    timings = []
    for _ in range(max(1, min(repeat, 3))):
        started = time.perf_counter()
        render_pdf(letter_for(kind, largest, record_for(kind, largest)))
        timings.append(time.perf_counter() - started)
    results[f"cluster_summary_pdf_s_{max(sizes)}"] = round(statistics.median(timings), 3)


def _report(results, stdout, sizes):
    small, large = sizes
    baseline, baseline_cpu = results["cluster_baseline_ms"], results["cluster_baseline_cpu_ms"]
    stdout.write(f"\nbaseline (signed-in page that reads nothing): {baseline:.2f} ms, CPU {baseline_cpu:.2f} ms\n")
    for page in ("ranking", "review"):
        queries_small, queries_large = (
            results[f"cluster_{page}_queries_{small}"],
            results[f"cluster_{page}_queries_{large}"],
        )
        ms_large, cpu_large = results[f"cluster_{page}_ms_{large}"], results[f"cluster_{page}_cpu_ms_{large}"]
        met = queries_small == queries_large <= MAX_QUERIES and ms_large <= MAX_RATIO * baseline
        stdout.write(
            f"cluster {page:<8} @{small} members: {results[f'cluster_{page}_ms_{small}']:.1f} ms, "
            f"{queries_small} queries; "
            f"@{large}: {ms_large:.1f} ms ({ms_large / baseline:.1f} × baseline; CPU {cpu_large:.1f} ms, "
            f"{cpu_large / max(baseline_cpu, 0.01):.1f} ×), {queries_large} queries "
            f"{'met' if met else 'MISSED'}\n"
        )
    seconds = results[f"cluster_summary_pdf_s_{large}"]
    stdout.write(
        f"score summary PDF @{large} members: {seconds:.2f} s (goal ≤ {MAX_PDF_S:g}) "
        f"{'met' if seconds <= MAX_PDF_S else 'MISSED'}\n"
    )
    stdout.write(
        f"Goals: ≤ {MAX_QUERIES} queries, the same at {small} and {large} members; both pages at {large} "
        f"within {MAX_RATIO:g} × baseline (wall time, medians of requests taken in turn).\n"
    )
