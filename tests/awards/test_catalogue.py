"""The catalogue: loaded from awards/catalogue.py (docs/awards.md), read by everyone, edited by staff with the right."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from awards.models import AwardType

from .factories import award


def test_the_catalogue_holds_the_titles_and_forms_of_the_law(db):
    provincial = award("cstd_tinh")

    assert (provincial.name, provincial.secret_ballot, provincial.approval_threshold, provincial.quorum) == (
        "Chiến sĩ thi đua cấp tỉnh",
        True,
        90,
        80,
    )
    assert provincial.prerequisites == [{"titles": ["cstd_co_so"], "consecutive": 3}]
    assert str(provincial.prize_multiple) == "3.00"
    assert [(d.name, d.template_code, d.mandatory) for d in provincial.documents.all()][:3] == [
        ("Tờ trình đề nghị khen thưởng", "Mẫu số 01", True),
        ("Báo cáo thành tích cá nhân, có xác nhận của cấp trình", "Mẫu số 02", True),
        ("Biên bản bình xét của Hội đồng Thi đua - Khen thưởng (có kết quả bỏ phiếu)", "", True),
    ]
    assert (award("co_tinh").approval_threshold, str(award("co_chinh_phu").prize_multiple)) == (80, "12.00")


def test_everyone_signed_in_reads_the_catalogue_with_prerequisites_in_words(client_for, viewer):
    page = client_for(viewer).get(reverse("awards:catalogue")).content.decode()

    assert "CSTĐ cơ sở: 3 năm liên tục" in page
    assert client_for(viewer).get(reverse("awards:awardtype_edit", args=[award("cstd_tinh").pk])).status_code == 403


def edit_data(award_type, **overrides):
    data = {
        "code": award_type.code,
        "name": award_type.name,
        "short_name": award_type.short_name,
        "kind": award_type.kind,
        "scope": award_type.scope,
        "authority": award_type.authority,
        "criteria": award_type.criteria,
        "prerequisites": '[{"titles": ["cstd_co_so"], "consecutive": 4}]',
        "secret_ballot": "on",
        "approval_threshold": "85",
        "quorum": "80",
        "prize_multiple": "3",
        "order": "1",
        "is_active": "on",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        **overrides,
    }
    return data


def test_staff_with_the_right_change_the_prerequisites_as_data(client_for, secretariat):
    secretariat.user_permissions.add(Permission.objects.get(codename="change_awardtype"))
    provincial = award("cstd_tinh")

    response = client_for(secretariat).post(
        reverse("awards:awardtype_edit", args=[provincial.pk]), edit_data(provincial)
    )

    provincial.refresh_from_db()
    assert response.status_code == 302
    assert (provincial.prerequisites, provincial.approval_threshold) == (
        [{"titles": ["cstd_co_so"], "consecutive": 4}],
        85,
    )


def test_a_prerequisite_naming_an_unknown_title_is_refused_and_the_text_stays(client_for, secretariat):
    secretariat.user_permissions.add(Permission.objects.get(codename="change_awardtype"))
    provincial = award("cstd_tinh")
    typed = '[{"titles": ["cstd_xa"], "consecutive": 3}]'

    response = client_for(secretariat).post(
        reverse("awards:awardtype_edit", args=[provincial.pk]), edit_data(provincial, prerequisites=typed)
    )

    assert response.status_code == 422
    assert response.context["form"].errors["prerequisites"] == ["Điều kiện 1: không có danh hiệu nào mang mã cstd_xa."]
    assert AwardType.objects.get(pk=provincial.pk).prerequisites == [{"titles": ["cstd_co_so"], "consecutive": 3}]


def test_ratings_are_history_only_and_never_offered_to_a_round(db):
    assert not AwardType.objects.nominable().filter(kind=AwardType.Kind.RATING).exists()
