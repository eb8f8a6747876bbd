import datetime

import pytest

from congress.models import BoardMember, CongressRole, Organization
from tests.conftest import user_with_role
from tests.factories import (
    BoardMemberFactory,
    CongressFactory,
    CongressSessionFactory,
    OrganizationFactory,
    OrganizingBoardFactory,
    PersonFactory,
    SubcommitteeFactory,
    SubcommitteeMemberFactory,
)


@pytest.fixture
def province(db):
    """A provincial congress as the seeds have it: the people's committee hosts, its chairman heads the board."""
    committee = OrganizationFactory(
        name="Ủy ban nhân dân tỉnh Ninh Thuận",
        short_name="UBND tỉnh",
        abbreviation="UBND",
        kind=Organization.Kind.PEOPLES_COMMITTEE,
    )
    chairman = PersonFactory(full_name="Lưu Xuân Vĩnh", position="Chủ tịch UBND tỉnh", organization=committee)
    committee.head = chairman
    committee.save()
    congress = CongressFactory(host=committee, review_period="2016-2020", next_period="2021-2025")
    board = OrganizingBoardFactory(
        congress=congress,
        name="Ban Tổ chức Đại hội Thi đua yêu nước tỉnh Ninh Thuận lần thứ VII, năm 2020",
        founded_on=datetime.date(2020, 6, 29),
    )
    BoardMemberFactory(board=board, person=chairman, role=BoardMember.Role.HEAD, order=1)
    deputy = PersonFactory(full_name="Lê Văn Bình", position="Giám đốc Sở Nội vụ")
    BoardMemberFactory(board=board, person=deputy, role=BoardMember.Role.STANDING_DEPUTY, order=2)
    content = SubcommitteeFactory(congress=congress, name="Tiểu ban Nội dung", duties="- Dự thảo các báo cáo.")
    SubcommitteeMemberFactory(subcommittee=content, person=deputy, role="head")
    CongressSessionFactory(congress=congress, place="Hội trường 16/4")
    return congress


@pytest.fixture
def province_secretariat(province):
    return user_with_role(province, CongressRole.Role.SECRETARIAT)


@pytest.fixture
def province_viewer(province):
    return user_with_role(province, CongressRole.Role.VIEWER)


@pytest.fixture
def demo(db):
    """The demo congress with seed 000's schedule and its printed record."""
    from demo.congresses import load_demo
    from demo.schedule import PROVINCIAL_CONGRESS, load_schedule
    from planning.documents import load_demo_documents

    load_demo()
    load_schedule()
    load_demo_documents()
    from congress.models import Congress

    return Congress.objects.get(name=PROVINCIAL_CONGRESS)
