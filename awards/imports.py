"""The award history read from an Excel sheet: one row per title held (holder, unit, title, year, decision).

Headings are recognised without regard to case or diacritics. A collective title names a unit of
the directory; an individual title names a person of the unit given, who is added to the
directory when not there yet. Nothing is written unless every row reads.
"""

import unicodedata
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from congress.models import Organization, Person
from documents.uploads import read_sheet

from .models import AwardRecord, AwardType

HEADINGS = {
    "name": ("ho va ten", "ho ten", "ten tap the", "ca nhan", "tap the", "ten"),
    "unit": ("don vi", "co quan"),
    "title": ("danh hieu", "hinh thuc"),
    "year": ("nam",),
    "decision": ("quyet dinh", "so quyet dinh"),
}
MAX_ROWS = 20_000
MAX_COLUMNS = 30
# 20,000 rows of names, units, titles and decisions unpack to a few megabytes.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def plain(text):
    """Lower case without diacritics: "Đơn vị" → "don vi"."""
    text = unicodedata.normalize("NFD", str(text or "").strip().lower()).replace("đ", "d")
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


@dataclass
class ImportResult:
    created: int = 0
    duplicates: int = 0
    new_people: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def columns(header):
    found = {}
    for index, cell in enumerate(header):
        text = plain(cell)
        for key, words in HEADINGS.items():
            if key not in found and any(text == word or text.startswith(word + " ") for word in words):
                found[key] = index
                break
    return found


def read_rows(upload):
    """The sheet's rows, the heading first; ValidationError for a file too large to be such a sheet."""
    return read_sheet(upload, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS, max_unpacked=MAX_UNPACKED_BYTES)


class NameIndex:
    """Award types, units and people by their plain names: the catalogue and the directory, read once."""

    def __init__(self):
        self.types = {}
        for award_type in AwardType.objects.all():
            for key in (award_type.code, award_type.name, award_type.short_name):
                self.types.setdefault(plain(key), award_type)
        self.units = {}
        for unit in Organization.objects.all():
            for key in (unit.name, unit.short_name):
                if key:
                    self.units.setdefault(plain(key), unit)
        self.people = {}
        for person in Person.objects.filter(organization__isnull=False):
            self.people.setdefault((plain(person.full_name), person.organization_id), person)


@dataclass
class PlannedRecord:
    number: int
    values: dict
    record: dict = None
    error: str = ""


@dataclass
class HistoryPlan:
    """What importing the sheet would write: one planned row each, and the errors ("Row 3: …") if any."""

    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self):
        return bool(self.rows) and not self.errors


def plan_history(rows):
    """Read the sheet's rows (read_rows) against the catalogue and the directory; writes nothing."""
    plan = HistoryPlan()
    rows = iter(rows)
    header = next(rows, None)
    found = columns(header or ())
    missing = [key for key in ("name", "title", "year") if key not in found]
    if missing:
        plan.errors.append(_("The first row must name the columns: Họ và tên / Tên tập thể, Danh hiệu, Năm."))
        return plan
    names = NameIndex()
    for number, row in enumerate(rows, start=2):
        values = {key: row[index] if index < len(row) else None for key, index in found.items()}
        if not any(values.values()):
            continue
        record, error = _read_row(values, names)
        if error:
            error = _("Row %(row)s: %(error)s") % {"row": number, "error": error}
            plan.errors.append(error)
        plan.rows.append(PlannedRecord(number, values, record, error))
    return plan


def import_history(plan):
    """Write the records of a plan without errors in one transaction; an ImportResult."""
    result = ImportResult(errors=list(plan.errors))
    if plan.is_valid:
        _write([row.record for row in plan.rows], result)
    return result


def _read_row(values, names):
    name = str(values.get("name") or "").strip()
    award_type = names.types.get(plain(values.get("title")))
    if not name:
        return None, _("the name is empty.")
    if award_type is None:
        return None, _("“%(title)s” is not in the catalogue.") % {"title": values.get("title") or ""}
    try:
        year = int(str(values.get("year")).strip().split(".")[0])
    except ValueError:
        year = 0
    if not 1945 <= year <= 2100:
        return None, _("“%(year)s” is not a year.") % {"year": values.get("year") or ""}
    decision = str(values.get("decision") or "").strip()[:150]
    if award_type.is_collective:
        unit = names.units.get(plain(name))
        if unit is None:
            return None, _("no unit named “%(name)s” in the directory.") % {"name": name}
        return {"organization": unit, "award_type": award_type, "year": year, "decision": decision}, None
    unit_name = str(values.get("unit") or "").strip()
    unit = names.units.get(plain(unit_name))
    if unit is None:
        return None, _("the unit “%(unit)s” of %(name)s is not in the directory.") % {"unit": unit_name, "name": name}
    person = names.people.get((plain(name), unit.pk)) or Person(full_name=name, organization=unit)
    names.people[(plain(name), unit.pk)] = person
    return {"person": person, "award_type": award_type, "year": year, "decision": decision}, None


@transaction.atomic
def _write(planned, result):
    for record in planned:
        holder = record.get("person") or record["organization"]
        if isinstance(holder, Person) and holder.pk is None:
            holder.save()
            result.new_people.append(holder.full_name)
        holder_filter = Q(person=holder) if "person" in record else Q(organization=holder)
        exists = AwardRecord.objects.filter(holder_filter, award_type=record["award_type"], year=record["year"])
        if exists.exists():
            result.duplicates += 1
            continue
        AwardRecord.objects.create(**record)
        result.created += 1
