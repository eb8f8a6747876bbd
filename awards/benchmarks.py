"""awards' figures for `make bench`: the standing office's dossier list of a round at 20 and 2,000 dossiers.

Builds a congress (planning.benchdata's directory of 200 organisations and 300 people), a round
and its dossiers with an award history, inside a transaction that is rolled back. Goals: the
same number of queries at both sizes, and the large list within 4 × the baseline (a signed-in
page that reads nothing, measured here the same way as the page benchmarks do).
"""

import itertools

from django.test import Client
from django.urls import reverse

from planning import cache
from planning.benchdata import BenchCongress, measure, rolled_back, serving_pages

from .models import AwardRecord, AwardType, Nomination, NominationRound

SIZES = (20, 2000)
MAX_RATIO = 4.0
ROUND_TYPES = ["cstd_tinh", "cstd_co_so", "bk_tinh_ca_nhan", "bk_ttg_ca_nhan"]
STATUSES = [status for status, _label in Nomination.Status.choices]


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    with serving_pages(), rolled_back():
        _measure(results, stdout, repeat, sizes)
    _report(results, stdout, sizes)
    return results


def _measure(results, stdout, repeat, sizes):
    stdout.write("Building the congress and its nomination round…")
    bench = BenchCongress(subcommittees=1)
    nomination_round = NominationRound.objects.create(
        congress=bench.congress, name="Đợt xét bench", year=2030, deadline="2030-07-31"
    )
    types = list(AwardType.objects.filter(code__in=ROUND_TYPES))
    nomination_round.award_types.set(types)
    _add_history(bench)
    client = Client()
    client.force_login(bench.secretariat)
    baseline_ms, _queries = measure(client, reverse("password_change_done"), repeat)
    results["dossiers_baseline_ms"] = round(baseline_ms, 2)
    url = reverse("awards:nomination_list", args=[bench.congress.pk]) + f"?round={nomination_round.pk}"
    count = 0
    for size in sizes:
        _add_dossiers(bench, nomination_round, types, start=count, count=size - count)
        count = size
        cache.congress_changed(bench.congress.pk)  # bulk inserts send no signals
        milliseconds, queries = measure(client, url, repeat)
        results[f"dossiers_ms_{size}"] = round(milliseconds, 2)
        results[f"dossiers_queries_{size}"] = queries
        # Right after a change to the congress, when the list is rendered again rather than read from the cache.
        milliseconds, queries = measure(client, url, repeat, before=lambda: cache.congress_changed(bench.congress.pk))
        results[f"dossiers_cold_ms_{size}"] = round(milliseconds, 2)
        results[f"dossiers_cold_queries_{size}"] = queries


def _add_history(bench):
    grassroots = AwardType.objects.get(code="cstd_co_so")
    AwardRecord.objects.bulk_create(
        AwardRecord(person=person, award_type=grassroots, year=year)
        for person in bench.people
        for year in (2028, 2029, 2030)
    )


def _add_dossiers(bench, nomination_round, types, *, start, count):
    people = itertools.cycle(bench.people)
    Nomination.objects.bulk_create(
        (
            Nomination(
                round=nomination_round,
                award_type=types[n % len(types)],
                person=next(people),
                proposing_organization=bench.organizations[n % len(bench.organizations)],
                year_from=2026,
                year_to=2030,
                achievements=f"Thành tích số {n}.",
                status=STATUSES[n % len(STATUSES)],
            )
            for n in range(start, start + count)
        ),
        batch_size=1000,
    )


def _report(results, stdout, sizes):
    small, large = sizes
    baseline = results["dossiers_baseline_ms"]
    stdout.write(f"\nbaseline (signed-in page that reads nothing): {baseline:.2f} ms")
    stdout.write(
        f"{'page':<26}  {'ms @' + format(small, ','):>10}  {'queries':>7}  "
        f"{'ms @' + format(large, ','):>10}  {'queries':>7}  goal"
    )
    for key, label, timed in (("dossiers", "dossiers", True), ("dossiers_cold", "dossiers, after a change", False)):
        met = results[f"{key}_queries_{small}"] == results[f"{key}_queries_{large}"]
        met = met and (not timed or results[f"{key}_ms_{large}"] <= MAX_RATIO * baseline)
        verdict = ("met" if met else "MISSED") if timed else ("queries met" if met else "queries MISSED")
        stdout.write(
            f"{label:<26}  {results[f'{key}_ms_{small}']:>10.1f}  {results[f'{key}_queries_{small}']:>7}  "
            f"{results[f'{key}_ms_{large}']:>10.1f}  {results[f'{key}_queries_{large}']:>7}  {verdict}"
        )
    stdout.write(
        f"Goals: equal query counts; at {large:,} dossiers within {MAX_RATIO:g} × baseline "
        f"({MAX_RATIO * baseline:.1f} ms). The list is kept rendered until its congress changes;\n"
        "the row 'after a change' measures the first visit after each change."
    )
