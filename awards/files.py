"""Dossier files: the kind read from the content (as planning.attachments does), the kinds each
required document accepts, and the size limit.

Django hands any upload above FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) over as a temporary file on
disk, and the file storage moves or copies it in chunks, so a large file never sits whole in memory.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents.uploads import check_content
from planning.attachments import ALLOWED, detect

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
KIND_NAMES = {
    "pdf": "PDF",
    "doc": "Word (DOC)",
    "docx": "Word (DOCX)",
    "odt": "OpenDocument",
    "xls": "Excel (XLS)",
    "xlsx": "Excel (XLSX)",
    "jpg": "JPEG",
    "png": "PNG",
}


def max_bytes():
    return getattr(settings, "AWARD_FILE_MAX_BYTES", DEFAULT_MAX_BYTES)


def kinds_text(kinds):
    return ", ".join(KIND_NAMES.get(kind, kind.upper()) for kind in kinds)


def accept_attribute(kinds):
    return ",".join(sorted(ext for kind in kinds if kind in ALLOWED for ext in ALLOWED[kind][0]))


def check_file(upload, kinds):
    """Refuse a file that is too large, of a kind the document does not accept, or named like another kind.

    Returns the upload with `content_type` set from its content.
    """
    name = os.path.basename(upload.name)
    limit = max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    kind = detect(upload)
    if kind not in kinds or kind not in ALLOWED:
        raise ValidationError(
            _("“%(name)s” is not a file of an accepted type (%(kinds)s): its content is %(found)s.")
            % {"name": name, "kinds": kinds_text(kinds), "found": KIND_NAMES.get(kind, _("of another type"))}
        )
    extensions, content_type = ALLOWED[kind]
    if os.path.splitext(name)[1].lower() not in extensions:
        raise ValidationError(
            _("“%(name)s” is named like another kind of file than it contains (%(kind)s).")
            % {"name": name, "kind": KIND_NAMES[kind]}
        )
    check_content(upload, kind)
    upload.content_type = content_type
    return upload
