"""Reads scoped to the user: the dossiers a user may open, the council's results and ranking."""

from itertools import groupby

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Collate

from congress.rules import congress_roles
from congress.search import VIETNAMESE, Binary

from .models import AwardType, Ballot, Nomination, NominationRound
from .rules import Role, focal_organizations


def nominee_order():
    """The dossiers' nominees in Vietnamese order, from the dossier's own columns
    (Nomination.SORT_FIELDS), for `order_by()`. SQLite: the stored key in plain binary order (its
    collation is a Python function, called per comparison). PostgreSQL: the name in ICU's
    collation, native (the key orders letters, tones and case as ICU does, but punctuation and
    digits as the SQLite collation does)."""
    if connection.vendor == "postgresql":
        return Collate(F("nominee_text"), VIETNAMESE)
    return Binary(F("nominee_key"))


def nominations_for(user, congress, queryset=None):
    """The dossiers of the congress the user may open: all for the standing office, the own
    organisation's for a focal point, those from the council onwards for a council member."""
    queryset = (queryset if queryset is not None else Nomination.objects.all()).filter(round__congress=congress)
    roles = {role for role, _, _ in congress_roles(user, congress)}
    if user.is_superuser or Role.SECRETARIAT in roles:
        return queryset
    condition = Q(pk__in=[])
    organizations = focal_organizations(user, congress)
    if organizations:
        condition |= Q(proposing_organization_id__in=organizations)
    if Role.COUNCIL_MEMBER in roles:
        condition |= Q(status__in=Nomination.IN_OR_AFTER_COUNCIL)
    return queryset.filter(condition)


def ranking(session):
    """The session's ballots per award type, best first: by votes for, then by the tie rule in
    favour of women. Each ballot gets `rank` and `preferred_in_tie` (ranked above an equal
    candidate because of the tie rule)."""
    ballots = list(
        Ballot.objects.filter(session=session)
        .select_related("nomination__award_type", "nomination__person", "nomination__organization")
        .order_by("nomination__award_type__order", "nomination__award_type_id", "pk")
    )
    groups = []
    for award_type, rows in groupby(ballots, key=lambda ballot: ballot.nomination.award_type):
        rows = sorted(rows, key=lambda b: (-b.approvals, not b.nomination.prefers_women, b.nomination.nominee_name))
        for position, ballot in enumerate(rows, start=1):
            ballot.rank = position
            equals = [other for other in rows if other is not ballot and other.approvals == ballot.approvals]
            ballot.preferred_in_tie = ballot.nomination.prefers_women and any(
                not other.nomination.prefers_women for other in equals
            )
        groups.append((award_type, rows))
    return groups


def award_catalogue(congress):
    """(pk, name, code, short name, offered) of every award type, in the catalogue's order;
    `offered`: one of the congress's rounds takes dossiers for it. The dossier list reads this on
    every visit (the filter's choices, the names in the eligibility reasons): written as SQL because
    the ORM's version cost more to build than to run; the same statement runs on SQLite and PostgreSQL."""
    through = NominationRound.award_types.through._meta
    rounds_column = through.get_field("nominationround").column
    types_column = through.get_field("awardtype").column
    order = connection.ops.quote_name(AwardType._meta.get_field("order").column)
    sql = f"""
        SELECT t.id, t.name, t.code, t.short_name, EXISTS (
            SELECT 1 FROM {through.db_table} rt JOIN {NominationRound._meta.db_table} r ON r.id = rt.{rounds_column}
            WHERE rt.{types_column} = t.id AND r.congress_id = %s
        )
        FROM {AwardType._meta.db_table} t
        ORDER BY t.{order}, t.name
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [congress.pk])
        return [
            (pk, name, code, short_name, bool(offered)) for pk, name, code, short_name, offered in cursor.fetchall()
        ]


class LatestBallot:
    """The counts the dossier list shows of a dossier's latest ballot."""

    __slots__ = ("votes_for", "written_for", "members_total")
    approvals = Ballot.approvals

    def __init__(self, votes_for, written_for, members_total):
        self.votes_for, self.written_for, self.members_total = votes_for, written_for, members_total


def latest_ballots(nomination_ids):
    """{dossier id: LatestBallot} of those that have a ballot, in one SQL statement (the list
    reads it on every visit; the ORM's version cost more to build than to run)."""
    nomination_ids = list(nomination_ids)
    if not nomination_ids:
        return {}
    placeholders = ", ".join(["%s"] * len(nomination_ids))
    sql = f"""
        SELECT nomination_id, votes_for, written_for, members_total FROM {Ballot._meta.db_table}
        WHERE nomination_id IN ({placeholders}) ORDER BY id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, nomination_ids)
        return {nomination_id: LatestBallot(*counts) for nomination_id, *counts in cursor.fetchall()}  # the last wins
