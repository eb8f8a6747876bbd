"""A renamed person or unit re-sorts its dossiers: their sort fields follow the new name."""

from django.db.models.signals import post_save

from congress.models import Organization, Person
from congress.search import stored_sort_key

from .models import Nomination


def _renamed(name_field, nominee_field):
    def handler(sender, instance, created, update_fields=None, raw=False, **kwargs):
        if created or raw or (update_fields is not None and name_field not in update_fields):
            return  # a new person or unit is nobody's nominee yet
        name = getattr(instance, name_field)
        fields = {"nominee_key": stored_sort_key(name), "nominee_text": name}
        Nomination.objects.filter(**{nominee_field: instance.pk}).exclude(**fields).update(**fields)

    return handler


person_renamed = _renamed("full_name", "person")
organization_renamed = _renamed("name", "organization")


def connect():
    post_save.connect(person_renamed, sender=Person, dispatch_uid="awards.person_renamed")
    post_save.connect(organization_renamed, sender=Organization, dispatch_uid="awards.organization_renamed")
