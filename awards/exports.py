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


def history_columns():
    """The award history's columns, headed as its import reads them (awards.imports.HEADINGS)."""
    from documents.spreadsheets import Column

    return [
        Column(_("Full name or unit name"), 35),
        Column(_("Unit"), 35),
        Column(_("Award title"), 40),
        Column(_("Year"), 8),
        Column(_("Decision number"), 30),
    ]


def history_sheet(records):
    """The records (person and organisation selected) as the sheet the history import reads back."""
    from documents.spreadsheets import Sheet

    def rows():
        for record in records:
            if record.person_id:
                unit = record.person.organization
                holder = [record.person.full_name, unit.name if unit else ""]
            else:
                holder = [record.organization.name, ""]
            yield [*holder, record.award_type.name, record.year, record.decision]

    return Sheet(_("Award history"), history_columns(), rows())


def history_template_sheet():
    from documents.spreadsheets import Sheet

    rows = [
        ["Trần Văn Nam", "Sở Tài chính", "Chiến sĩ thi đua cơ sở", 2020, "Quyết định số 12/QĐ-STC"],
        ["Sở Tài chính", "", "Tập thể lao động xuất sắc", 2020, ""],
    ]
    return Sheet(_("Award history"), history_columns(), rows)
