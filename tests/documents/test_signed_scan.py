"""A signed, stamped scan attached to an issued version becomes its official copy."""

import datetime
import hashlib
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from documents.layer import get_kind, record_for
from documents.services import issue_document, save_record

from .test_views import url


def scan_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def issued(province):
    record = save_record(record_for(get_kind("schedule"), province), by=None)
    return issue_document(record, number=3, issued_on=datetime.date(2020, 7, 17), by=None)


def test_the_secretariat_attaches_the_scan_and_it_becomes_the_official_copy(client_for, province, province_secretariat):
    issue = issued(province)
    client = client_for(province_secretariat)
    address = url("document_signed_scan", province, "schedule", None, 1)
    data = scan_pdf()

    assert client.get(address).status_code == 200
    response = client.post(address, {"scan": SimpleUploadedFile("ban-ky.pdf", data, "application/pdf")})

    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.signed_scan_sha256 == hashlib.sha256(data).hexdigest()
    page = client.get(url("document", province)).content.decode()
    assert "Bản chính thức (bản quét có chữ ký)" in page
    official = client.get(url("document_version_file", province, "schedule", None, 1, "pdf") + "?signed=1")
    assert b"".join(official.streaming_content) == data


def test_a_file_that_is_not_a_pdf_is_refused_in_vietnamese(client_for, province, province_secretariat):
    issue = issued(province)
    address = url("document_signed_scan", province, "schedule", None, 1)

    response = client_for(province_secretariat).post(
        address, {"scan": SimpleUploadedFile("ban-ky.pdf", b"PK\x03\x04 not a pdf", "application/pdf")}
    )

    assert response.status_code == 422
    assert "không phải là tệp PDF" in response.content.decode()
    issue.refresh_from_db()
    assert not issue.signed_scan


def test_a_stranger_gets_404_and_a_viewer_403_on_the_scan_page(client_for, province, stranger, province_viewer):
    issued(province)
    address = url("document_signed_scan", province, "schedule", None, 1)

    assert client_for(stranger).get(address).status_code == 404
    assert client_for(province_viewer).get(address).status_code == 403
    assert client_for(province_viewer).post(address).status_code == 403
