"""The live composition of the delegates against the congress's targets, in one query per scope."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from .models import CompositionTarget, Sector

Criterion = CompositionTarget.Criterion


def trait_filters(young_from_year):
    """The condition each composition criterion counts, by key."""
    filters = {
        Criterion.WOMEN: Q(gender="female"),
        Criterion.YOUNG: Q(birth_year__gte=young_from_year),
        Criterion.ETHNIC_MINORITY: ~Q(ethnicity__iexact="kinh") & ~Q(ethnicity=""),
        Criterion.RELIGIOUS: Q(is_religious_dignitary=True),
        Criterion.NON_LEADER: Q(is_leader=False),
        Criterion.HERO: Q(is_hero=True),
        Criterion.EMULATION_FIGHTER: Q(is_emulation_fighter=True),
    }
    for sector in Sector.values:
        filters[f"sector:{sector}"] = Q(sector=sector)
    return filters


def target_key(target):
    return f"sector:{target.sector}" if target.criterion == Criterion.SECTOR else target.criterion


def young_from_year(congress, allocation):
    limit = allocation.young_age_limit if allocation else 35
    return congress.year - limit


def count_traits(delegates, congress, allocation, *, by_unit=False):
    """{quota id or None: {"total": n, key: n, …}}; by_unit=False gives one row under the key "all"."""
    annotations = {"total": Count("pk")}
    for key, condition in trait_filters(young_from_year(congress, allocation)).items():
        annotations[key.replace(":", "__")] = Count("pk", filter=condition)
    if by_unit:
        rows = delegates.order_by().values("quota_id").annotate(**annotations)
        return {row.pop("quota_id"): _keys(row) for row in rows}
    return {"all": _keys(delegates.order_by().aggregate(**annotations))}


def _keys(row):
    return {key.replace("__", ":"): value for key, value in row.items()}


@dataclass
class Check:
    target: CompositionTarget
    count: int
    total: int

    @property
    def percent(self):
        return round(100 * self.count / self.total, 1) if self.total else 0

    @property
    def is_met(self):
        if self.target.min_count is not None:
            return self.count >= self.target.min_count
        return self.total > 0 and 100 * self.count >= self.target.min_percent * self.total


@dataclass
class Composition:
    total: int
    checks: list = field(default_factory=list)

    @property
    def unmet(self):
        return [check for check in self.checks if not check.is_met]


def evaluate(counts, targets, *, shares_only=False):
    """Check counted traits against the targets. A unit is held to the shares only: a minimum count is
    the congress's, not each unit's."""
    counts = counts or {}
    total = counts.get("total", 0)
    checks = [
        Check(target, counts.get(target_key(target), 0), total)
        for target in targets
        if not (shares_only and target.min_percent is None)
    ]
    return Composition(total, checks)
