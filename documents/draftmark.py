"""The "DỰ THẢO" mark of a draft PDF drawn as shapes, not text: `pdftotext` of a draft gives the
same text as the issued document, and a search in the PDF does not find the mark's letters.

The outlines are read from the printed font (Liberation Serif Bold, Times New Roman's metrics)
when a draft is printed; fontTools comes with WeasyPrint. Where the font cannot be read, the
print falls back to the mark as text.
"""

import functools
import math
import shutil
import subprocess
import unicodedata

from django.utils.html import format_html

FONT_PATTERN = "Liberation Serif:bold"
ANGLE = 30


@functools.lru_cache(maxsize=4)
def mark_svg(text):
    """An inline <svg> drawing the text's letters as paths, or "" when the font cannot be read."""
    outline = _outline(unicodedata.normalize("NFC", text))
    if outline is None:
        return ""
    path, width, ascent, descent = outline
    # Rotated 30° up to the right about its centre, inside a box that holds it whole.
    cos, sin = math.cos(math.radians(ANGLE)), math.sin(math.radians(ANGLE))
    height = ascent + descent
    box_width, box_height = width * cos + height * sin, width * sin + height * cos
    transform = (
        f"translate({box_width / 2:.0f},{box_height / 2:.0f}) rotate(-{ANGLE}) "
        f"translate({-width / 2:.0f},{(ascent - descent) / 2:.0f}) scale(1,-1)"
    )
    return format_html(
        '<svg class="doc-watermark-shape" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}">'
        '<path transform="{}" fill="#000000" fill-opacity="0.12" d="{}"/></svg>',
        f"{box_width:.0f}",
        f"{box_height:.0f}",
        transform,
        path,
    )


def _outline(text):
    try:
        from fontTools.pens.svgPathPen import SVGPathPen
        from fontTools.pens.transformPen import TransformPen
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - fontTools comes with WeasyPrint
        return None
    path = _font_file()
    if not path:
        return None
    try:
        font = TTFont(path)
    except Exception:  # noqa: BLE001 - an unreadable font file: print the mark as text instead
        return None
    cmap, glyphs = font.getBestCmap(), font.getGlyphSet()
    pen, x = SVGPathPen(glyphs), 0
    for char in text:
        name = cmap.get(ord(char))
        if name is None:
            return None
        glyphs[name].draw(TransformPen(pen, (1, 0, 0, 1, x, 0)))
        x += glyphs[name].width
    head = font["hhea"]
    return pen.getCommands(), x, head.ascent, -head.descent


def _font_file():
    if not shutil.which("fc-match"):
        return ""
    result = subprocess.run(["fc-match", "-f", "%{file}", FONT_PATTERN], capture_output=True, text=True, check=False)
    return result.stdout.strip()
