"""The units whose congresses or conferences come before the provincial demo congress.

As seed 000 has it: at its first meeting (06/7/2020) the board reviewed the congresses already
held by Hội Nông dân tỉnh and Huyện Ninh Hải (held, on a day the seed does not give); Sở Văn
hóa, Thể thao và Du lịch holds the pilot congress before 11/7/2020; every other agency, unit
and locality before 15/7/2020 (task 7). The trade union's advanced-models conference of seed
003 is in the app, so its entry links to it. The city and districts of the demo directory stand
for the localities. Each row is looked up by (congress, unit), so loading twice changes nothing.
"""

from congress.models import Congress, Organization
from planning.deadlines import parse_deadline
from planning.models import LowerLevelCongress

PROVINCE = "Ủy ban nhân dân tỉnh Ninh Thuận"
UNION_CONFERENCE = (
    "Hội nghị điển hình tiên tiến trong công nhân, viên chức, lao động tỉnh Ninh Thuận lần thứ VII - năm 2020"
)
PILOT_DEADLINE = "Trước ngày 11/7/2020"
UNITS_DEADLINE = "Trước ngày 15/7/2020"
REVIEWED = "Ban Tổ chức đánh giá, rút kinh nghiệm tại phiên họp thứ nhất (ngày 06/7/2020)."

CONGRESS = Congress.Kind.CONGRESS
CONFERENCE = Congress.Kind.ADVANCED_MODELS

# (organisation name, kind, deadline phrase, held, notes); the districts and the city follow.
UNITS = [
    ("Hội Nông dân tỉnh", CONGRESS, UNITS_DEADLINE, True, REVIEWED),
    ("Ủy ban nhân dân huyện Ninh Hải", CONGRESS, UNITS_DEADLINE, True, REVIEWED),
    ("Sở Văn hóa, Thể thao và Du lịch", CONGRESS, PILOT_DEADLINE, False, "Đại hội điểm."),
    ("Liên đoàn Lao động tỉnh Ninh Thuận", CONFERENCE, UNITS_DEADLINE, False, ""),
]


def localities():
    """The city and districts of the directory that the list above does not name."""
    named = {name for name, *_ in UNITS}
    districts = Organization.objects.filter(kind=Organization.Kind.DISTRICT, parent__name=PROVINCE)
    return [
        (organization.name, CONGRESS, UNITS_DEADLINE, False, "")
        for organization in districts.order_by("name")
        if organization.name not in named
    ]


def load_lower_levels(congress):
    """Enter the provincial congress's lower levels; returns how many rows were new."""
    union_conference = Congress.objects.filter(name=UNION_CONFERENCE).first()
    created_count = 0
    for name, kind, phrase, held, notes in UNITS + localities():
        organization = Organization.objects.filter(name=name).first()
        if organization is None:  # renamed or removed from the directory since
            continue
        linked = union_conference if union_conference and union_conference.host_id == organization.pk else None
        _, created = LowerLevelCongress.objects.update_or_create(
            congress=congress,
            organization=organization,
            defaults={
                "kind": kind,
                "due_phrase": parse_deadline(phrase).phrase,
                "due_date": parse_deadline(phrase).last_date(None),
                "held": held,
                "lower_congress": linked,
                "notes": notes,
            },
        )
        created_count += created
    return created_count
