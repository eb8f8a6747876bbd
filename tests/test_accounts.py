import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def user(db):
    return UserFactory(username="chuyenvien", email="chuyenvien@example.org")


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_user_logs_in_and_lands_on_the_congress_list(client, user):
    response = log_in(client, "chuyenvien", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("congress:list")


def test_repeated_failed_logins_lock_the_user_out_from_that_address(client, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "chuyenvien", "sai-mat-khau")

    locked = log_in(client, "chuyenvien", PASSWORD)
    other_address = log_in(client, "chuyenvien", PASSWORD, address="10.0.0.2")

    assert locked.status_code == 429
    assert "tạm khóa" in locked.content.decode()
    assert other_address.status_code == 302


def test_spraying_a_few_passwords_over_many_users_locks_the_address(client, user, settings):
    sprayed = [UserFactory(username=f"nguoidung{index}") for index in range(6)]
    for target in sprayed:
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            log_in(client, target.username, "sai-mat-khau")

    locked = log_in(client, "chuyenvien", PASSWORD)
    other_address = log_in(client, "chuyenvien", PASSWORD, address="10.0.0.2")

    assert 6 * (settings.AXES_FAILURE_LIMIT - 1) >= settings.AXES_ADDRESS_FAILURE_LIMIT
    assert locked.status_code == 429
    assert "tạm khóa" in locked.content.decode()
    assert other_address.status_code == 302


def test_a_few_failures_over_several_users_do_not_lock_the_address(client, user, settings):
    for index in range(3):
        log_in(client, UserFactory(username=f"nguoidung{index}").username, "sai-mat-khau")

    assert log_in(client, "chuyenvien", PASSWORD).status_code == 302


def test_a_password_reset_mail_is_sent_in_vietnamese(client, user, mailoutbox):
    client.post(reverse("password_reset"), {"email": "chuyenvien@example.org"})

    assert len(mailoutbox) == 1
    assert "/accounts/reset/" in mailoutbox[0].body
    assert "mật khẩu" in mailoutbox[0].subject.lower()


def test_the_interface_speaks_vietnamese_by_default_and_switches_to_english(client, user):
    client.force_login(user)

    vietnamese = client.get(reverse("congress:list"))
    client.post(reverse("set_language"), {"language": "en", "next": reverse("congress:list")})
    english = client.get(reverse("congress:list"))

    assert vietnamese.content.decode().count("Đại hội") > 0
    assert '<html lang="vi"' in vietnamese.content.decode()
    assert '<html lang="en"' in english.content.decode()


def test_logging_out_takes_a_post(client, user):
    client.force_login(user)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert client.get(reverse("congress:list")).status_code == 302


def test_an_invited_person_without_a_password_can_ask_for_a_fresh_link(client, db, mailoutbox):
    from tests.factories import PersonFactory

    invited = UserFactory(username="moi", email="moi@example.org")
    invited.set_unusable_password()
    invited.save()
    PersonFactory(user=invited)

    client.post(reverse("password_reset"), {"email": "moi@example.org"})

    assert mailoutbox[0].to == ["moi@example.org"]


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, user):
    client.force_login(user)

    response = client.get(reverse("congress:list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="vi"' in response.content.decode()


def test_a_wrong_password_is_said_once_in_the_error_summary(client, db):
    from tests.factories import UserFactory

    UserFactory(username="vanphong")

    page = client.post("/accounts/login/", {"username": "vanphong", "password": "sai-mat-khau"}).content.decode()

    assert page.count('id="form-errors"') == 1
    assert page.count("alert-danger") == 1
