"""The dossier lists as an Excel workbook: one sheet per award type, as the proposed-honours list reads."""

import io
import re
from itertools import groupby

from django.utils.translation import gettext as _

SHEET_NAME_LIMIT = 31


def _sheet_name(name, used):
    base = re.sub(r"[\[\]:*?/\\]", " ", name)[:SHEET_NAME_LIMIT].strip() or "Sheet"
    candidate, number = base, 2
    while candidate in used:
        suffix = f" ({number})"
        candidate, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    used.add(candidate)
    return candidate


def headings():
    return [
        _("No."),
        _("Nominee"),
        _("Position"),
        _("Proposing unit"),
        _("Award type"),
        _("Period"),
        _("Summary of achievements"),
        _("Status"),
        _("Council result"),
        _("Decision"),
    ]


def row(number, nomination):
    ballot = getattr(nomination, "latest_ballot", None)
    result = f"{ballot.approvals}/{ballot.members_total}" if ballot else ""
    decision = nomination.decision_number
    if nomination.decision_date:
        decision = f"{decision}, {nomination.decision_date:%d/%m/%Y}"
    return [
        number,
        nomination.nominee_name,
        nomination.person.position if nomination.person_id else "",
        nomination.proposing_organization.name,
        nomination.award_type.name,
        nomination.period,
        nomination.achievements,
        nomination.get_status_display(),
        result,
        decision,
    ]


def nominations_workbook(nominations):
    """The dossiers, ordered by award type, as .xlsx bytes."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used = set()
    groups = groupby(nominations, key=lambda nomination: nomination.award_type)
    for award_type, rows in groups:
        sheet = workbook.create_sheet(_sheet_name(award_type.short_name, used))
        sheet.append([award_type.name])
        sheet.append(headings())
        for number, nomination in enumerate(rows, start=1):
            sheet.append(row(number, nomination))
    if not used:
        workbook.create_sheet(_("Dossiers")).append(headings())
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
