"""Backup and restore: the database and the uploaded files in one archive, restored into an empty database."""

import datetime
import hashlib
import tarfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from awards.models import AwardType
from congress.models import Congress, Person
from documents.backup import RestoreError, create_backup, restore_backup
from documents.layer import get_kind, record_for
from documents.models import IssuedVersion
from documents.services import issue_document, save_record
from planning.models import LeadCount, LeadItem, MonthCount, TopLevelCount, WorkItem
from tests.factories import TaskFactory, TaskPartyFactory, UserFactory

DAY = datetime.date(2020, 7, 17)
# Restoring empties tables as on a new machine: PostgreSQL truncates only outside a test's transaction,
# and the rows migrations loaded come back for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _own_media_and_fresh_content_types(settings, tmp_path):
    """This test's files only; restoring re-creates content types, whose cache must not outlive the test."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


@pytest.fixture
def issued(province, province_secretariat):
    schedule = save_record(record_for(get_kind("schedule"), province), by=None)
    first = issue_document(schedule, number=5, issued_on=DAY, by=province_secretariat)
    second = issue_document(schedule, number=6, issued_on=DAY, by=province_secretariat)
    return [first, second]


def on_a_new_machine(settings, tmp_path):
    """An empty, migrated database (what `make restore` runs migrate for) and an empty MEDIA_ROOT."""
    call_command("flush", "--noinput", verbosity=0)
    settings.MEDIA_ROOT = str(tmp_path / "new-media")


def tallies():
    """The dashboard's items and counts, which a backup leaves out and the database computes again
    on restore."""
    return (
        sorted(WorkItem.objects.values_list("item_id", "group_month", "status", "due_date")),
        sorted(LeadItem.objects.values_list("item_id", "organization_id", "phrase", "status")),
        sorted(MonthCount.objects.filter(n__gt=0).values_list("month", "status", "n")),
        sorted(LeadCount.objects.filter(n__gt=0).values_list("phrase", "status", "n")),
        sorted(TopLevelCount.objects.filter(n__gt=0).values_list("month", "n")),
    )


def digest(field):
    field.open("rb")
    try:
        return hashlib.sha256(field.read()).hexdigest()
    finally:
        field.close()


def test_a_backup_restored_into_an_empty_database_keeps_every_issued_document_intact(
    issued, province, settings, tmp_path
):
    UserFactory(username="vanphong")
    TaskFactory(congress=province).delete()  # the counts' own row ids move on from the tasks'
    TaskPartyFactory(task=TaskFactory(congress=province, deadline="Trong tháng 9/2020"))
    before = {
        "congresses": list(Congress.objects.values_list("name", flat=True)),
        "people": Person.objects.count(),
        "catalogue": AwardType.objects.count(),
        "issued": sorted(IssuedVersion.objects.values_list("number_text", "pdf_sha256", "docx_sha256")),
        "tallies": tallies(),
    }
    archive = create_backup(tmp_path / "backup.tar.gz")
    on_a_new_machine(settings, tmp_path)
    assert (Congress.objects.count(), IssuedVersion.objects.count()) == (0, 0)

    manifest = restore_backup(archive)

    after = {
        "congresses": list(Congress.objects.values_list("name", flat=True)),
        "people": Person.objects.count(),
        "catalogue": AwardType.objects.count(),
        "issued": sorted(IssuedVersion.objects.values_list("number_text", "pdf_sha256", "docx_sha256")),
        "tallies": tallies(),
    }
    assert after == before
    assert before["tallies"][0], "the congress has work to count"
    assert len(before["issued"]) == 2 and len(manifest["files"]) == 4
    for issue in IssuedVersion.objects.all():
        assert (digest(issue.pdf), digest(issue.docx)) == (issue.pdf_sha256, issue.docx_sha256)


def test_the_archive_holds_the_manifest_the_rows_and_the_files(issued, tmp_path):
    archive = create_backup(tmp_path / "backup.tar.gz")

    with tarfile.open(archive) as opened:
        names = opened.getnames()

    assert names[:2] == ["manifest.json", "database.jsonl"]
    assert sorted(name for name in names if name.startswith("media/documents/")) == sorted(
        f"media/{field.name}" for issue in issued for field in (issue.pdf, issue.docx)
    )


def test_restoring_into_a_database_that_holds_data_is_refused(issued, tmp_path):
    archive = create_backup(tmp_path / "backup.tar.gz")

    with pytest.raises(RestoreError, match="not empty"):
        restore_backup(archive)

    assert IssuedVersion.objects.count() == 2


def test_a_changed_issued_file_is_reported_after_a_restore(issued, settings, tmp_path):
    archive = create_backup(tmp_path / "backup.tar.gz")
    on_a_new_machine(settings, tmp_path)
    restore_backup(archive)
    issue = IssuedVersion.objects.first()
    with open(issue.pdf.path, "ab") as handle:
        handle.write(b"tampered")

    from documents.backup import check_issued_files

    with pytest.raises(RestoreError, match=issue.pdf.name):
        check_issued_files()
