import tempfile

import pytest
from django.contrib.auth.models import Permission

from congress.models import CongressRole
from tests.factories import (
    CongressRoleFactory,
    OrganizingBoardFactory,
    PersonFactory,
    SubcommitteeFactory,
    UserFactory,
)

Role = CongressRole.Role


@pytest.fixture(scope="session", autouse=True)
def _test_settings():
    """Plain HTTP and unhashed static names for the whole run, the live server included."""
    from django.conf import settings
    from django.test import override_settings

    overrides = override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        LANGUAGE_CODE="vi",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tempfile.mkdtemp(prefix="congress-media-"),
    )
    overrides.enable()
    yield
    overrides.disable()


@pytest.fixture
def congress(db):
    return OrganizingBoardFactory().congress


@pytest.fixture
def subcommittee(congress):
    return SubcommitteeFactory(congress=congress, name="Tiểu ban Nội dung")


def user_with_role(congress, role, **extra):
    user = UserFactory()
    PersonFactory(user=user)
    CongressRoleFactory(congress=congress, user=user, role=role, **extra)
    return user


@pytest.fixture
def secretariat(congress):
    user = user_with_role(congress, Role.SECRETARIAT)
    user.user_permissions.add(*Permission.objects.filter(codename__in=STANDING_OFFICE_PERMS))
    return user


STANDING_OFFICE_PERMS = [
    "add_congress",
    "add_organization",
    "change_organization",
    "add_person",
    "change_person",
]


@pytest.fixture
def viewer(congress):
    return user_with_role(congress, Role.VIEWER)


@pytest.fixture
def subcommittee_head(congress, subcommittee):
    return user_with_role(congress, Role.SUBCOMMITTEE_HEAD, subcommittee=subcommittee)


@pytest.fixture
def focal_point(congress):
    user = user_with_role(congress, Role.FOCAL_POINT, organization=congress.host)
    return user


@pytest.fixture
def stranger(db):
    """A secretariat user of another congress: the given congress is foreign to them."""
    other = OrganizingBoardFactory().congress
    return user_with_role(other, Role.SECRETARIAT)


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login
