import datetime

import factory
from django.core.files.base import ContentFile

from awards.models import AwardRecord, AwardType, CouncilMember, Nomination, NominationFile, NominationRound
from tests.factories import PDF, CongressFactory, OrganizationFactory, PersonFactory

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 64


def award(code):
    return AwardType.objects.get(code=code)


class NominationRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationRound
        skip_postgeneration_save = True

    congress = factory.SubFactory(CongressFactory)
    name = factory.Sequence(lambda n: f"Đợt xét khen thưởng số {n}")
    year = 2020
    deadline = datetime.date(2020, 7, 31)

    @factory.post_generation
    def award_types(obj, create, extracted, **kwargs):
        if create:
            codes = extracted or ["cstd_tinh", "cstd_co_so", "bk_tinh_ca_nhan", "tt_ldxs", "gia_dinh_van_hoa"]
            obj.award_types.set(AwardType.objects.filter(code__in=codes))


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    round = factory.SubFactory(NominationRoundFactory)
    award_type = factory.LazyFunction(lambda: award("cstd_tinh"))
    person = factory.SubFactory(PersonFactory)
    proposing_organization = factory.SubFactory(OrganizationFactory)
    year_from = 2016
    year_to = 2020
    achievements = "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến được công nhận cấp tỉnh."


class NominationFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominationFile

    nomination = factory.SubFactory(NominationFactory)
    file = factory.LazyFunction(lambda: ContentFile(PDF, name="to-trinh.pdf"))
    name = "to-trinh.pdf"
    size = len(PDF)
    content_type = "application/pdf"


class AwardRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardRecord

    person = factory.SubFactory(PersonFactory)
    award_type = factory.LazyFunction(lambda: award("cstd_co_so"))
    year = 2020


class CouncilMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMember

    congress = factory.SubFactory(CongressFactory)
    person = factory.SubFactory(PersonFactory)
    order = factory.Sequence(lambda n: n + 1)


def attach_mandatory(nomination):
    """A PDF for every mandatory document of the dossier's award type."""
    for requirement in nomination.award_type.documents.filter(mandatory=True):
        NominationFileFactory(nomination=nomination, requirement=requirement)
    return nomination
