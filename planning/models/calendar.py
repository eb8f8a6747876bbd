"""Private calendar (iCal) addresses."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from congress.models import Person


def new_calendar_token():
    """A fresh secret for a calendar address: 43 URL-safe characters."""
    import secrets

    return secrets.token_urlsafe(32)


class CalendarFeedQuerySet(models.QuerySet):
    def renew(self, person):
        """Give the person a new address; the old one stops working at once."""
        self.filter(person=person).delete()
        return self.create(person=person)


class CalendarFeed(models.Model):
    """A person's private calendar address (iCal). Whoever holds the token reads the feed
    without logging in, so the token is the only secret: revoking deletes it."""

    person = models.OneToOneField(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CalendarFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("planning:calendar_feed", args=[self.token])
