"""Where the lines of a letterhead or a signature block break, as a person breaks them.

"ỦY BAN NHÂN DÂN / TỈNH NINH THUẬN", never "ỦY BAN NHÂN DÂN TỈNH NINH / THUẬN": a line breaks
between words, never inside a place name ("TỈNH NINH THUẬN", "TRUNG ƯƠNG"), a word pair
("THI ĐUA"), an ordinal ("LẦN THỨ VII") or a year ("- NĂM 2020"), and fills each line as far
as the column allows, measured with the printed font (Times New Roman's metrics: Liberation
Serif). Lines an author typed (a text with line breaks) are kept as typed.

Both renderers print each line as a paragraph of its own that does not wrap, so the PDF and the
DOCX (in Word and in LibreOffice) break the same way.
"""

import functools
import shutil
import subprocess
import unicodedata

# Place-unit words: the place name after them stays on their line.
PLACE_UNITS = {"TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG", "TRẤN", "PHỐ", "CỤM", "KHỐI"}
# Words that stay with the word after them.
GLUE_NEXT = {"LẦN", "THỨ", "NĂM", "KHÓA", "NHIỆM", "THÀNH", "THỊ", "TM.", "KT.", "Q.", "TL.", "TUQ.", "-", "–"}
# Word pairs a person never splits.
PAIRS = {
    "ỦY BAN",
    "NHÂN DÂN",
    "TỔ CHỨC",
    "ĐẠI HỘI",
    "THI ĐUA",
    "YÊU NƯỚC",
    "KHEN THƯỞNG",
    "HỘI ĐỒNG",
    "LIÊN ĐOÀN",
    "LAO ĐỘNG",
    "CÔNG ĐOÀN",
    "THƯỜNG VỤ",
    "HỘI NGHỊ",
    "ĐIỂN HÌNH",
    "TIÊN TIẾN",
    "CHỦ TỊCH",
    "TRƯỞNG BAN",
    "TRUNG ƯƠNG",
    "VIỆT NAM",
    "CHÍNH PHỦ",
    "VĂN PHÒNG",
    "BAN CHẤP",
    "CHẤP HÀNH",
    "CÔNG NHÂN",
    "VIÊN CHỨC",
    # regions in the names of clusters ("CỤM THI ĐUA CÁC TỈNH DUYÊN HẢI NAM TRUNG BỘ")
    "DUYÊN HẢI",
    "TRUNG BỘ",
    "NAM BỘ",
    "BẮC BỘ",
    "TÂY NGUYÊN",
    "MIỀN TRUNG",
    "MIỀN NÚI",
    "ĐỒNG BẰNG",
    "KINH TẾ",
    "TỔNG HỢP",
}
# Words that end a place name.
PLACE_END = {"LẦN", "NĂM", "KHÓA", "NHIỆM", "GIAI", "-", "–", "VÀ"}

MM_PER_PT = 25.4 / 72
SAFETY_MM = 1.5  # room left in a column, for the renderers' rounding
FONT_FILES = {
    (False, False): "Liberation Serif:regular",
    (True, False): "Liberation Serif:bold",
    (False, True): "Liberation Serif:italic",
}


def lines(text, *, width_mm, size=13, bold=False):
    """The lines of a heading-like text in a column `width_mm` wide at `size` pt."""
    text = unicodedata.normalize("NFC", text or "")
    typed = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if len(typed) != 1:
        return typed
    limit = width_mm - SAFETY_MM
    result, current = [], ""
    for chunk in _fitting(chunks(typed[0]), limit, size=size, bold=bold):
        candidate = f"{current} {chunk}".strip()
        if current and text_width_mm(candidate, size=size, bold=bold) > limit:
            result.append(current)
            current = chunk
        else:
            current = candidate
    if current:
        result.append(current)
    return result


def _fitting(pieces, limit, *, size, bold):
    """The chunks, each cut further where it is wider than the column: a long place name ("CỤM THI ĐUA CÁC
    TỈNH DUYÊN HẢI NAM TRUNG BỘ") breaks before the place inside it ("TỈNH …"), then between its word pairs,
    rather than running out of its column."""
    for piece in pieces:
        if text_width_mm(piece, size=size, bold=bold) <= limit:
            yield piece
            continue
        words = piece.split()
        inner = next((index for index, word in enumerate(words) if index and word in PLACE_UNITS), None)
        if inner is not None:
            yield from _fitting([" ".join(words[:inner]), " ".join(words[inner:])], limit, size=size, bold=bold)
        else:
            yield from _pairs(words)


def _pairs(words):
    """Words as a person may break them with no place name to keep whole: the word pairs and glued words stay."""
    result = []
    for index, word in enumerate(words):
        previous = words[index - 1] if index else ""
        if index and (previous.upper() in GLUE_NEXT or f"{previous.upper()} {word.upper()}" in PAIRS):
            result[-1] = f"{result[-1]} {word}"
        else:
            result.append(word)
    return result


def keep_places(text, *, longest=30):
    """The text with the spaces inside each short place name ("tỉnh Ninh Thuận") made non-breaking, so that a
    line of running text (an annex's reference) never breaks inside it; a longer one may still break."""
    pieces = chunks(text)
    kept = [
        piece.replace(" ", "\u00a0")
        if any(word.upper() in PLACE_UNITS for word in piece.split()[:2]) and len(piece) <= longest
        else piece
        for piece in pieces
    ]
    return " ".join(kept)


def fits(line_list, *, width_mm, size, bold=False):
    return all(text_width_mm(line, size=size, bold=bold) <= width_mm - SAFETY_MM for line in line_list)


def chunks(text):
    """The text cut where a line may break."""
    words = text.split()
    result, in_place = [], False
    for index, word in enumerate(words):
        previous = words[index - 1] if index else ""
        key = word.upper().rstrip(",;")
        glued = index > 0 and (
            previous.upper() in GLUE_NEXT
            or word in ("-", "–")
            or f"{previous.upper().rstrip(',')} {key}" in PAIRS
            or (in_place and key not in PLACE_END and not previous.endswith(","))
        )
        if glued:
            result[-1] = f"{result[-1]} {word}"
        else:
            result.append(word)
        if key in PLACE_UNITS:
            in_place = True
        elif key in PLACE_END or word.endswith(","):
            in_place = False
    return result


def text_width_mm(text, *, size, bold=False, italic=False):
    font = _font(bold, italic)
    if font is None:  # no font file: a generous estimate (capitals are wide)
        return len(text) * size * (0.72 if bold else 0.66) * MM_PER_PT
    return font.getlength(text) / 100 * MM_PER_PT * size / 10


@functools.lru_cache(maxsize=4)
def _font(bold, italic):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with WeasyPrint
        return None
    if not shutil.which("fc-match"):
        return None
    pattern = FONT_FILES.get((bold, italic), FONT_FILES[(False, False)])
    path = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True, check=False).stdout
    try:
        return ImageFont.truetype(path, 1000)
    except OSError:
        return None
