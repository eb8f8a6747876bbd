import pytest

from congress.models import CongressRole
from tests.conftest import user_with_role

from .factories import NominationFactory, NominationRoundFactory


@pytest.fixture
def nomination_round(congress):
    return NominationRoundFactory(congress=congress)


@pytest.fixture
def dossier(nomination_round, congress):
    """A draft for CSTĐ cấp tỉnh proposed by the host organisation, whose focal point is `focal_point`."""
    return NominationFactory(round=nomination_round, proposing_organization=congress.host)


@pytest.fixture
def council_user(congress):
    return user_with_role(congress, CongressRole.Role.COUNCIL_MEMBER)


@pytest.fixture
def other_focal_point(congress):
    from tests.factories import OrganizationFactory

    return user_with_role(congress, CongressRole.Role.FOCAL_POINT, organization=OrganizationFactory())
