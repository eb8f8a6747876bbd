"""The next congress from the last (planning/clone.py): the delegate allocation, the unit quotas and
the composition targets are copied; the registration deadline keeps its distance to the congress day.
Registered as a copier at app ready, so planning never imports delegates."""

import datetime

from django.utils.translation import gettext_lazy as _

from planning.clone import Moved, register_copier

from .models import Allocation, CompositionTarget, UnitQuota


def _source_rows(source):
    """The allocation, quotas and targets (one query when the congress has no allocation: the setup
    form saves the three together)."""
    allocation = Allocation.objects.filter(congress=source).first()
    if allocation is None:
        return None, [], []
    quotas = list(UnitQuota.objects.filter(congress=source).select_related("organization").order_by("order", "pk"))
    targets = list(CompositionTarget.objects.filter(congress=source).order_by("order", "pk"))
    return allocation, quotas, targets


def _moved_deadline(allocation, plan):
    if allocation.registration_deadline is None:
        return None
    return allocation.registration_deadline + datetime.timedelta(days=plan.days)


def preview(plan, key):
    allocation, quotas, targets = plan.copied[key] = _source_rows(plan.source)
    rows = []
    if allocation is not None:
        seats = f"{allocation.total} ({allocation.guests} khách mời, {allocation.official} chính thức)"
        rows.append(Moved("Số đại biểu", seats, seats, None, None))
        if allocation.registration_deadline:
            rows.append(
                Moved(
                    "Hạn đăng ký đại biểu",
                    "",
                    "",
                    allocation.registration_deadline,
                    _moved_deadline(allocation, plan),
                )
            )
    for quota in quotas:
        text = f"{quota.seats} đại biểu"
        rows.append(Moved(quota.organization.display_name, text, text, None, None))
    for target in targets:
        rows.append(Moved(f"Chỉ tiêu cơ cấu: {target.label}", target.goal_text, target.goal_text, None, None))
    return rows


def copy(plan, key, congress):
    """Three INSERTs at most, from what the preview read; the units register their delegates afresh
    (every list starts as a draft)."""
    allocation, quotas, targets = plan.copied[key] if key in plan.copied else _source_rows(plan.source)
    if allocation is not None:
        Allocation.objects.create(
            congress=congress,
            total=allocation.total,
            guests=allocation.guests,
            official=allocation.official,
            young_age_limit=allocation.young_age_limit,
            registration_deadline=_moved_deadline(allocation, plan),
        )
    UnitQuota.objects.bulk_create(
        UnitQuota(congress=congress, organization_id=quota.organization_id, seats=quota.seats, order=quota.order)
        for quota in quotas
    )
    CompositionTarget.objects.bulk_create(
        CompositionTarget(
            congress=congress,
            criterion=target.criterion,
            sector=target.sector,
            min_percent=target.min_percent,
            min_count=target.min_count,
            order=target.order,
        )
        for target in targets
    )


def register():
    register_copier("delegates", label=_("Delegate allocation and composition targets"), preview=preview, copy=copy)
