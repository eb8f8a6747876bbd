"""Whether a nominee meets an award type's prerequisites, read from their award history, with
reasons as the standing office writes them: "CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục".
"""

from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import gettext as _

from .models import AwardRecord, AwardType
from .prerequisites import condition_label

SHOWN_YEARS = 5


@dataclass
class Reason:
    text: str
    met: bool


@dataclass
class Eligibility:
    reasons: list = field(default_factory=list)

    @property
    def applicable(self):
        """False when the award type asks for no title already held."""
        return bool(self.reasons)

    @property
    def met(self):
        return all(reason.met for reason in self.reasons)


def check(prerequisites, *, held, up_to, names):
    """held: {award type code: set of years}; up_to: the last year of the dossier's period."""
    return Eligibility([_reason(condition, held, up_to, names) for condition in prerequisites])


def _years_text(years):
    return ", ".join(str(year) for year in sorted(years)[-SHOWN_YEARS:])


def _reason(condition, held, up_to, names):
    label = condition_label(condition, names)
    years = set().union(*(held.get(code, set()) for code in condition["titles"]))
    if "consecutive" in condition:
        return _consecutive(label, years, condition["consecutive"], up_to)
    return _count(label, years, condition["count"], condition.get("within"), up_to)


def _consecutive(label, years, needed, up_to):
    run = []
    year = up_to
    while year in years:
        run.insert(0, year)
        year -= 1
    values = {"label": label, "n": needed, "year": up_to}
    if len(run) >= needed:
        values["years"] = _years_text(run[-needed:])
        return Reason(_("%(label)s %(years)s: enough, %(n)s consecutive years") % values, True)
    earlier = [year for year in years if year <= up_to]
    if not earlier:
        return Reason(_("%(label)s: none yet, %(n)s consecutive years up to %(year)s needed") % values, False)
    values["years"] = _years_text(earlier)
    return Reason(_("%(label)s %(years)s: not enough, %(n)s consecutive years up to %(year)s needed") % values, False)


def _count(label, years, needed, within, up_to):
    first = up_to - within + 1 if within else 0
    counted = [year for year in years if first <= year <= up_to]
    values = {"label": label, "n": needed, "m": within, "years": _years_text(counted)}
    met = len(counted) >= needed
    if met and within:
        text = _("%(label)s %(years)s: enough, %(n)s times in %(m)s years")
    elif met:
        text = _("%(label)s %(years)s: enough, %(n)s times")
    elif counted and within:
        text = _("%(label)s %(years)s: not enough, %(n)s times in %(m)s years needed")
    elif counted:
        text = _("%(label)s %(years)s: not enough, %(n)s times needed")
    elif within:
        text = _("%(label)s: none in the last %(m)s years, %(n)s times needed")
    else:
        text = _("%(label)s: none yet, %(n)s times needed")
    return Reason(text % values, met)


def type_names():
    """{code: short name} of the whole catalogue, for reasons."""
    return dict(AwardType.objects.values_list("code", "short_name"))


def histories(nominations):
    """{("person" | "organization", id): {code: set of years}} of the nominees, in one query."""
    person_ids = {n.person_id for n in nominations if n.person_id}
    organization_ids = {n.organization_id for n in nominations if n.organization_id}
    found = {}
    if not person_ids and not organization_ids:
        return found
    for person_id, organization_id, code, year in _records(person_ids, organization_ids):
        key = ("person", person_id) if person_id else ("organization", organization_id)
        found.setdefault(key, {}).setdefault(code, set()).add(year)
    return found


def _records(person_ids, organization_ids):
    """(person id, organization id, award type code, year) of the records of those people and
    units: one SQL statement (the dossier list reads it on every visit; the ORM's version cost
    more to build than to run)."""
    conditions, params = [], []
    for column, ids in (("person_id", person_ids), ("organization_id", organization_ids)):
        if ids:
            conditions.append(f"r.{column} IN ({', '.join(['%s'] * len(ids))})")
            params.extend(ids)
    sql = f"""
        SELECT r.person_id, r.organization_id, t.code, r.year
        FROM {AwardRecord._meta.db_table} r JOIN {AwardType._meta.db_table} t ON t.id = r.award_type_id
        WHERE {" OR ".join(conditions)}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def held_by(nomination, found):
    if nomination.person_id:
        return found.get(("person", nomination.person_id), {})
    if nomination.organization_id:
        return found.get(("organization", nomination.organization_id), {})
    return {}


def annotate(nominations, names=None):
    """Set `eligibility` on each dossier: two queries whatever their number."""
    names = names if names is not None else type_names()
    found = histories(nominations)
    for nomination in nominations:
        nomination.eligibility = check(
            nomination.award_type.prerequisites, held=held_by(nomination, found), up_to=nomination.year_to, names=names
        )
    return nominations
