"""Progress reported on a task and the files attached to it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from congress.models import Congress

from .tasks import Task


class ProgressUpdate(models.Model):
    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="updates")
    # The task's congress (which never changes), so that a congress's newest updates are read from
    # one index without visiting every task; set on save from the task.
    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, editable=False, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("progress"))
    new_status = models.CharField(_("new status"), max_length=20, choices=Task.Status.choices, blank=True)
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        ordering = ["task", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        # The dashboard's latest updates: a congress's newest first, stopping at the few it shows.
        indexes = [models.Index(fields=["congress", "created_at"], name="planning_update_latest")]

    def __str__(self):
        return self.text[:80]

    def save(self, *args, **kwargs):
        if self.congress_id is None:
            self.congress_id = self.task.congress_id
        super().save(*args, **kwargs)


class Attachment(models.Model):
    update = models.ForeignKey(
        ProgressUpdate, verbose_name=_("progress update"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="tasks/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name
