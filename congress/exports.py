"""The directory as Excel: organisations as a tree (each row names its parent) and people with their
positions. Contact details and personal attributes of a person go out only to a user who may read
them (congress.rules.with_personal_data), as on the page."""

from django.utils.translation import gettext as _

from documents.spreadsheets import Column, Sheet


def organization_columns():
    return [
        Column(_("Name"), 45),
        Column(_("Short name"), 25),
        Column(_("Abbreviation"), 12),
        Column(_("Kind"), 22),
        Column(_("Parent organisation"), 40),
        Column(_("Address"), 35),
        Column(_("Phone"), 16),
        Column(_("E-mail"), 28),
        Column(_("Head of the organisation"), 25),
        Column(_("Active"), 10),
    ]


def organization_rows(organizations):
    for organization in organizations:
        yield [
            organization.name,
            organization.short_name,
            organization.abbreviation,
            organization.get_kind_display(),
            organization.parent.name if organization.parent_id else "",
            organization.address,
            organization.phone,
            organization.email,
            organization.head.full_name if organization.head_id else "",
            _yes_no(organization.is_active),
        ]


def organizations_sheet(organizations):
    return Sheet(_("Organisations"), organization_columns(), organization_rows(organizations))


def person_columns():
    return [
        Column(_("Full name"), 28),
        Column(_("Position"), 35),
        Column(_("Organisation"), 40),
        Column(_("Gender"), 10),
        Column(_("Birth year"), 10),
        Column(_("Ethnicity"), 12),
        Column(_("E-mail"), 28),
        Column(_("Phone"), 16),
        Column(_("Active"), 10),
    ]


def person_rows(people):
    """`people` annotated by with_personal_data: details stay empty where the user may not read them."""
    for person in people:
        shown = person.shows_personal_data
        yield [
            person.full_name,
            person.position,
            person.organization.name if person.organization_id else "",
            person.get_gender_display() if shown else "",
            person.birth_year if shown else None,
            person.ethnicity if shown else "",
            person.email if shown else "",
            person.phone if shown else "",
            _yes_no(person.is_active),
        ]


def people_sheet(people):
    return Sheet(_("People"), person_columns(), person_rows(people))


def _yes_no(value):
    return _("Yes") if value else _("No")


def congresses_sheet(congresses):
    """The congress list as filtered (annotated with_list_data: host selected, sessions counted)."""
    columns = [
        Column(_("Name"), 60),
        Column(_("Kind"), 30),
        Column(_("Year"), 8),
        Column(_("Level"), 20),
        Column(_("Host"), 35),
        Column(_("Sessions"), 10),
        Column(_("Status"), 16),
    ]

    def rows():
        for congress in congresses:
            yield [
                congress.name,
                congress.get_kind_display(),
                congress.year,
                congress.get_level_display(),
                congress.host.name if congress.host_id else "",
                congress.session_count,
                congress.get_status_display(),
            ]

    return Sheet(_("Congresses"), columns, rows())
