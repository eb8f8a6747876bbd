"""Every congress page: strangers get 404, read-only users 403 on changes, staff get in."""

import pytest
from django.http import Http404
from django.urls import reverse

from congress.models import CongressRole
from tests.factories import (
    BoardMemberFactory,
    CongressRoleFactory,
    CongressSessionFactory,
    SubcommitteeMemberFactory,
)


@pytest.fixture
def objects(congress, subcommittee):
    return {
        "pk": congress.pk,
        "session_pk": CongressSessionFactory(congress=congress).pk,
        "member_pk": BoardMemberFactory(board=congress.board).pk,
        "sub_pk": subcommittee.pk,
        "sub_member_pk": SubcommitteeMemberFactory(subcommittee=subcommittee).pk,
        "role_pk": CongressRoleFactory(congress=congress, role=CongressRole.Role.VIEWER).pk,
    }


READ_PAGES = [
    ("congress:detail", ["pk"]),
    ("congress:sessions", ["pk"]),
    ("congress:board", ["pk"]),
    ("congress:subcommittees", ["pk"]),
    ("congress:subcommittee_detail", ["pk", "sub_pk"]),
]

MANAGE_PAGES = [
    ("congress:edit", ["pk"]),
    ("congress:session_create", ["pk"]),
    ("congress:session_edit", ["pk", "session_pk"]),
    ("congress:session_delete", ["pk", "session_pk"]),
    ("congress:board_edit", ["pk"]),
    ("congress:board_member_create", ["pk"]),
    ("congress:board_member_edit", ["pk", "member_pk"]),
    ("congress:board_member_delete", ["pk", "member_pk"]),
    ("congress:subcommittee_create", ["pk"]),
    ("congress:subcommittee_edit", ["pk", "sub_pk"]),
    ("congress:subcommittee_delete", ["pk", "sub_pk"]),
    ("congress:subcommittee_member_create", ["pk", "sub_pk"]),
    ("congress:subcommittee_member_edit", ["pk", "sub_pk", "sub_member_pk:member_pk"]),
    ("congress:subcommittee_member_delete", ["pk", "sub_pk", "sub_member_pk:member_pk"]),
    ("congress:roles", ["pk"]),
    ("congress:role_create", ["pk"]),
    ("congress:role_delete", ["pk", "role_pk"]),
]


def url_for(name, keys, objects):
    kwargs = {}
    for key in keys:
        source, _, target = key.partition(":")
        kwargs[target or source] = objects[source]
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(("name", "keys"), READ_PAGES + MANAGE_PAGES)
def test_a_stranger_gets_404_on_every_congress_page(client_for, stranger, objects, name, keys):
    client = client_for(stranger)

    assert client.get(url_for(name, keys, objects)).status_code == 404
    assert client.post(url_for(name, keys, objects)).status_code == 404


@pytest.mark.parametrize(("name", "keys"), READ_PAGES + MANAGE_PAGES)
def test_an_anonymous_visitor_is_sent_to_log_in(client, objects, name, keys):
    response = client.get(url_for(name, keys, objects))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "keys"), READ_PAGES)
def test_a_viewer_reads_every_congress_page(client_for, viewer, objects, name, keys):
    assert client_for(viewer).get(url_for(name, keys, objects)).status_code == 200


@pytest.mark.parametrize(("name", "keys"), MANAGE_PAGES)
def test_a_viewer_gets_403_on_every_change(client_for, viewer, objects, name, keys):
    client = client_for(viewer)

    assert client.get(url_for(name, keys, objects)).status_code == 403
    assert client.post(url_for(name, keys, objects)).status_code == 403


@pytest.mark.parametrize(("name", "keys"), READ_PAGES + MANAGE_PAGES)
def test_secretariat_staff_open_every_congress_page(client_for, secretariat, objects, name, keys):
    assert client_for(secretariat).get(url_for(name, keys, objects)).status_code == 200


@pytest.mark.parametrize(("name", "keys"), MANAGE_PAGES)
def test_a_focal_point_cannot_change_the_congress(client_for, focal_point, objects, name, keys):
    assert client_for(focal_point).get(url_for(name, keys, objects)).status_code == 403


def test_a_subcommittee_head_manages_their_own_subcommittee(client_for, subcommittee_head, objects):
    client = client_for(subcommittee_head)

    assert client.get(url_for("congress:subcommittee_edit", ["pk", "sub_pk"], objects)).status_code == 200
    assert client.get(url_for("congress:subcommittee_member_create", ["pk", "sub_pk"], objects)).status_code == 200
    assert client.get(url_for("congress:subcommittee_delete", ["pk", "sub_pk"], objects)).status_code == 403
    assert client.get(url_for("congress:board_member_create", ["pk"], objects)).status_code == 403


def test_a_subcommittee_head_cannot_manage_another_subcommittee(client_for, subcommittee_head, congress, objects):
    other = SubcommitteeMemberFactory(subcommittee__congress=congress).subcommittee
    client = client_for(subcommittee_head)

    response = client.get(reverse("congress:subcommittee_edit", args=[congress.pk, other.pk]))

    assert response.status_code == 403


def test_the_congress_list_never_shows_a_foreign_congress(client_for, stranger, congress):
    response = client_for(stranger).get(reverse("congress:list"))

    assert congress not in response.context["page"].object_list
    assert reverse("congress:detail", args=[congress.pk]) not in response.content.decode()


DIRECTORY_EDIT_PAGES = [
    ("congress:organization_create", {}),
    ("congress:organization_edit", {"pk": "organization"}),
    ("congress:organization_heads", {"pk": "organization"}),
    ("congress:organization_set_active", {"pk": "organization", "active": 0}),
    ("congress:person_create", {}),
    ("congress:person_edit", {"pk": "person"}),
    ("congress:person_account", {"pk": "person"}),
    ("congress:person_set_active", {"pk": "person", "active": 0}),
]


def directory_url(name, kwargs, congress, person):
    values = {"organization": congress.host.pk, "person": person.pk}
    return reverse(name, kwargs={key: values.get(value, value) for key, value in kwargs.items()})


@pytest.mark.parametrize(("name", "kwargs"), DIRECTORY_EDIT_PAGES)
def test_a_user_without_directory_rights_gets_403_on_directory_changes(client_for, viewer, congress, name, kwargs):
    url = directory_url(name, kwargs, congress, viewer.person)

    assert client_for(viewer).get(url).status_code == 403
    assert client_for(viewer).post(url).status_code == 403


@pytest.mark.parametrize(("name", "kwargs"), DIRECTORY_EDIT_PAGES)
def test_the_standing_office_opens_every_directory_form(client_for, secretariat, congress, name, kwargs):
    url = directory_url(name, kwargs, congress, secretariat.person)

    assert client_for(secretariat).get(url).status_code == 200


@pytest.mark.parametrize("name", ["congress:organization_detail", "congress:person_detail"])
def test_an_unknown_directory_entry_is_404(client_for, viewer, name):
    assert client_for(viewer).get(reverse(name, args=[999999])).status_code == 404


def test_creating_a_congress_needs_the_standing_office_right(client_for, viewer, secretariat):
    assert client_for(viewer).get(reverse("congress:create")).status_code == 403
    assert client_for(secretariat).get(reverse("congress:create")).status_code == 200


def test_the_congress_is_read_with_the_user_s_roles_in_it(db, congress, django_assert_num_queries):
    """get_congress reads the user's roles with the congress (a row per role, none for a stranger),
    and the rules decide from them without another query."""
    from congress.permissions import get_congress
    from tests.factories import OrganizationFactory, UserFactory

    user, stranger, other = UserFactory(), UserFactory(), CongressRoleFactory(role=CongressRole.Role.SECRETARIAT)
    organization = OrganizationFactory()
    CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.VIEWER)
    CongressRoleFactory(congress=congress, user=user, role=CongressRole.Role.FOCAL_POINT, organization=organization)
    CongressRoleFactory(congress=other.congress, user=user, role=CongressRole.Role.SECRETARIAT)

    with django_assert_num_queries(1):
        found = get_congress(user, congress.pk)
        assert user.has_perm("congress.see_congress", found)
        assert not user.has_perm("congress.manage_congress", found)
    assert sorted(vars(user)["_congress_roles"][congress.pk]) == sorted(
        [(CongressRole.Role.VIEWER, None, None), (CongressRole.Role.FOCAL_POINT, organization.pk, None)]
    )
    with pytest.raises(Http404):
        get_congress(stranger, congress.pk)
    with pytest.raises(Http404):
        get_congress(user, congress.pk + 1000)
