"""The directory read from Excel: organisations as a tree, then people with their positions.

Each sheet has the columns of its export (congress.exports), recognised by their headings whatever
the case, accents or interface language. Reading (`plan_organizations`, `plan_people`) writes
nothing: it says for each row what would happen (added, updated) or what is wrong with it. Writing
(`import_organizations`, `import_people`) takes a plan without errors and applies it in one
transaction. A row matches an entry of the directory by its name (a person: by name and
organisation); an empty cell leaves what the directory holds.
"""

import functools
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .exports import organization_columns, person_columns
from .models import Organization, Person
from .search import fold

MAX_ROWS = 5000
ORGANIZATION_FIELDS = (
    "name",
    "short_name",
    "abbreviation",
    "kind",
    "parent",
    "address",
    "phone",
    "email",
    "head",
    "is_active",
)
PERSON_FIELDS = (
    "full_name",
    "position",
    "organization",
    "gender",
    "birth_year",
    "ethnicity",
    "email",
    "phone",
    "is_active",
)


@dataclass
class PlannedRow:
    number: int
    values: dict
    action: str = ""  # "create" or "update"
    errors: list = field(default_factory=list)
    instance: object = None
    notes: list = field(default_factory=list)  # what will not be done, without stopping the import
    head: object = None


@dataclass
class Plan:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # about the sheet as a whole

    @property
    def is_valid(self):
        return bool(self.rows) and not self.errors and not any(row.errors for row in self.rows)

    def counts(self):
        return {
            "create": sum(row.action == "create" and not row.errors for row in self.rows),
            "update": sum(row.action == "update" and not row.errors for row in self.rows),
            "errors": sum(bool(row.errors) for row in self.rows),
        }


def _headings(columns_of, names):
    """Folded heading → field name, for the headings of every language the export is made in."""
    found = {}
    for language in ("vi", "en"):
        with translation.override(language):
            for column, name in zip(columns_of(), names, strict=True):
                found.setdefault(fold(column.heading).strip(), name)
    return found


def _records(rows, columns_of, names, plan):
    """(sheet row number, {field: text}) per row that is not empty; the headings must name the first column."""
    headings = _headings(columns_of, names)
    header = [headings.get(fold(cell).strip()) for cell in (rows[0] if rows else [])]
    if names[0] not in header:
        with translation.override("vi"):
            expected = ", ".join(column.heading for column in columns_of())
        plan.errors.append(_("The first row must hold the headings: %(columns)s.") % {"columns": expected})
        return []
    if len(rows) - 1 > MAX_ROWS:
        plan.errors.append(
            _("The sheet has %(count)s rows; at most %(max)s.") % {"count": len(rows) - 1, "max": MAX_ROWS}
        )
        return []
    records = []
    for number, row in enumerate(rows[1:], start=2):
        values = {name: str(row[index]).strip() for index, name in enumerate(header) if name and index < len(row)}
        if any(values.values()):
            records.append((number, values))
    return records


def _choice(text, choices):
    """The value of a choice named by its value or its label in any language; None if none is."""
    return _choice_names(tuple(choices)).get(fold(text).strip())


@functools.cache
def _choice_names(choices):
    names = {}
    for language in ("vi", "en"):
        with translation.override(language):
            for value, label in choices:
                names.setdefault(fold(value), value)
                names.setdefault(fold(str(label)).strip(), value)
    return names


def _active(text):
    wanted = fold(text).strip()
    if not wanted:
        return True
    yes = {fold(_("Yes")), "yes", "co", "x", "1", "true"}
    no = {fold(_("No")), "no", "khong", "0", "false"}
    if wanted in yes:
        return True
    if wanted in no:
        return False
    return None


def _repeated(name, row):
    return _("“%(name)s” is already on row %(row)s.") % {"name": name, "row": row}


def _too_long(text, limit):
    return _("“%(text)s” is longer than %(limit)s characters.") % {"text": text, "limit": limit}


def _email(text, errors):
    if text:
        try:
            validate_email(text)
        except ValidationError:
            errors.append(_("“%(email)s” is not an e-mail address.") % {"email": text})


# Organisations ------------------------------------------------------------------------------------------


def plan_organizations(rows):
    """What importing these rows (from read_upload) would do to the directory's organisations."""
    plan = Plan()
    records = _records(rows, organization_columns, ORGANIZATION_FIELDS, plan)
    existing = _by_name(Organization.objects.select_related("parent"))
    in_sheet = {}
    for number, values in records:
        row = PlannedRow(number, values)
        key = fold(values.get("name", "")).strip()
        if not key:
            row.errors.append(_("the name is empty."))
        elif key in in_sheet:
            row.errors.append(
                _("“%(name)s” is already on row %(row)s.") % {"name": values["name"], "row": in_sheet[key]}
            )
        else:
            in_sheet[key] = number
            _check_organization(row, existing)
        plan.rows.append(row)
    _check_parents(plan.rows, existing, in_sheet)
    _find_heads(plan.rows)
    return plan


def _find_heads(rows):
    """The head named by a row, among the people of that organisation; a note when not found."""
    named = [row for row in rows if row.values.get("head") and not row.errors]
    units = [row.instance.pk for row in named if row.instance]
    people = _by_name(
        Person.objects.filter(organization__in=units), key=lambda p: (fold(p.full_name).strip(), p.organization_id)
    )
    for row in named:
        unit = row.instance.pk if row.instance else None
        found = people.get((fold(row.values["head"]).strip(), unit), [])
        if found:
            row.head = found[0]
        else:
            note = _("“%(name)s” is not among its people: import the people, then choose the head.")
            row.notes.append(note % {"name": row.values["head"]})


def _by_name(queryset, key=lambda obj: fold(obj.name).strip()):
    found = {}
    for obj in queryset:
        found.setdefault(key(obj), []).append(obj)
    return found


def _check_organization(row, existing):
    values = row.values
    matches = existing.get(fold(values["name"]).strip(), [])
    if len(matches) > 1:
        row.errors.append(_("the directory holds %(count)s organisations of this name.") % {"count": len(matches)})
    row.instance = matches[0] if matches else None
    row.action = "update" if row.instance else "create"
    if values.get("kind") and _choice(values["kind"], Organization.Kind.choices) is None:
        row.errors.append(_("“%(kind)s” is not a kind of organisation.") % {"kind": values["kind"]})
    if _active(values.get("is_active", "")) is None:
        row.errors.append(_("write “Có” or “Không” under “%(column)s”.") % {"column": _("Active")})
    _email(values.get("email"), row.errors)
    for name, limit in (("name", 255), ("short_name", 120), ("abbreviation", 30), ("address", 255), ("phone", 40)):
        if len(values.get(name, "")) > limit:
            row.errors.append(
                _("“%(text)s” is longer than %(limit)s characters.") % {"text": values[name], "limit": limit}
            )


def _check_parents(rows, existing, in_sheet):
    """Each parent is in the sheet or the directory, and no organisation ends up under itself."""
    parent_of = {key: [obj.parent.name if obj.parent_id else ""] for key, (obj, *rest) in existing.items()}
    for row in rows:
        if row.errors and not row.values.get("name"):
            continue
        parent = row.values.get("parent", "")
        parent_key = fold(parent).strip()
        if parent and parent_key not in in_sheet and len(existing.get(parent_key, [])) != 1:
            row.errors.append(_("the parent organisation “%(name)s” is not in the directory.") % {"name": parent})
        if "parent" in row.values:
            parent_of[fold(row.values["name"]).strip()] = [parent]
    for row in rows:
        if not row.errors and _under_itself(fold(row.values["name"]).strip(), parent_of):
            row.errors.append(_("an organisation cannot be placed under itself or one of its own units."))


def _under_itself(key, parent_of):
    seen, current = {key}, key
    for _step in range(len(parent_of) + 1):
        current = fold((parent_of.get(current) or [""])[0]).strip()
        if not current:
            return False
        if current in seen:
            return True
        seen.add(current)
    return True


@transaction.atomic
def import_organizations(plan):
    """Add and update the planned organisations, then place each under its parent; returns the counts."""
    if not plan.is_valid:
        raise ValueError("only a plan without errors is imported")
    saved = {}
    for row in plan.rows:
        organization = row.instance or Organization(name=row.values["name"])
        _set_organization_fields(organization, row.values)
        if row.head is not None:
            organization.head = row.head
        organization.save()
        saved[fold(organization.name).strip()] = organization
    names = _by_name(Organization.objects.all())
    for row in plan.rows:
        if "parent" not in row.values:
            continue
        organization, parent_key = saved[fold(row.values["name"]).strip()], fold(row.values["parent"]).strip()
        parent = saved.get(parent_key) or (names.get(parent_key) or [None])[0]
        if organization.parent_id != (parent.pk if parent else None):
            organization.parent = parent
            organization.save(update_fields=["parent"])
    return plan.counts()


def _set_organization_fields(organization, values):
    for name in ("name", "short_name", "abbreviation", "address", "phone", "email"):
        if values.get(name):
            setattr(organization, name, values[name])
    if values.get("kind"):
        organization.kind = _choice(values["kind"], Organization.Kind.choices)
    if values.get("is_active"):
        organization.is_active = _active(values["is_active"])


# People -------------------------------------------------------------------------------------------------


def plan_people(rows):
    """What importing these rows would do to the directory's people; their organisations must be in it."""
    plan = Plan()
    records = _records(rows, person_columns, PERSON_FIELDS, plan)
    organizations = _by_name(Organization.objects.all())
    people = _by_name(Person.objects.all(), key=lambda person: (fold(person.full_name).strip(), person.organization_id))
    in_sheet = {}
    for number, values in records:
        row = PlannedRow(number, values)
        _check_person(row, organizations, people, in_sheet)
        plan.rows.append(row)
    return plan


def _check_person(row, organizations, people, in_sheet):
    values, errors = row.values, row.errors
    name = values.get("full_name", "")
    unit = values.get("organization", "")
    matches = organizations.get(fold(unit).strip(), []) if unit else []
    if not name:
        errors.append(_("the name is empty."))
    if unit and len(matches) != 1:
        errors.append(_("the organisation “%(name)s” is not in the directory.") % {"name": unit})
    organization = matches[0] if len(matches) == 1 else None
    key = (fold(name).strip(), organization.pk if organization else None)
    if name and key in in_sheet:
        errors.append(_repeated(name, in_sheet[key]))
    in_sheet.setdefault(key, row.number)
    existing = people.get(key, [])
    row.instance = existing[0] if existing else None
    row.action = "update" if row.instance else "create"
    row.organization = organization
    if values.get("gender") and _choice(values["gender"], Person.Gender.choices) is None:
        errors.append(_("“%(gender)s” is not a gender.") % {"gender": values["gender"]})
    birth_year = values.get("birth_year", "")
    if birth_year and not (birth_year.isdigit() and 1900 <= int(birth_year) <= 2100):
        errors.append(_("“%(year)s” is not a year.") % {"year": birth_year})
    if _active(values.get("is_active", "")) is None:
        errors.append(_("write “Có” or “Không” under “%(column)s”.") % {"column": _("Active")})
    _email(values.get("email"), errors)
    for field_name, limit in (("full_name", 150), ("position", 255), ("ethnicity", 60), ("phone", 40)):
        if len(values.get(field_name, "")) > limit:
            errors.append(
                _("“%(text)s” is longer than %(limit)s characters.") % {"text": values[field_name], "limit": limit}
            )


@transaction.atomic
def import_people(plan):
    """Add and update the planned people; returns the counts."""
    if not plan.is_valid:
        raise ValueError("only a plan without errors is imported")
    for row in plan.rows:
        person = row.instance or Person(full_name=row.values["full_name"], organization=row.organization)
        values = row.values
        for name in ("position", "ethnicity", "email", "phone"):
            if values.get(name):
                setattr(person, name, values[name])
        if values.get("gender"):
            person.gender = _choice(values["gender"], Person.Gender.choices)
        if values.get("birth_year"):
            person.birth_year = int(values["birth_year"])
        if values.get("is_active"):
            person.is_active = _active(values["is_active"])
        person.save()
    return plan.counts()
