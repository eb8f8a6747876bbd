import factory
from django.contrib.auth import get_user_model

from congress.models import (
    BoardMember,
    Congress,
    CongressRole,
    CongressSession,
    ConnectionPoint,
    Organization,
    OrganizingBoard,
    Person,
    Subcommittee,
    SubcommitteeMember,
)

PASSWORD = "mật-khẩu-thử-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Sở thử nghiệm số {n}")
    abbreviation = factory.Sequence(lambda n: f"STN{n}")
    kind = Organization.Kind.DEPARTMENT


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Chuyên viên"
    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"nguoi{n}@example.org")


class CongressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Congress

    kind = Congress.Kind.CONGRESS
    level = Congress.Level.PROVINCE
    edition = 7
    year = 2020
    area_name = "tỉnh Ninh Thuận"
    host = factory.SubFactory(OrganizationFactory, name="UBND tỉnh Ninh Thuận", abbreviation="UBND")


class OrganizingBoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizingBoard

    congress = factory.SubFactory(CongressFactory)
    name = factory.LazyAttribute(lambda b: f"Ban Tổ chức {b.congress.name}")


class CongressSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CongressSession

    congress = factory.SubFactory(CongressFactory)
    name = "Phiên chính thức"
    timing = CongressSession.Timing.MONTH
    planned_month = 8
    planned_year = 2020
    place = "Hội trường UBND tỉnh"


class ConnectionPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConnectionPoint

    session = factory.SubFactory(CongressSessionFactory)
    name = factory.Sequence(lambda n: f"Điểm cầu số {n}")


class BoardMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMember

    board = factory.SubFactory(OrganizingBoardFactory)
    person = factory.SubFactory(PersonFactory)
    role = BoardMember.Role.MEMBER


class SubcommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subcommittee

    congress = factory.SubFactory(CongressFactory)
    kind = Subcommittee.Kind.CONTENT
    name = factory.Sequence(lambda n: f"Tiểu ban số {n}")


class SubcommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubcommitteeMember

    subcommittee = factory.SubFactory(SubcommitteeFactory)
    person = factory.SubFactory(PersonFactory)


class CongressRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CongressRole

    congress = factory.SubFactory(CongressFactory)
    user = factory.SubFactory(UserFactory)
    role = CongressRole.Role.VIEWER
