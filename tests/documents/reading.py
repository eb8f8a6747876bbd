"""Reading printed documents back: PDF text through poppler's pdftotext, DOCX through python-docx."""

import io
import subprocess
import tempfile
import unicodedata

import docx

WATERMARK = "DỰ THẢO"


def pdf_pages(data):
    """The text of each page in reading order, lines joined by single spaces."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        text = subprocess.run(
            ["pdftotext", "-raw", "-enc", "UTF-8", file.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [" ".join(unicodedata.normalize("NFC", page).split()) for page in pages]


def pdf_text(data):
    return " ".join(pdf_pages(data))


def positions(text, parts):
    """Where each part starts, each searched after the previous one; -1 when missing."""
    found, start = [], 0
    for part in parts:
        index = text.find(part, start)
        found.append(index)
        if index >= 0:
            start = index + len(part)
    return found


def missing_in_order(text, parts):
    """The parts that do not appear in this order (empty when all do)."""
    found, start = [], 0
    for part in parts:
        index = text.find(part, start)
        if index < 0:
            found.append(part)
        else:
            start = index + len(part)
    return found


def docx_document(data):
    return docx.Document(io.BytesIO(data))


def docx_lines(data):
    """Every paragraph's text, in the body and in tables, in document order."""
    document = docx_document(data)
    lines = []
    body = document.element.body
    for element in body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(docx.text.paragraph.Paragraph(element, document).text)
        elif tag == "tbl":
            table = docx.table.Table(element, document)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    lines += [paragraph.text for paragraph in cell.paragraphs]
    return [line for line in lines if line.strip()]


def pdf_words(data, page):
    """[(word, x_min, y_min, x_max, y_max)] of one page (1-based), in points from the top left."""
    import re

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        html = subprocess.run(
            ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), file.name, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(word, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, word in re.findall(pattern, html)]


def top_word(data, page):
    """The highest word of the page: where a page number stands."""
    return min(pdf_words(data, page), key=lambda word: word[2])
