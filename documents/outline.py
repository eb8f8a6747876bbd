"""A document whose author writes its sections (a plan): parts, items and points, numbered when printed.

Each section has a level: 0 is text without a heading (the legal bases, a preamble, a closing),
1 a part "I.", 2 an item "1.", 3 a point "a)"; its text holds paragraphs and "- " / "+ " lines.
Numbers are never typed: they are computed from the order and the levels, and restart under
each parent. A section with no text and nothing printed under it does not print and takes no
number ("III. (BỎ TRỐNG)" never appears); an item or a point is printed for its heading alone.

`explode` turns a text written in the older shape (one section per part, "1." and "a)" typed
inside it) into this one; the data migration and the kinds' defaults both use it.
"""

from dataclasses import dataclass

from . import liststyle
from .blocks import Heading, text_blocks
from .emphasis import bold

PART, ITEM, POINT = 1, 2, 3
LETTERS = "abcdefghiklmnopqrstuvxy"  # Vietnamese lists skip j, w, z


@dataclass(frozen=True)
class OutlineSection:
    key: str
    level: int
    heading: str
    text: str


def explode(key, heading, text):
    """One older-shape section (a part with typed "1." / "a)" lines) as outline sections."""
    if not heading:
        return [OutlineSection(key, 0, "", text)]
    sections = [[key, PART, heading, []]]
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        kind, content = liststyle.read_line(line)
        if kind in (liststyle.NUMBERED, liststyle.LETTERED):
            level = ITEM if kind == liststyle.NUMBERED else POINT
            typed = content.split(" ", 1)
            rest = typed[1] if len(typed) > 1 else ""
            sections.append([f"{key}-{len(sections)}", level, _marked_lead_in(rest), []])
        else:
            sections[-1][3].append(line.strip())
    return [OutlineSection(k, level, head, "\n".join(lines)) for k, level, head, lines in sections]


def _marked_lead_in(text):
    """The bold an older text printed by itself up to a colon ("Thời gian:"), written as the author's."""
    colon = text.find(":")
    if 0 < colon < 80 and "**" not in text:
        return bold(text[: colon + 1]) + text[colon + 1 :]
    if len(text) <= 80 and not text.endswith((".", ";")) and "**" not in text:
        return bold(text)
    return text


def printed(sections):
    """The sections that print: those with text or with a printed section under them, and items and
    points with a heading."""
    keep = [False] * len(sections)
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section.level == 0:
            keep[index] = bool(section.text.strip())
            continue
        below = False
        for later in range(index + 1, len(sections)):
            if sections[later].level == 0 or sections[later].level <= section.level:
                break
            below = below or keep[later]
        # An item or a point is a line of its own ("1. Khai mạc."); a part prints only over something.
        keep[index] = bool(section.text.strip()) or below or (section.level > PART and bool(section.heading.strip()))
    return [section for section, wanted in zip(sections, keep, strict=True) if wanted]


def numbers(sections):
    """The printed number of each section ("I.", "1.", "a)", "" for text), restarting under each parent."""
    counters, result = [0, 0, 0, 0], []
    for section in sections:
        level = section.level
        if level == 0:
            result.append("")
            continue
        counters[level] += 1
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
        if level == PART:
            result.append("")  # the layer prints the Roman numeral of a part (documents.layer.number_parts)
        elif level == ITEM:
            result.append(f"{counters[level]}.")
        else:
            result.append(f"{LETTERS[(counters[level] - 1) % len(LETTERS)]})")
    return result


def outline_blocks(sections, fill=lambda text: text, body=lambda section, text: text_blocks(text)):
    """Print blocks of the sections: empty ones left out, numbers computed; `fill` fills in the facts
    and `body(section, text)` sets a section's text (the legal bases are italic)."""
    shown = printed(sections)
    blocks = []
    for section, number in zip(shown, numbers(shown), strict=True):
        if section.level == PART:
            blocks.append(Heading(1, fill(section.heading)))
        elif section.level:
            heading = fill(section.heading)
            # A heading the author set bold from its first word takes its number in bold too: "**1. Mục đích**".
            shown = f"**{number}** {heading}" if heading.startswith("**") else f"{number} {heading}"
            blocks.append(Heading(section.level, shown.strip()))
        blocks += body(section, fill(section.text))
    return blocks


CLOSING_OPENINGS = ("Trên đây", "Trong quá trình")


def from_typed_text(text):
    """A whole plan typed as Word prints it ("Căn cứ …", "I. …", "1. …", "a) …", "- …", "Trên đây là …")
    as outline sections: the typed numbers become levels. The demo loads seeds 001 and 003 so."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    bases = []
    while lines and lines[0].startswith("Căn cứ") and not lines[0].endswith(":"):
        bases.append(lines.pop(0))
    closing = []
    while lines and lines[-1].startswith(CLOSING_OPENINGS):
        closing.insert(0, lines.pop())
    sections = [["bases", 0, "", bases], ["preamble", 0, "", []]]
    levels = {liststyle.PART: PART, liststyle.NUMBERED: ITEM, liststyle.LETTERED: POINT}
    for line in lines:
        kind, _content = liststyle.read_line(line)
        if kind in levels:
            heading = line.split(" ", 1)[1] if " " in line else ""
            sections.append([f"section-{len(sections)}", levels[kind], heading, []])
        else:
            sections[-1][3].append(line)
    sections.append(["closing", 0, "", closing])
    return [OutlineSection(key, level, heading, "\n".join(body)) for key, level, heading, body in sections]
