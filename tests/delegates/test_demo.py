from django.contrib.auth import get_user_model
from django.urls import reverse

from delegates.models import Delegate, PanelMember, UnitQuota
from demo import delegates as delegates_demo
from demo.delegates import CONGRESS_NAME


def test_the_demo_loads_seed_003_once_and_the_pages_show_it(db, client):
    delegates_demo.load()
    delegates_demo.load()

    congress = Delegate.objects.first().congress
    allocation = congress.delegate_allocation
    assert congress.name == CONGRESS_NAME
    assert (allocation.total, allocation.guests, allocation.official) == (140, 35, 105)
    assert sum(UnitQuota.objects.filter(congress=congress).values_list("seats", flat=True)) == 105
    assert PanelMember.objects.filter(panel="presidium").count() == 5
    assert congress.delegates.count() <= 140

    client.force_login(get_user_model().objects.get(username="bacai"))
    quota = UnitQuota.objects.get(congress=congress, organization__name="Liên đoàn Lao động huyện Bác Ái")
    page = client.get(reverse("delegates:unit", args=[congress.pk, quota.pk])).content.decode()
    returned = UnitQuota.objects.get(congress=congress, status="returned")
    assert "Đăng ký đại biểu" in page
    assert "Phụ nữ" in client.get(reverse("delegates:composition", args=[congress.pk])).content.decode()
    assert returned.events.filter(action="returned").exists()
