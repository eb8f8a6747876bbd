"""The standing office's dossier list of a round at 20 and 2,000 dossiers, for `make bench`.

Builds a congress (demo.benchdata's directory of 200 organisations and 300 people), a round and
its dossiers with an award history, inside a transaction that is rolled back. The bench command
prints these figures in its page table, with the same goals as the task pages.
"""

import itertools

from django.test import Client
from django.urls import reverse

from awards.models import AwardRecord, AwardType, Nomination, NominationRound
from demo.benchdata import BenchCongress, analyze, measure, rolled_back, serving_pages

SIZES = (20, 2000)
ROUND_TYPES = ["cstd_tinh", "cstd_co_so", "bk_tinh_ca_nhan", "bk_ttg_ca_nhan"]
STATUSES = [status for status, _label in Nomination.Status.choices]


def run(*, stdout, repeat, sizes=SIZES):
    results = {}
    with serving_pages(), rolled_back():
        _measure(results, stdout, repeat, sizes)
    return results


def _measure(results, stdout, repeat, sizes):
    requests = {}
    types = list(AwardType.objects.filter(code__in=ROUND_TYPES))
    for size in sizes:
        stdout.write(f"Building a congress with a round of {size:,} dossiers…")
        bench = BenchCongress(subcommittees=1, tag=f"-dossiers-{size}")
        nomination_round = NominationRound.objects.create(
            congress=bench.congress, name="Đợt xét bench", year=2030, deadline="2030-07-31"
        )
        nomination_round.award_types.set(types)
        _add_history(bench)
        _add_dossiers(bench, nomination_round, types, start=0, count=size)
        client = Client()
        client.force_login(bench.secretariat)
        url = reverse("awards:nomination_list", args=[bench.congress.pk]) + f"?round={nomination_round.pk}"
        requests[size] = (client, url)
        if "baseline" not in requests:
            requests["baseline"] = (client, reverse("password_change_done"))
    analyze()
    figures = measure(requests, repeat)
    results["dossiers_baseline_ms"] = figures["baseline"].ms
    results["dossiers_baseline_cpu_ms"] = figures["baseline"].cpu_ms
    for size in sizes:
        results[f"dossiers_ms_{size}"] = figures[size].ms
        results[f"dossiers_cpu_ms_{size}"] = figures[size].cpu_ms
        results[f"dossiers_queries_{size}"] = figures[size].queries


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
