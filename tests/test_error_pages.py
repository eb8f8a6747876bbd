"""403, 404, 400, 500 and the CSRF failure are Vietnamese pages in the site's layout, with a way back."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views import defaults

from .factories import PASSWORD, CongressFactory, OrganizationFactory


def assert_site_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert heading in html
    assert 'class="navbar' in html
    assert reverse("congress:list") in html
    assert "Forbidden" not in html and "Not Found" not in html


def test_a_missing_page_is_a_vietnamese_page_with_a_way_back(client_for, viewer):
    response = client_for(viewer).get("/khong-co-trang-nay/")

    assert_site_page(response, 404, "Không tìm thấy trang")
    assert "Việc của tôi" in response.content.decode()


def test_another_congress_is_a_vietnamese_404(client_for, viewer):
    other = CongressFactory()

    response = client_for(viewer).get(reverse("congress:detail", args=[other.pk]))

    assert_site_page(response, 404, "Không tìm thấy trang")


def test_a_read_only_change_is_a_vietnamese_403(client_for, viewer):
    organization = OrganizationFactory()

    response = client_for(viewer).post(reverse("congress:organization_edit", args=[organization.pk]), {})

    assert_site_page(response, 403, "Quý vị không có quyền thực hiện thao tác này")


@pytest.mark.django_db
def test_a_form_sent_without_its_token_is_a_vietnamese_page():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x", "password": PASSWORD})

    assert_site_page(response, 403, "Biểu mẫu đã hết hiệu lực")


@pytest.mark.django_db
def test_a_server_error_is_a_vietnamese_page_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Hệ thống gặp sự cố" in response.content.decode()
    assert reverse("login") in response.content.decode()


@pytest.mark.django_db
def test_a_bad_request_is_a_vietnamese_page():
    response = defaults.bad_request(RequestFactory().get("/"), exception=None)

    assert response.status_code == 400
    assert "Không đọc được yêu cầu" in response.content.decode()


def test_a_user_of_another_congress_reads_the_same_page(client_for, stranger):
    response = client_for(stranger).get("/khong-co-trang-nay/")

    assert_site_page(response, 404, "Không tìm thấy trang")


def test_filters_offer_all_and_sort_labels_are_vietnamese(client_for, viewer):
    html = client_for(viewer).get(reverse("congress:organization_list")).content.decode()

    assert '<option value="" selected>Tất cả</option>' in html
    assert "---------" not in html and "Chưa xác định" not in html
    assert "(giảm dần)" in html and "(descending)" not in html


@pytest.mark.django_db
def test_the_admin_speaks_vietnamese_of_its_apps(admin_client):
    html = admin_client.get(reverse("admin:index")).content.decode()

    assert "Trang quản trị cho Django" not in html
    assert "Hệ thống lập kế hoạch tổ chức Đại hội: trang quản trị" in html
    assert "Nhiệm vụ và tiến độ" in html and "Lượt đăng nhập" in html
    assert "Đang lên kế hoạch" not in html and ">Axes<" not in html
