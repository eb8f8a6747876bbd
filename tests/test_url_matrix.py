"""The URL × role matrix, generated from the URL conf.

Every URL pattern is filled with ids from two congresses (A and B, built by the factories) and
requested by: anonymous, a stranger without any role, each role of congress A, and the
secretariat of congress B. Expectations, by URL name (namespace:name) in EXPECTATIONS:

- never a server error;
- anonymous: the login page (but for public and token pages);
- a congress's pages: 404 for the stranger and for congress B's secretariat, and 404 for congress
  A's secretariat when the URL names congress A but an object of congress B;
- a page that changes something: 403 or 404 for every role of congress A not among its writers,
  on GET and on POST.

A URL pattern without an entry in EXPECTATIONS fails the test: a new page is covered from its first day.
"""

import datetime
import hashlib
from collections import Counter
from typing import NamedTuple

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from congress.models import CongressRole
from tests.conftest import STANDING_OFFICE_PERMS, user_with_role
from tests.factories import (
    PDF,
    BoardMemberFactory,
    ConclusionFactory,
    CongressSessionFactory,
    MeetingFactory,
    OrganizingBoardFactory,
    SubcommitteeFactory,
    SubcommitteeMemberFactory,
    TaskFactory,
    TaskPartyFactory,
    UserFactory,
)

Role = CongressRole.Role
SECRETARIAT, BOARD, SUBCOMMITTEE_HEAD, FOCAL_POINT, COUNCIL, VIEWER = (
    Role.SECRETARIAT,
    Role.BOARD_MEMBER,
    Role.SUBCOMMITTEE_HEAD,
    Role.FOCAL_POINT,
    Role.COUNCIL_MEMBER,
    Role.VIEWER,
)
A_ROLES = [SECRETARIAT, BOARD, SUBCOMMITTEE_HEAD, FOCAL_POINT, COUNCIL, VIEWER]

CONGRESS = "congress"  # an object of one congress: others get 404
SIGNED_IN = "signed in"  # any signed-in user; what it lists is scoped to the user
PUBLIC = "public"  # also for anonymous visitors (login, password reset, language)
TOKEN = "token"  # opened by a secret token in the URL (calendar feeds)


class Expect(NamedTuple):
    scope: str
    # None: a page that only reads. Otherwise the roles of congress A that may change through it
    # (STANDING_OFFICE: congress A's secretariat, who also holds the standing office's rights).
    writers: frozenset | None = None
    # True: a page every role reads, whose form only the writers may post.
    readable: bool = False


def read(scope=CONGRESS):
    return Expect(scope)


def write(*roles, scope=CONGRESS, readable=False):
    return Expect(scope, frozenset(roles), readable)


STANDING_OFFICE = SECRETARIAT
EXPECTATIONS = {
    # congress
    "congress:list": read(SIGNED_IN),
    "congress:export": read(SIGNED_IN),
    "congress:create": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:detail": read(),
    "congress:edit": write(SECRETARIAT),
    "congress:sessions": read(),
    "congress:session_create": write(SECRETARIAT),
    "congress:session_edit": write(SECRETARIAT),
    "congress:session_delete": write(SECRETARIAT),
    "congress:board": read(),
    "congress:board_edit": write(SECRETARIAT),
    "congress:board_member_create": write(SECRETARIAT),
    "congress:board_member_edit": write(SECRETARIAT),
    "congress:board_member_delete": write(SECRETARIAT),
    "congress:subcommittees": read(),
    "congress:subcommittee_create": write(SECRETARIAT),
    "congress:subcommittee_detail": read(),
    "congress:subcommittee_edit": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "congress:subcommittee_delete": write(SECRETARIAT),
    "congress:subcommittee_member_create": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "congress:subcommittee_member_edit": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "congress:subcommittee_member_delete": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "congress:roles": read(),
    "congress:role_create": write(SECRETARIAT),
    "congress:role_delete": write(SECRETARIAT),
    "congress:organization_list": read(SIGNED_IN),
    "congress:organization_export": read(SIGNED_IN),
    "congress:organization_import": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:organization_import_template": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:organization_create": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:organization_detail": read(SIGNED_IN),
    "congress:organization_edit": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:organization_heads": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:organization_set_active": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_list": read(SIGNED_IN),
    "congress:person_export": read(SIGNED_IN),
    "congress:person_import": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_import_template": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_create": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_detail": read(SIGNED_IN),
    "congress:person_edit": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_account": write(STANDING_OFFICE, scope=SIGNED_IN),
    "congress:person_set_active": write(STANDING_OFFICE, scope=SIGNED_IN),
    # planning
    "planning:my_work": read(SIGNED_IN),
    "planning:task_bulk": write(SECRETARIAT, SUBCOMMITTEE_HEAD, scope=SIGNED_IN),
    "planning:my_work_export": read(SIGNED_IN),
    "planning:schedule": read(),
    "planning:schedule_export": read(),
    "planning:party_options": read(),
    "planning:dashboard": read(),
    "planning:timeline": read(),
    "planning:deadline_month": read(),
    "planning:congress_clone": write(STANDING_OFFICE),
    "planning:dashboard_export": read(),
    "planning:task_create": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "planning:task_import": write(SECRETARIAT),
    "planning:task_import_template": write(SECRETARIAT),
    "planning:task_detail": read(),
    "planning:task_edit": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "planning:task_delete": write(SECRETARIAT, SUBCOMMITTEE_HEAD),
    "planning:task_progress": write(SECRETARIAT, SUBCOMMITTEE_HEAD, FOCAL_POINT),
    "planning:attachment": read(),
    "planning:meeting_list": read(),
    "planning:meeting_export": read(),
    "planning:meeting_create": write(SECRETARIAT),
    "planning:meeting_detail": read(),
    "planning:meeting_edit": write(SECRETARIAT),
    "planning:meeting_delete": write(SECRETARIAT),
    "planning:conclusion_create": write(SECRETARIAT),
    "planning:conclusion_edit": write(SECRETARIAT),
    "planning:conclusion_delete": write(SECRETARIAT),
    "planning:conclusion_task": write(SECRETARIAT),
    "planning:lower_levels": read(),
    "planning:lower_level_export": read(),
    "planning:lower_level_create": write(SECRETARIAT),
    "planning:lower_level_edit": write(SECRETARIAT),
    "planning:lower_level_delete": write(SECRETARIAT),
    "congress:documents": read(),
    "congress:document": read(),
    "congress:document_preview": read(),
    "congress:document_edit": write(SECRETARIAT),
    "congress:document_text": write(SECRETARIAT),
    "congress:document_issue": write(SECRETARIAT),
    "congress:document_file": read(),
    "congress:document_version_file": read(),
    "congress:document_signed_scan": write(SECRETARIAT),
    "congress:document_job": read(),
    "congress:document_job_file": read(),
    "planning:calendar": read(SIGNED_IN),
    "planning:calendar_feed": read(TOKEN),
    "reminders:reminder_policy": write(SECRETARIAT, readable=True),
    "planning:task_reminders": read(),
    "reminders:reminder_preferences": read(SIGNED_IN),
    "reminders:outbox": read(SIGNED_IN),
    "reminders:outbox_detail": read(),
    "reminders:outbox_html": read(),
    "reminders:outbox_action": write(SECRETARIAT),
    "reminders:outbox_export": read(SIGNED_IN),
    # awards
    "awards:catalogue": read(SIGNED_IN),
    "awards:awardtype_create": write(scope=SIGNED_IN),
    "awards:awardtype_detail": read(SIGNED_IN),
    "awards:awardtype_edit": write(scope=SIGNED_IN),
    "awards:home": read(),
    "awards:round_create": write(SECRETARIAT),
    "awards:round_edit": write(SECRETARIAT),
    "awards:nomination_create": write(SECRETARIAT, FOCAL_POINT),
    "awards:session_create": write(SECRETARIAT),
    "awards:nomination_list": read(),
    "awards:nomination_export": read(),
    "awards:nomination_detail": read(),
    "awards:nomination_edit": write(SECRETARIAT, FOCAL_POINT),
    "awards:file_upload": write(SECRETARIAT, FOCAL_POINT),
    "awards:action": write(SECRETARIAT, FOCAL_POINT),
    "awards:file_download": read(),
    "awards:file_delete": write(SECRETARIAT, FOCAL_POINT),
    "awards:council": write(SECRETARIAT, readable=True),
    "awards:council_member_delete": write(SECRETARIAT),
    "awards:session_detail": read(),
    "awards:session_attendance": write(SECRETARIAT),
    "awards:session_add": write(SECRETARIAT),
    "awards:ballot_edit": write(SECRETARIAT),
    "awards:session_close": write(SECRETARIAT),
    "awards:history": read(),
    "awards:history_import": write(SECRETARIAT),
    "awards:history_import_template": write(SECRETARIAT),
    "awards:history_export": read(),
    # delegates
    "delegates:home": read(),
    "delegates:setup": write(SECRETARIAT),
    "delegates:list": read(),
    "delegates:composition": read(),
    "delegates:history": write(SECRETARIAT),
    "delegates:guest_create": write(SECRETARIAT),
    "delegates:unit": read(),
    "delegates:delegate_create": write(SECRETARIAT, FOCAL_POINT),
    "delegates:unit_submit": write(SECRETARIAT, FOCAL_POINT),
    "delegates:unit_return": write(SECRETARIAT),
    "delegates:unit_accept": write(SECRETARIAT),
    "delegates:delegate_edit": write(SECRETARIAT, FOCAL_POINT),
    "delegates:delegate_delete": write(SECRETARIAT, FOCAL_POINT),
    "delegates:delegate_photo": read(),
    "delegates:programme": read(),
    "delegates:programme_edit": write(SECRETARIAT),
    "delegates:panels_edit": write(SECRETARIAT),
    "delegates:check_in": write(SECRETARIAT),
    "delegates:badges": write(SECRETARIAT),
    "delegates:invitations": write(SECRETARIAT),
    "delegates:invitations_send": write(SECRETARIAT),
    "delegates:presentation_edit": write(SECRETARIAT),
    "delegates:presentation_remove": write(SECRETARIAT),
    "delegates:presentation_record_file": write(SECRETARIAT),
    "delegates:presentation_draft": write(SECRETARIAT, FOCAL_POINT),
    "delegates:presentation_file": write(SECRETARIAT, FOCAL_POINT),
    "delegates:points_edit": write(SECRETARIAT),
    "delegates:seating": read(),
    # clusters
    "clusters:list": read(SIGNED_IN),
    "clusters:create": write(STANDING_OFFICE, scope=SIGNED_IN),
    "clusters:detail": read(),
    "clusters:edit": write(SECRETARIAT),
    "clusters:year_create": write(SECRETARIAT),
    "clusters:year": read(),
    "clusters:year_edit": write(SECRETARIAT),
    "clusters:criteria": read(),
    "clusters:criteria_copy": write(SECRETARIAT),
    "clusters:group_create": write(SECRETARIAT),
    "clusters:group_edit": write(SECRETARIAT),
    "clusters:group_delete": write(SECRETARIAT),
    "clusters:scores": write(FOCAL_POINT, readable=True),
    "clusters:evidence": read(),
    "clusters:review": read(),
    "clusters:adjust": write(SECRETARIAT),
    "clusters:propose": write(),  # members of another member, when the year's rules say so
    "clusters:agree": write(SECRETARIAT),
    "clusters:ranking": read(),
    "clusters:exclusion_create": write(SECRETARIAT),
    "clusters:exclusion_delete": write(SECRETARIAT),
    "clusters:proposals": write(SECRETARIAT),
    "clusters:election": read(),
    "clusters:vote": write(SECRETARIAT, FOCAL_POINT),
    "clusters:election_record": write(SECRETARIAT),
    # accounts and language
    "login": read(PUBLIC),
    "logout": read(PUBLIC),
    "password_reset": read(PUBLIC),
    "password_reset_done": read(PUBLIC),
    "password_reset_confirm": read(PUBLIC),
    "password_reset_complete": read(PUBLIC),
    "password_change": read(SIGNED_IN),
    "password_change_done": read(SIGNED_IN),
    "set_language": read(PUBLIC),
    "home": read(PUBLIC),  # a redirect to the congress list
}


def url_patterns(patterns=None, prefix="", namespace=None):
    """(name, route, URLPattern) for every pattern but the Django admin's (staff only, tested by Django)."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or "home"
            yield (f"{namespace}:{name}" if namespace else name), prefix + str(pattern.pattern), pattern


def build_congress(*, standing_office=False):
    """A congress with one of everything a URL can name, and a user for each of its roles.

    standing_office: its secretariat also keeps the directory and may found congresses."""
    from awards.models import AwardType, CouncilSession, RequiredDocument
    from delegates.models import Delegate, UnitQuota
    from documents.layer import get_kind, record_for
    from documents.models import IssuedVersion, RenderJob
    from documents.services import save_record
    from planning.models import Attachment, LowerLevelCongress, ProgressUpdate
    from reminders.models import OutboxMail
    from tests.awards.factories import (
        CouncilMemberFactory,
        NominationFactory,
        NominationFileFactory,
        NominationRoundFactory,
    )

    congress = OrganizingBoardFactory().congress
    host = congress.host
    subcommittee = SubcommitteeFactory(congress=congress)
    scope = {SUBCOMMITTEE_HEAD: {"subcommittee": subcommittee}, FOCAL_POINT: {"organization": host}}
    users = {role: user_with_role(congress, role, **scope.get(role, {})) for role in A_ROLES}
    if standing_office:
        users[SECRETARIAT].user_permissions.add(*Permission.objects.filter(codename__in=STANDING_OFFICE_PERMS))
    task = TaskFactory(congress=congress)
    TaskPartyFactory(task=task, organization=host, subcommittee=subcommittee)
    update = ProgressUpdate.objects.create(task=task, author=users[SECRETARIAT], text="Đã gửi")
    attachment = Attachment.objects.create(
        update=update,
        file=ContentFile(PDF, "bao-cao.pdf"),
        name="bao-cao.pdf",
        size=len(PDF),
        content_type="application/pdf",
    )
    meeting = MeetingFactory(congress=congress)
    award_type = AwardType.objects.get(code="cstd_tinh")
    nomination_round = NominationRoundFactory(congress=congress)
    nomination = NominationFactory(round=nomination_round, proposing_organization=host)
    council_session = CouncilSession.objects.create(round=nomination_round, held_at=timezone.now())
    record = save_record(record_for(get_kind("schedule"), congress), by=None)
    issued = IssuedVersion.objects.create(
        document=record,
        version=1,
        series=record.series,
        year=2020,
        number=1,
        number_text="01/CTr-BTC",
        issued_on=datetime.date(2020, 7, 17),
        pdf=ContentFile(PDF, "ctr.pdf"),
        pdf_sha256=hashlib.sha256(PDF).hexdigest(),
        docx=ContentFile(b"PK", "ctr.docx"),
        docx_sha256=hashlib.sha256(b"PK").hexdigest(),
        page_count=1,
    )
    mail = OutboxMail.objects.create(
        person=users[BOARD].person,
        to="a@example.org",
        subject="Nhắc việc",
        digest_date=datetime.date(2020, 7, 1),
        not_after=timezone.now(),
    )
    mail.congresses.add(congress)
    quota = UnitQuota.objects.create(congress=congress, organization=host, seats=3)
    delegate = Delegate.objects.create(
        congress=congress, quota=quota, full_name="Nguyễn Thị Lan", gender="female", birth_year=1990
    )
    from delegates.models import AgendaItem, Presentation

    session = CongressSessionFactory(congress=congress)
    agenda_item = AgendaItem.objects.create(session=session, title="Tham luận", organization=host)
    presentation = Presentation.objects.create(item=agenda_item, organization=host)
    ids = {
        "pk": congress.pk,
        "quota_pk": quota.pk,
        "delegate_pk": delegate.pk,
        "session_pk": session.pk,
        "agenda_item_pk": agenda_item.pk,
        "presentation_pk": presentation.pk,
        "board_member_pk": BoardMemberFactory(board=congress.board).pk,
        "sub_pk": subcommittee.pk,
        "subcommittee_member_pk": SubcommitteeMemberFactory(subcommittee=subcommittee).pk,
        "role_pk": CongressRole.objects.filter(congress=congress, role=VIEWER).get().pk,
        "task_pk": task.pk,
        "attachment_pk": attachment.pk,
        "meeting_pk": meeting.pk,
        "conclusion_pk": ConclusionFactory(meeting=meeting).pk,
        "item_pk": LowerLevelCongress.objects.create(
            congress=congress, organization=host, due_date=datetime.date(2020, 3, 31)
        ).pk,
        "kind": "schedule",
        "owner_pk": congress.pk,
        "version": issued.version,
        "fmt": "pdf",
        "job_pk": RenderJob.objects.create(document=record, format="pdf").pk,
        "round_pk": nomination_round.pk,
        "nomination_pk": nomination.pk,
        "requirement_pk": RequiredDocument.objects.filter(award_type=award_type).first().pk,
        "file_pk": NominationFileFactory(nomination=nomination).pk,
        "council_member_pk": CouncilMemberFactory(congress=congress, person=users[COUNCIL].person).pk,
        "council_session_pk": council_session.pk,
        "action": "submit",
        "mail_pk": mail.pk,
        "mail_action": "withhold",
        **cluster_ids(congress, users),
    }
    return ids, users


def cluster_ids(congress, users):
    """A cluster whose year is reviewed at this congress; the host is a member, its focal point A's."""
    from clusters.models import (
        Cluster,
        ClusterMember,
        ClusterYear,
        CriteriaGroup,
        Criterion,
        Evidence,
        Exclusion,
        Score,
    )
    from tests.factories import OrganizationFactory

    cluster = Cluster.objects.create(name=f"Cụm thi đua {congress.pk}", founding_body="UBND tỉnh")
    member = ClusterMember.objects.create(cluster=cluster, organization=congress.host, rotation_order=1)
    other = ClusterMember.objects.create(cluster=cluster, organization=OrganizationFactory(), rotation_order=2)
    cluster_year = ClusterYear.objects.create(
        cluster=cluster,
        year=congress.year,
        conference=congress,
        conference_date=datetime.date(2020, 12, 20),
        scoring_deadline=datetime.date(2020, 12, 1),
        leader=member,
        deputy=other,
    )
    group = CriteriaGroup.objects.create(year=cluster_year, order=1, name="Nhóm 1")
    criterion = Criterion.objects.create(group=group, order=1, name="Tiêu chí 1", max_points=10)
    score = Score.objects.create(criterion=criterion, member=member, self_points=8)
    evidence = Evidence.objects.create(
        score=score,
        file=ContentFile(PDF, "minh-chung.pdf"),
        name="minh-chung.pdf",
        size=len(PDF),
        content_type="application/pdf",
    )
    return {
        "cluster_pk": cluster.pk,
        "group_pk": group.pk,
        "cluster_member_pk": member.pk,
        "score_pk": score.pk,
        "evidence_pk": evidence.pk,
        "exclusion_pk": Exclusion.objects.create(year=cluster_year, member=other, reason="Không gửi báo cáo").pk,
    }


def global_ids(world):
    from planning.models import CalendarFeed

    person = world["A"][1][BOARD].person
    return {
        "organization_pk": person.organization_id,
        "person_pk": person.pk,
        "awardtype_pk": world["catalogue_pk"],
        "token": CalendarFeed.objects.create(person=person).token,
        "active": 0,
        "uidb64": "MQ",
        "reset_token": "set-password",
    }


def kwargs_for(name, route, pattern, ids, shared):
    """The URL's arguments: its congress's ids, named by what the route's segment stands for."""
    names = list(pattern.pattern.converters)
    values = {}
    for arg in names:
        if arg == "pk" and name.startswith("congress:") and ("organization" in name or "person" in name):
            values[arg] = shared["organization_pk" if "organization" in name else "person_pk"]
        elif arg == "pk":
            values[arg] = ids["pk"]
        elif arg == "member_pk":
            key = (
                "council_member_pk"
                if name.startswith("awards:")
                else "subcommittee_member_pk"
                if "subcommittee" in name
                else "board_member_pk"
            )
            values[arg] = ids[key]
        elif arg == "session_pk":
            values[arg] = ids["council_session_pk" if name.startswith("awards:") else "session_pk"]
        elif arg == "item_pk" and name.startswith("delegates:"):
            values[arg] = ids["agenda_item_pk"]
        elif arg == "action":
            values[arg] = ids["mail_action" if name.startswith("planning:") else "action"]
        elif arg == "token":
            values[arg] = shared["token" if name.startswith("planning:") else "reset_token"]
        elif arg in shared:
            values[arg] = shared[arg]
        else:
            values[arg] = ids[arg]
    return values


def reverse_url(name, route, pattern, ids, shared):
    from django.urls import reverse

    if pattern.name is None:
        return "/" + route  # the unnamed root redirect takes no argument
    return reverse(name, kwargs=kwargs_for(name, route, pattern, ids, shared))


def child_args(pattern):
    return [arg for arg in pattern.pattern.converters if arg not in {"pk", "kind", "fmt", "action", "active"}]


@pytest.fixture
def world(db, settings):
    from awards.models import AwardType

    settings.AXES_ENABLED = False
    world = {
        "A": build_congress(standing_office=True),
        "B": build_congress(),
        "catalogue_pk": AwardType.objects.first().pk,
    }
    world["stranger"] = UserFactory(username="nguoi-ngoai")
    return world


def test_every_url_pattern_has_an_expectation():
    missing = sorted(name for name, _route, _pattern in url_patterns() if name not in EXPECTATIONS)
    stale = sorted(set(EXPECTATIONS) - {name for name, _route, _pattern in url_patterns()})

    assert (missing, stale) == ([], [])


def test_the_url_role_matrix(client, world, capsys):
    shared = global_ids(world)
    (a_ids, a_users), (b_ids, b_users) = world["A"], world["B"]
    requesters = [("anonymous", None), ("stranger", world["stranger"]), ("B secretariat", b_users[SECRETARIAT])]
    requesters += [(f"A {role}", a_users[role]) for role in A_ROLES]
    totals, failures = Counter(), []

    def request(user, method, url):
        client.logout()
        if user is not None:
            client.force_login(user)
        response = getattr(client, method)(url)
        totals["requests"] += 1
        return response

    for name, route, pattern in url_patterns():
        expect = EXPECTATIONS.get(name)
        if expect is None:
            continue  # test_every_url_pattern_has_an_expectation names it
        url = reverse_url(name, route, pattern, a_ids, shared)
        totals["urls"] += 1
        for label, user in requesters:
            methods = ["get", "post"] if expect.writers is not None else ["get"]
            for method in methods:
                response = request(user, method, url)
                problem = judge(expect, label, method, response)
                if problem:
                    totals[problem] += 1
                    failures.append(f"{problem}: {label} {method.upper()} {url} ({name}) → {response.status_code}")
        if expect.scope == CONGRESS and child_args(pattern):
            mixed = reverse_url(
                name, route, pattern, {**b_ids, "pk": a_ids["pk"], "owner_pk": b_ids["owner_pk"]}, shared
            )
            method = "get" if expect.writers is None else "post"
            response = request(a_users[SECRETARIAT], method, mixed)
            if response.status_code != 404:
                totals["leak"] += 1
                failures.append(f"leak: A secretariat {method} {mixed} ({name}, B's object) → {response.status_code}")

    with capsys.disabled():
        print(
            f"\nURL × role matrix: {totals['urls']} URLs × {len(requesters)} requesters, "
            f"{totals['requests']} requests; "
            f"{totals['leak']} leaks, {totals['write by read-only role']} writes by read-only roles, "
            f"{totals['server error']} server errors, {totals['not sent to login']} anonymous not sent to login"
        )
    assert failures == [], "\n".join(failures)
    assert totals["urls"] == len(list(url_patterns()))


def judge(expect, label, method, response):
    """What is wrong with this answer, or None."""
    status = response.status_code
    if status >= 500:
        return "server error"
    if expect.scope in (PUBLIC, TOKEN):
        return None
    if label == "anonymous":
        redirected_to_login = status == 302 and response.url.startswith("/accounts/login/")
        return None if redirected_to_login else "not sent to login"
    if expect.scope == CONGRESS and label in ("stranger", "B secretariat"):
        return None if status == 404 else "leak"
    if expect.readable and method == "get":
        return None
    if expect.writers is not None and label.startswith("A "):
        role = label.removeprefix("A ")
        if role not in expect.writers and status not in (403, 404, 405):
            return "write by read-only role"
    if expect.writers is not None and expect.scope == SIGNED_IN and label in ("stranger", "B secretariat"):
        return None if status in (403, 404, 405) else "write by read-only role"
    return None
