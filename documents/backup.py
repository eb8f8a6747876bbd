"""Backup and restore: the whole database and every uploaded file in one archive.

The database is written with Django's serializer as JSON Lines (`dumpdata --format jsonl`): the
same archive restores into SQLite or PostgreSQL, whichever the new machine runs, and is read line
by line. It is read in one transaction (REPEATABLE READ on PostgreSQL), so it is one consistent
moment even while the site runs. Uploaded files are copied from MEDIA_ROOT as they are; the
manifest lists each with its SHA-256.

    backup-20260704-101500.tar.gz
      manifest.json     when, which Django, how many rows and files, each file's SHA-256
      database.jsonl    every row but sessions, login attempts and what migrate rebuilds
      media/…           the uploaded and issued files

Restoring goes into an empty database that `migrate` has prepared: the catalogue rows that
migrations load are replaced by the backup's own, then the files are written to MEDIA_ROOT and
each issued document is checked against the SHA-256 it was issued with.
"""

import datetime
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

# Rebuilt by migrate (content types, permissions) or not worth keeping (sessions, login attempts).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes"]
# Rows that migrations load (the award catalogue): an empty database holds them; a restore replaces them.
MIGRATION_ROWS = {"AwardType", "RequiredDocument"}
DATABASE_MEMBER = "database.jsonl"
MANIFEST_MEMBER = "manifest.json"


class RestoreError(Exception):
    """The archive cannot be restored here; the message says why."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def default_path(now=None):
    stamp = (now or timezone.localtime()).strftime("%Y%m%d-%H%M%S")
    return Path(settings.BASE_DIR) / "var" / "backups" / f"backup-{stamp}.tar.gz"


def create_backup(path=None):
    """Write the database and MEDIA_ROOT into one .tar.gz archive; returns its path.

    1. dump every row (but EXCLUDED) in one read-only transaction, as JSON Lines;
    2. list the files under MEDIA_ROOT with their SHA-256;
    3. write the manifest, the dump and the files into the archive, beside a temporary name
       first, so a failed backup never leaves a truncated archive under the final name.
    """
    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DATABASE_MEMBER
        rows = _dump_database(dump)
        media = Path(settings.MEDIA_ROOT)
        files = sorted(item for item in media.rglob("*") if item.is_file()) if media.exists() else []
        manifest = {
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "database_vendor": connection.vendor,
            "rows": rows,
            "files": {str(item.relative_to(media)): sha256_of(item) for item in files},
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            archive.add(dump, arcname=DATABASE_MEMBER)
            for item in files:
                archive.add(item, arcname=f"media/{item.relative_to(media)}")
        partial.replace(path)
    return path


def _dump_database(target):
    # Inside a caller's transaction (a test's) the snapshot is the caller's; otherwise one is taken here.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        call_command(
            "dumpdata",
            *[f"--exclude={label}" for label in [*EXCLUDED, *derived_models()]],
            "--natural-foreign",
            "--natural-primary",
            "--format=jsonl",
            f"--output={target}",
            verbosity=0,
        )
    with open(target, "rb") as handle:
        return sum(1 for _line in handle)


def derived_models():
    """Models whose rows the database computes from others (their class says `derived = True`, as
    the dashboard's tallies do): left out of the dump, computed again as the rows they come from
    are loaded."""
    return [model._meta.label for model in apps.get_models() if getattr(model, "derived", False)]


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def database_is_empty():
    """No user data yet: no account and no row of the project's own apps."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    if user_model.objects.exists():
        return False
    base = str(settings.BASE_DIR)
    project = [config for config in apps.get_app_configs() if str(config.path).startswith(base)]
    return not any(
        model.objects.exists()
        for config in project
        if ".venv" not in str(config.path)
        for model in config.get_models()
        if model.__name__ not in MIGRATION_ROWS and not getattr(model, "derived", False)
    )


def restore_backup(path):
    """Restore an archive of create_backup into an empty, migrated database and MEDIA_ROOT.

    1. refuse a database that holds data, and files that would overwrite others;
    2. in one transaction, empty the tables (the catalogue migrate loaded) and load every row;
    3. write the files under MEDIA_ROOT and check each against the manifest's SHA-256;
    4. check every issued document's PDF and DOCX against the SHA-256 it was issued with.
    Returns the manifest.
    """
    if not database_is_empty():
        raise RestoreError("The database is not empty: restore into a new, migrated database.")
    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(path, "r:gz") as archive:
        archive.extractall(scratch, filter="data")
        unpacked = Path(scratch)
        manifest = json.loads((unpacked / MANIFEST_MEMBER).read_text())
        _refuse_overwrites(media, manifest)
        with transaction.atomic():
            call_command("flush", "--noinput", verbosity=0)
            call_command("loaddata", str(unpacked / DATABASE_MEMBER), verbosity=0)
        _write_files(unpacked / "media", media, manifest)
    check_issued_files()
    return manifest


def _refuse_overwrites(media, manifest):
    clashes = [name for name, digest in manifest["files"].items() if (media / name).exists()]
    clashes = [name for name in clashes if sha256_of(media / name) != manifest["files"][name]]
    if clashes:
        raise RestoreError(f"MEDIA_ROOT already holds other files under these names: {', '.join(clashes[:5])}")


def _write_files(source, media, manifest):
    for name, digest in manifest["files"].items():
        target = media / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
        if sha256_of(target) != digest:
            raise RestoreError(f"{name} does not match its SHA-256 in the manifest.")


def check_issued_files():
    """Every issued version's frozen PDF and DOCX match the SHA-256 recorded when it was issued."""
    from .models import IssuedVersion

    damaged = []
    for issue in IssuedVersion.objects.only("pdf", "pdf_sha256", "docx", "docx_sha256").iterator():
        for field, digest in ((issue.pdf, issue.pdf_sha256), (issue.docx, issue.docx_sha256)):
            if not field.storage.exists(field.name) or sha256_of(field.path) != digest:
                damaged.append(field.name)
    if damaged:
        raise RestoreError(f"Issued files missing or changed: {', '.join(damaged[:5])}")
