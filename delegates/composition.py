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


def _annotations(congress, allocation, keys=None):
    """A count of every trait, or only of those in `keys` (what the targets check)."""
    annotations = {"total": Count("pk")}
    for key, condition in trait_filters(young_from_year(congress, allocation)).items():
        if keys is None or key in keys:
            annotations[key.replace(":", "__")] = Count("pk", filter=condition)
    return annotations


def count_traits(delegates, congress, allocation):
    """{"all": {"total": n, key: n, …}}: the traits of these delegates, counted in one query."""
    return {"all": _keys(delegates.order_by().aggregate(**_annotations(congress, allocation)))}


def count_groups(delegates, congress, allocation, targets):
    """The traits the targets check, counted once and grouped by unit and kind:
    [(quota id or None, kind, {"total": n, key: n, …})]. Every page's figures (the congress, each
    unit, guests and officials) are sums of these few rows; a trait no target checks is not counted."""
    keys = {target_key(target) for target in targets}
    rows = delegates.order_by().values("quota_id", "kind").annotate(**_annotations(congress, allocation, keys))
    return [(row.pop("quota_id"), row.pop("kind"), _keys(row)) for row in rows]


def add_counts(groups):
    """The sum of counted groups (an empty dict when there are none)."""
    total = {}
    for counts in groups:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


def by_unit(groups, *, kind=None):
    """{quota id: counts} of the groups, of one kind or of every kind."""
    units = {}
    for quota_id, group_kind, counts in groups:
        if quota_id is not None and kind in (None, group_kind):
            units[quota_id] = add_counts([units.get(quota_id, {}), counts])
    return units


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
