from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .emails import make_message
from .models import CongressRole, HeadTerm, OrganizingBoard


@transaction.atomic
def create_congress(congress, *, by):
    """Save a new congress, give it an organising board, and make its creator secretariat staff.

    The board's name is left empty: it is then derived from the congress's name wherever it is
    shown or printed, so it follows a later change of the congress's name or year.
    """
    congress.save()
    OrganizingBoard.objects.create(congress=congress)
    CongressRole.objects.create(congress=congress, user=by, role=CongressRole.Role.SECRETARIAT)
    return congress


@transaction.atomic
def create_account(person, *, username):
    """Give a person a login with no password yet, and mail them the link to choose one.

    Steps: create the user from the person's name and e-mail; link it to the person; send
    the invitation once the transaction commits.
    """
    user = get_user_model().objects.create_user(username=username, email=person.email)
    user.set_unusable_password()
    user.first_name = person.full_name[:150]
    user.save()
    person.user = user
    person.save(update_fields=["user"])
    transaction.on_commit(lambda: send_account_invitation(user))
    return user


def send_account_invitation(user):
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "person": user.person, "link": settings.SITE_URL + path}
    make_message("account-invitation", [user.email], context).send()


def set_active(obj, *, active):
    """Deactivate or reactivate a directory entry; nothing referred to is ever deleted."""
    obj.is_active = active
    obj.save(update_fields=["is_active"])


def save_head_terms(organization, *, terms, deleted):
    """Replace an organisation's head terms in one transaction.

    `terms`: [(pk or None, person, started_on, ended_on)] as cleaned; `deleted`: pks to remove.
    """
    with transaction.atomic():
        HeadTerm.objects.filter(organization=organization, pk__in=deleted).delete()
        for pk, person, started_on, ended_on in terms:
            values = {"person": person, "started_on": started_on, "ended_on": ended_on}
            if pk:
                HeadTerm.objects.filter(organization=organization, pk=pk).update(**values)
            else:
                HeadTerm.objects.create(organization=organization, **values)
