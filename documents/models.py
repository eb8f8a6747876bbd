"""Document records: what is printed at the head and foot of a document, its number series,
its editable sections of text, and the frozen files of each issued version.

A record belongs to its owner (a congress, a meeting, …) through a content type and an id,
so this app never imports the domain apps that own the documents.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import numbering

# A register's numbers restart each year; no issuing body reaches a million documents in one.
MAX_NUMBER = 999_999


class NumberSeries(models.Model):
    """The register of one issuing body: numbers run from 1 each calendar year.

    An advisory body (a board, a council) keeps its own series, apart from its parent's.
    """

    key = models.CharField(_("key"), max_length=120, unique=True, help_text=_("Who issues: “congress.organization:5”."))
    name = models.CharField(_("issuing body"), max_length=300)
    issuer_code = models.CharField(
        _("issuer code"), max_length=30, blank=True, help_text=_("The part after the type code: BTC in 25/CTr-BTC.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("number series")
        verbose_name_plural = _("number series")

    def __str__(self):
        return self.name

    def next_number(self, year):
        last = self.issued.filter(year=year).aggregate(models.Max("number"))["number__max"]
        return (last or 0) + 1

    def is_taken(self, number, year, *, exclude_document=None):
        taken = self.issued.filter(year=year, number=number)
        if exclude_document is not None:
            taken = taken.exclude(document=exclude_document)
        return taken.exists()


class DocumentQuerySet(models.QuerySet):
    def for_owner(self, owner):
        return self.filter(owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk)

    def for_owners(self, owners):
        """Records of several owners (of one or more models) in one query."""
        condition = Q(pk__in=[])
        by_type = {}
        for owner in owners:
            by_type.setdefault(ContentType.objects.get_for_model(owner), []).append(owner.pk)
        for content_type, ids in by_type.items():
            condition |= Q(owner_type=content_type, owner_id__in=ids)
        return self.filter(condition)


class Document(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft document")
        ISSUED = "issued", _("Issued")

    class Authority(models.TextChoices):
        NONE = "", _("Signs in own name")
        KT = "KT.", _("KT. (a deputy signs for the head)")
        TL = "TL.", _("TL. (by order)")
        TUQ = "TUQ.", _("TUQ. (by written authorisation)")
        Q = "Q.", _("Q. (acting head)")

    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    kind = models.CharField(_("kind"), max_length=60)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1)

    series = models.ForeignKey(
        NumberSeries, verbose_name=_("number series"), on_delete=models.PROTECT, related_name="documents"
    )
    type_code = models.CharField(_("type code"), max_length=10, blank=True, help_text=_("KH, CTr, QĐ, TB, …"))
    type_name = models.CharField(_("document type as printed"), max_length=200)
    parent_body = models.CharField(_("parent body"), max_length=200, blank=True)
    issuing_body = models.CharField(_("issuing body"), max_length=300)
    symbol = models.CharField(_("symbol"), max_length=60, help_text=_("Printed after the number: KH-UBND."))
    number = models.PositiveIntegerField(
        _("number"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(MAX_NUMBER)]
    )
    place = models.CharField(_("place"), max_length=100, blank=True, help_text=_("As in “Ninh Thuận, ngày …”."))
    date = models.DateField(_("date"), null=True, blank=True)
    blank_day = models.BooleanField(
        _("leave the day blank"), default=False, help_text=_("A draft whose day is not fixed yet: “ngày … tháng 02”.")
    )
    subject = models.TextField(_("subject"))

    signer_collective = models.CharField(
        _("on behalf of (TM.)"),
        max_length=300,
        blank=True,
        help_text=_("The collective body, printed as “TM. ỦY BAN NHÂN DÂN”; empty when none."),
    )
    signer_authority = models.CharField(
        _("signing authority"), max_length=5, choices=Authority.choices, blank=True, default=Authority.NONE
    )
    signer_principal = models.CharField(
        _("for whom"), max_length=200, blank=True, help_text=_("With KT., TL. or TUQ.: the head's title, “CHỦ TỊCH”.")
    )
    signer_position = models.CharField(_("signer's position"), max_length=200, blank=True)
    signer_note = models.CharField(
        _("line above the name"), max_length=200, blank=True, help_text=_("For example “CHỦ TỊCH UBND TỈNH”.")
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    signer_person_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    archive = models.CharField(
        _("filed at"), max_length=150, blank=True, help_text=_("After “Lưu:”, for example “VT, VXNV”.")
    )
    annexes = models.JSONField(_("annexes"), default=list, blank=True)

    page_count = models.PositiveIntegerField(_("pages when last printed"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["owner_type", "owner_id", "kind"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(
                fields=["owner_type", "owner_id", "kind"],
                name="documents_document_unique_kind",
                violation_error_message=_("This document already exists."),
            ),
        ]

    def __str__(self):
        return f"{self.type_name} {self.number_text}"

    @property
    def number_text(self):
        return numbering.number_text(self.number, self.symbol)

    @property
    def is_issued(self):
        return self.status == self.Status.ISSUED

    def recipient_lines(self):
        """[(name, note)] as printed, without the closing "Lưu:" line."""
        return [(item[0], item[1] if len(item) > 1 else "") for item in self.recipients if item and item[0]]

    def signature_lines(self):
        """The signature block's upper lines: "TM. …", "KT. CHỦ TỊCH", the position."""
        lines = []
        if self.signer_collective:
            lines.append(f"TM. {self.signer_collective}")
        if self.signer_authority in (self.Authority.KT, self.Authority.TL, self.Authority.TUQ):
            lines.append(f"{self.signer_authority} {self.signer_principal}".strip())
        if self.signer_position:
            prefix = "Q. " if self.signer_authority == self.Authority.Q else ""
            lines.append(prefix + self.signer_position)
        return [line.upper() for line in lines]

    def latest_issue(self):
        return self.issues.order_by("-version").first()


class Section(models.Model):
    """An editable part of a document's text (a plan's "I. MỤC ĐÍCH, YÊU CẦU"), stored once edited."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="sections"
    )
    key = models.CharField(_("key"), max_length=40)
    order = models.PositiveSmallIntegerField(_("order"), default=1, validators=[MaxValueValidator(9999)])
    heading = models.CharField(_("heading"), max_length=1000, blank=True)
    text = models.TextField(_("text"), blank=True)
    # A document whose author writes its sections (a plan): 0 is text without a heading, 1 a part
    # ("I."), 2 an item ("1."), 3 a point ("a)"); the numbers are computed when printed.
    level = models.PositiveSmallIntegerField(_("level"), default=0, validators=[MaxValueValidator(3)])
    # The section prints the kind's default text (which follows the congress's data) until edited.
    follows_default = models.BooleanField(_("follows the default text"), default=False)

    class Meta:
        ordering = ["document", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "key"],
                name="documents_section_unique_key",
                violation_error_message=_("The document already has this section."),
            ),
        ]

    def __str__(self):
        return self.heading or self.key


def issued_file_path(instance, filename):
    return f"documents/{instance.year}/{instance.series_id}/{filename}"


class IssuedVersion(models.Model):
    """One issued version: its number, date and the frozen PDF and DOCX, with their SHA-256."""

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.PROTECT, related_name="issues")
    version = models.PositiveIntegerField(_("version"))
    series = models.ForeignKey(
        NumberSeries, verbose_name=_("number series"), on_delete=models.PROTECT, related_name="issued"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"), validators=[MinValueValidator(1), MaxValueValidator(MAX_NUMBER)])
    number_text = models.CharField(_("number and symbol"), max_length=80)
    issued_on = models.DateField(_("issued on"))
    pdf = models.FileField(_("PDF"), upload_to=issued_file_path)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    docx = models.FileField(_("DOCX"), upload_to=issued_file_path)
    docx_sha256 = models.CharField(_("SHA-256 of the DOCX"), max_length=64)
    # The signed, stamped paper scanned back: once attached, it is the official copy.
    signed_scan = models.FileField(_("signed scan"), upload_to=issued_file_path, blank=True)
    signed_scan_sha256 = models.CharField(_("SHA-256 of the signed scan"), max_length=64, blank=True)
    page_count = models.PositiveIntegerField(_("pages"))
    record = models.JSONField(_("record as issued"), default=dict)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["document", "-version"]
        verbose_name = _("issued version")
        verbose_name_plural = _("issued versions")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"],
                name="documents_issued_unique_number",
                violation_error_message=_("This number is already used in the series this year."),
            ),
            models.UniqueConstraint(
                fields=["document", "version"],
                name="documents_issued_unique_version",
                violation_error_message=_("This version is already issued."),
            ),
        ]

    def __str__(self):
        return f"{self.number_text} (v{self.version})"


class RenderJob(models.Model):
    """A long document rendered by a worker: progress while it runs, the file when done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "DOCX"

    document = models.ForeignKey(Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="jobs")
    format = models.CharField(_("format"), max_length=5, choices=Format.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to="documents/jobs/%Y/%m/", blank=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("rendering job")
        verbose_name_plural = _("rendering jobs")

    def __str__(self):
        return f"{self.document} {self.format} {self.status}"

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)
