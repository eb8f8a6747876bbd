"""A congress's parent is never dropped by a save, shows as text where it cannot be opened, and derived names follow."""

from django.urls import reverse

from congress import services
from congress.models import Congress, CongressRole

from ..factories import CongressFactory, CongressRoleFactory
from .test_views import congress_data


def edit_data(congress, **overrides):
    data = congress_data(
        congress.host,
        kind=congress.kind,
        level=congress.level,
        area_name=congress.area_name,
        edition=str(congress.edition),
        year=str(congress.year),
        name=congress.name,
        parent=congress.parent_id or "",
        review_period=congress.review_period,
        next_period=congress.next_period,
        format=congress.format,
        status=congress.status,
    )
    return {**data, **overrides}


def test_saving_unchanged_keeps_a_parent_the_editor_cannot_open(client_for, secretariat, congress):
    national = CongressFactory(level="national", area_name="toàn quốc", edition=5)
    Congress.objects.filter(pk=congress.pk).update(parent=national)
    congress.refresh_from_db()
    client = client_for(secretariat)

    form = client.get(reverse("congress:edit", args=[congress.pk])).context["form"]
    client.post(reverse("congress:edit", args=[congress.pk]), edit_data(congress))

    assert national in form.fields["parent"].queryset
    congress.refresh_from_db()
    assert congress.parent == national


def test_a_province_may_name_the_national_congress_it_has_no_role_in(client_for, secretariat, congress):
    national = CongressFactory(level="national", area_name="toàn quốc", edition=5)
    client = client_for(secretariat)

    response = client.post(reverse("congress:edit", args=[congress.pk]), edit_data(congress, parent=national.pk))

    assert response.status_code == 302
    congress.refresh_from_db()
    assert congress.parent == national


def test_a_parent_the_user_cannot_open_is_plain_text_and_one_they_can_is_a_link(client_for, viewer, congress):
    hidden = CongressFactory(level="national", area_name="toàn quốc", edition=5)
    Congress.objects.filter(pk=congress.pk).update(parent=hidden)
    client = client_for(viewer)

    closed = client.get(reverse("congress:detail", args=[congress.pk])).content.decode()
    CongressRoleFactory(congress=hidden, user=viewer, role=CongressRole.Role.VIEWER)
    open_ = client_for(viewer).get(reverse("congress:detail", args=[congress.pk])).content.decode()

    assert str(hidden) in closed
    assert f'href="{hidden.get_absolute_url()}"' not in closed
    assert f'href="{hidden.get_absolute_url()}"' in open_


def test_a_composed_name_and_the_board_follow_a_new_year(client_for, secretariat):
    user = secretariat
    congress = services.create_congress(
        CongressFactory.build(year=2025, edition=5, host=CongressFactory().host), by=user
    )
    client = client_for(user)

    client.post(reverse("congress:edit", args=[congress.pk]), edit_data(congress, year="2027"))

    congress.refresh_from_db()
    assert congress.name.endswith("lần thứ V - năm 2027")
    assert str(congress.board) == f"Ban Tổ chức {congress.name}"


def test_a_name_typed_by_hand_is_kept_when_the_year_changes(client_for, secretariat, congress):
    Congress.objects.filter(pk=congress.pk).update(name="Đại hội điển hình tiên tiến đặc biệt")
    congress.refresh_from_db()

    client_for(secretariat).post(reverse("congress:edit", args=[congress.pk]), edit_data(congress, year="2027"))

    congress.refresh_from_db()
    assert congress.name == "Đại hội điển hình tiên tiến đặc biệt"
    assert congress.year == 2027
