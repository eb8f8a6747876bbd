"""Two people edit the same record: the first save stays, the second sees both versions and loses nothing.

Every edit page of a record that two people may edit is listed in GUARDED with the field the test
changes; every URL name that edits is either there or in NOT_GUARDED with the reason. For each,
two users load the page, the first saves, the second saves the copy they loaded: 409, the page
shows both texts, the first save is what is stored, and saving again knowingly replaces it.
"""

import re

import lxml.html
import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.test_url_matrix import build_congress, global_ids, reverse_url, url_patterns

# URL name -> the field the test changes (None: the first text area of the form).
GUARDED = {
    "congress:edit": "theme",
    "congress:session_edit": "place",
    "congress:board_edit": "founding_decision",
    "congress:board_member_edit": "duties",
    "congress:subcommittee_edit": "duties",
    "congress:subcommittee_member_edit": "duties",
    "congress:organization_edit": "address",
    "congress:person_edit": "position",
    "congress:document_edit": "subject",
    "congress:document_text": None,
    "planning:task_edit": "content",
    "planning:meeting_edit": "place",
    "planning:conclusion_edit": "text",
    "planning:lower_level_edit": "notes",
    "awards:round_edit": "notes",
    "awards:nomination_edit": "achievements",
    "awards:awardtype_edit": "criteria",
    "awards:ballot_edit": "votes_for",
    "clusters:edit": "notes",
    "clusters:year_edit": "pledge_content",
    "clusters:group_edit": "name",
    "delegates:delegate_edit": "achievements",
    # Pages of a session's rows only: the field of the first row.
    "delegates:programme_edit": "agenda-0-title",
    "delegates:panels_edit": "panels-0-order",
    "delegates:points_edit": "points-0-technical_contact",
    "reminders:reminder_policy": "days_before",
    "delegates:presentation_edit": "speaker",
}
# Fields that take a number, not text: the first and the second editor's values.
NUMBERS = {
    "awards:ballot_edit": ("3", "2"),
    "delegates:panels_edit": ("7", "4"),
    "reminders:reminder_policy": ("14, 5", "9, 2"),
}
NOT_GUARDED = {
    # One person's own settings: nobody else edits them.
    "reminders:reminder_preferences": "one person's own reminder settings",
}
EDITING = re.compile(r"(^|_|:)(edit|text|preferences|policy)$")

FIRST, SECOND = "Bản lưu trước của người thứ nhất", "Bản của người thứ hai, soạn từ bản cũ"


def test_every_edit_page_is_guarded_or_says_why_not():
    editing = {name for name, _route, _pattern in url_patterns() if EDITING.search(name)}

    assert editing - set(GUARDED) - set(NOT_GUARDED) == set()
    assert set(GUARDED) | set(NOT_GUARDED) <= editing


@pytest.fixture
def edit_world(db, settings):
    from awards.models import AwardType

    settings.AXES_ENABLED = False
    ids, users = build_congress(standing_office=True)
    world = {"A": (ids, users), "catalogue_pk": AwardType.objects.first().pk}
    return ids, global_ids(world)


def edit_form(response, field):
    """The page's edit form as a browser would post it: {name: [values]}, and the changed field's name."""
    page = lxml.html.fromstring(response.content.decode())
    for form in page.forms:
        if form.method.lower() != "post":
            continue
        names = [element.name for element in form.inputs if element.name]
        if field is None:
            areas = [element.name for element in form.inputs if element.tag == "textarea"]
            if not areas:
                continue
            field = areas[0]
        if field in names:
            values = {}
            for name, value in form.form_values():
                # A browser drops the newline Django writes after <textarea>.
                values.setdefault(name, []).append(value.removeprefix("\n"))
            return values, field
    raise AssertionError(f"no edit form with {field!r}")


def signed_in():
    client = Client()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def prepare(name, ids):
    """The matrix's world, made valid for a save where it is not."""
    from planning.models import TaskParty

    if name == "congress:document_text":
        return {**ids, "kind": "plan"}  # the schedule has no text sections; the plan has
    if name == "planning:task_edit":  # a party is an organisation or a sub-committee, not both
        TaskParty.objects.filter(task_id=ids["task_pk"]).update(subcommittee=None)
    if name == "awards:ballot_edit":  # the dossier on the session's agenda, before a quorum of five
        from awards.models import Attendance, AwardType, CouncilSession
        from tests.awards.factories import CouncilMemberFactory

        session = CouncilSession.objects.get(pk=ids["council_session_pk"])
        session.nominations.add(ids["nomination_pk"])
        AwardType.objects.filter(nominations__pk=ids["nomination_pk"]).update(secret_ballot=True)
        members = [CouncilMemberFactory(congress=session.round.congress) for _ in range(5)]
        Attendance.objects.bulk_create(Attendance(session=session, member=member, present=True) for member in members)
    if name.startswith("delegates:") and name != "delegates:delegate_edit":  # a row of each list the page edits
        from congress.models import ConnectionPoint
        from delegates.models import AgendaItem, Delegate, PanelMember, SessionParticipant

        session = ids["session_pk"]
        SessionParticipant.objects.create(session_id=session, description="Thường trực Tỉnh ủy")
        AgendaItem.objects.create(session_id=session, title="Khai mạc")
        delegate = Delegate.objects.get(pk=ids["delegate_pk"])
        PanelMember.objects.create(session_id=session, panel=PanelMember.Panel.values[0], delegate=delegate)
        ConnectionPoint.objects.create(session_id=session, name="Điểm cầu tỉnh", technical_contact="Anh Minh")
    return ids


@pytest.mark.parametrize("name", sorted(GUARDED))
def test_the_second_of_two_editors_sees_both_versions_and_the_first_save_stays(edit_world, name):
    ids, shared = edit_world
    ids = prepare(name, ids)
    route, pattern = next((route, pattern) for url_name, route, pattern in url_patterns() if url_name == name)
    url = reverse_url(name, route, pattern, ids, shared)
    first, second = signed_in(), signed_in()
    first_value, second_value = NUMBERS.get(name, (FIRST, SECOND))
    first_data, field = edit_form(first.get(url), GUARDED[name])
    second_data, _field = edit_form(second.get(url), field)

    saved = first.post(url, {**first_data, field: first_value})
    assert saved.status_code == 302, saved.content.decode()[:3000]
    response = second.post(url, {**second_data, field: second_value})

    assert response.status_code == 409
    panel = lxml.html.fromstring(response.content.decode()).find_class("app-conflict")[0].text_content()
    assert first_value in panel and second_value in panel  # their version beside the user's
    reloaded, _field = edit_form(first.get(url), field)
    assert reloaded[field] == [first_value]
    # The user's text stays in the form; saving again, knowingly, replaces their version.
    again, _field = edit_form(response, field)
    assert again[field] == [second_value]
    assert second.post(url, again).status_code == 302
    assert edit_form(first.get(url), field)[0][field] == [second_value]


@pytest.mark.parametrize(
    "name", ["congress:edit", "planning:meeting_edit", "awards:nomination_edit", "delegates:programme_edit"]
)
def test_a_save_without_a_concurrent_change_is_not_a_conflict(edit_world, name):
    ids, shared = edit_world
    ids = prepare(name, ids)
    route, pattern = next((route, pattern) for url_name, route, pattern in url_patterns() if url_name == name)
    url = reverse_url(name, route, pattern, ids, shared)
    client = signed_in()
    data, field = edit_form(client.get(url), GUARDED[name])

    assert client.post(url, {**data, field: FIRST}).status_code == 302
    data, field = edit_form(client.get(url), field)
    assert client.post(url, {**data, field: SECOND}).status_code == 302


def test_printing_a_document_meanwhile_is_not_a_conflict(edit_world):
    """Only what someone edits counts: the page count a print stores is not an edit."""
    from documents.models import Document

    ids, shared = edit_world
    name = "congress:document_edit"
    route, pattern = next((route, pattern) for url_name, route, pattern in url_patterns() if url_name == name)
    url = reverse_url(name, route, pattern, ids, shared)
    client = signed_in()
    data, field = edit_form(client.get(url), GUARDED[name])
    Document.objects.filter(kind="schedule").update(page_count=7)

    assert client.post(url, {**data, field: FIRST}).status_code == 302


def test_a_page_of_a_sessions_rows_counts_its_rows_only(edit_world):
    """Editing the session itself meanwhile is no conflict on its programme; a new row of it is."""
    from congress.models import CongressSession
    from delegates.models import AgendaItem

    ids, shared = edit_world
    name = "delegates:programme_edit"
    ids = prepare(name, ids)
    route, pattern = next((route, pattern) for url_name, route, pattern in url_patterns() if url_name == name)
    url = reverse_url(name, route, pattern, ids, shared)
    client = signed_in()
    data, field = edit_form(client.get(url), GUARDED[name])
    CongressSession.objects.filter(pk=ids["session_pk"]).update(place="Hội trường B")

    assert client.post(url, {**data, field: FIRST}).status_code == 302

    data, field = edit_form(client.get(url), field)
    AgendaItem.objects.create(session_id=ids["session_pk"], order=2, title="Bế mạc")
    response = client.post(url, {**data, field: SECOND})

    assert response.status_code == 409
    panel = lxml.html.fromstring(response.content.decode()).find_class("app-conflict")[0].text_content()
    assert "Bế mạc" in panel
    titles = set(AgendaItem.objects.filter(session_id=ids["session_pk"]).values_list("title", flat=True))
    assert FIRST in titles and SECOND not in titles


def test_a_reminder_policy_created_meanwhile_is_a_conflict(edit_world):
    """The policy exists once per congress and is created by its first save."""
    from reminders.models import ReminderPolicy

    ids, shared = edit_world
    ReminderPolicy.objects.filter(congress_id=ids["pk"]).delete()
    url = reverse("reminders:reminder_policy", args=[ids["pk"]])
    first, second = signed_in(), signed_in()
    first_data, field = edit_form(first.get(url), "days_before")
    second_data, _field = edit_form(second.get(url), field)

    assert first.post(url, {**first_data, field: "10"}).status_code == 302
    assert second.post(url, {**second_data, field: "4"}).status_code == 409
    assert ReminderPolicy.objects.get(congress_id=ids["pk"]).days_before == "10"
