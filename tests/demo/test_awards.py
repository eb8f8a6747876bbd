"""The demo honours: a round, the council, a history and dossiers along the path, loaded once."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from awards.models import AwardRecord, CouncilSession, Nomination
from demo.awards import load_demo_awards
from demo.congresses import load_demo

Status = Nomination.Status
User = get_user_model()


def test_the_demo_loads_once_with_dossiers_at_several_steps(db, client):
    load_demo()

    assert load_demo_awards() is True
    assert load_demo_awards() is False

    assert sorted(Nomination.objects.values_list("status", flat=True)) == sorted(
        [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED, Status.APPROVED, Status.APPROVED]
    )
    assert CouncilSession.objects.get().status == CouncilSession.Status.CLOSED
    assert AwardRecord.objects.count() == 32
    huy = Nomination.objects.get(person__full_name="Phạm Quốc Huy")
    client.force_login(User.objects.get(username="sonoivu"))
    page = client.get(reverse("awards:nomination_detail", args=[huy.round.congress_id, huy.pk]), secure=True)
    assert "CSTĐ cơ sở 2018, 2019, 2020: đủ 3 năm liên tục" in page.content.decode()


def test_the_council_login_sees_the_session_with_the_tie_rule(db, client):
    load_demo()
    load_demo_awards()
    session = CouncilSession.objects.get()
    client.force_login(User.objects.get(username="hoidong"))

    page = client.get(reverse("awards:session_detail", args=[session.round.congress_id, session.pk]), secure=True)

    assert page.status_code == 200
    assert "Xếp trước do ưu tiên nữ khi bằng phiếu" in page.content.decode()


def test_load_demo_loads_the_honours_once_and_prints_the_council_login(db, capsys):
    call_command("load_demo")
    call_command("load_demo")

    out = capsys.readouterr().out.splitlines()
    assert out.count("Đã nạp dữ liệu khen thưởng mẫu.") == 1
    assert out.count("Dữ liệu khen thưởng mẫu đã có sẵn, không nạp lại.") == 1
    assert any(line.startswith("hoidong ") and "Hội đồng Thi đua - Khen thưởng" in line for line in out)
    assert Nomination.objects.filter(round__name__contains="lần thứ VII (").count() == 6
