"""Every DOCX kind opened as a LibreOffice user opens it: converted to PDF by `soffice --headless`
(Debian's libreoffice-writer-nogui, installed by scripts/preflight.py for the tests), it has the
pages of the app's own PDF and a letterhead whose lines break where the PDF's do: the demo congress's kinds (its
documents, its board meetings', its honours round's) and the demo cluster's."""

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from documents.layer import all_kinds, letter_for, record_for, render_docx, render_pdf

pytestmark = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice: python3 scripts/preflight.py test")


# The kinds the demo congress must print, so that none drops out of the comparison unnoticed: the congress's own
# documents, its board meetings' and every award-side kind (the council's list, submission and minutes, the
# host's award decision with its annex list, the list of advanced models).
EXPECTED_KINDS = {
    "plan",
    "schedule",
    "founding-decision",
    "meeting-notice",
    "meeting-conclusions",
    "award-proposal-list",
    "award-submission",
    "award-decision",
    "advanced-models-list",
    "council-minutes",
    "cluster-score-summary",
    "cluster-minutes",
    "cluster-proposal",
    "cluster-pledge",
}


def soffice_pdfs(docx_files, directory):
    """{name: PDF bytes} of DOCX files {name: bytes}, converted in one LibreOffice run."""
    directory = Path(directory)
    for name, data in docx_files.items():
        (directory / f"{name}.docx").write_bytes(data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{directory / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(directory),
            *(str(directory / f"{name}.docx") for name in docx_files),
        ],
        capture_output=True,
        check=True,
        timeout=600,
        env={**os.environ, "HOME": str(directory)},
    )
    return {name: (directory / f"{name}.pdf").read_bytes() for name in docx_files}


def layout_pages(data):
    """Each page's lines as pdftotext -layout sets them (columns side by side), spaces squeezed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", file.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    pages = unicodedata.normalize("NFC", text).split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[" ".join(line.split()) for line in page.splitlines() if line.strip()] for page in pages]


def letterhead(page):
    """The letterhead's lines: the top of page 1 down to the line with the place and date."""
    for index, line in enumerate(page):
        if ", ngày " in line:
            return page[: index + 1]
    return page[:6]


def demo_documents(demo):
    """Every kind of the demo congress, and the cluster kinds of the demo cluster's review conferences."""
    from congress.models import Congress

    for kind in all_kinds():
        for owner in kind.owners(demo):
            yield kind, owner
    for conference in Congress.objects.filter(kind=Congress.Kind.CLUSTER_REVIEW):
        for kind in all_kinds():
            if kind.key.startswith("cluster-"):
                for owner in kind.owners(conference):
                    yield kind, owner


def test_every_docx_kind_opens_in_libreoffice_with_the_pdfs_pages_and_letterhead(demo, tmp_path):
    from demo import clusters
    from demo.awards import load_demo_awards

    load_demo_awards()  # the honours round: its list, submission, minutes, decision and advanced models
    clusters.load()  # the cluster's years: score summary, minutes, proposal letter, pledge
    pdfs, docx_files = {}, {}
    for kind, owner in demo_documents(demo):
        letter = letter_for(kind, owner, record_for(kind, owner), draft=False)
        name = f"{kind.key}-{owner.pk}"
        pdfs[name] = render_pdf(letter)
        docx_files[name] = render_docx(letter)
    office = soffice_pdfs(docx_files, tmp_path)
    if keep := os.environ.get("KEEP_PRINTS"):  # to look at the pages: KEEP_PRINTS=/some/dir
        for name, (pdf, _pages) in pdfs.items():
            Path(keep, f"{name}.pdf").write_bytes(pdf)
            Path(keep, f"{name}.lo.pdf").write_bytes(office[name])
    problems = []
    for name, (pdf, pages) in pdfs.items():
        theirs, ours = layout_pages(office[name]), layout_pages(pdf)
        if len(theirs) != pages:
            problems.append(f"{name}: {len(theirs)} pages in LibreOffice, {pages} in the PDF")
        if letterhead(theirs[0]) != letterhead(ours[0]):
            problems.append(f"{name}: letterhead {letterhead(theirs[0])} != {letterhead(ours[0])}")
    assert not problems, "\n".join(problems)
    assert {name.rsplit("-", 1)[0] for name in pdfs} >= EXPECTED_KINDS
