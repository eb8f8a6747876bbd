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
from planning.models import Conclusion, Meeting, Task, TaskParty

PASSWORD = "mật-khẩu-thử-123"


def one_page_pdf():
    """A small PDF that opens as one (uploads are checked by opening them)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF = one_page_pdf()


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


class TaskFactory(factory.django.DjangoModelFactory):
    """A task with a readable deadline; pass `deadline="Trong tháng 7/2020"` to choose it."""

    class Meta:
        model = Task

    congress = factory.SubFactory(CongressFactory)
    number = factory.Sequence(lambda n: n + 1)
    content = factory.Sequence(lambda n: f"Nhiệm vụ số {n}")

    @classmethod
    def _create(cls, model_class, *args, deadline="Ngày 15/7/2020", **kwargs):
        task = model_class(*args, **kwargs)
        task.set_deadline(deadline)
        task.save()
        return task


class TaskPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskParty

    task = factory.SubFactory(TaskFactory)
    role = TaskParty.Role.LEAD
    organization = factory.SubFactory(OrganizationFactory)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    congress = factory.SubFactory(CongressFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Họp Ban Tổ chức (phiên thứ {n + 1})")


class ConclusionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conclusion

    meeting = factory.SubFactory(MeetingFactory)
    text = factory.Sequence(lambda n: f"Kết luận số {n + 1}")
