"""What a report still leaves to fill before it can be issued.

The composer (reports/compose) writes a placeholder where only the officer
knows what to say: a paragraph in square brackets ("[Nêu hạn chế và nguyên
nhân.]", the same mark the report editor goes by), or "…" where a number or a
date belongs ("Hướng dẫn số …-HD/BTGDVTU ngày …" until the unit's settings give
the guidance a report cites). Issuing refuses while any is left unless the
officer says so (the window asks; the command line needs --allow-placeholders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tgdesk.reports.model import Bullet, Heading, Paragraph, ReportData

from .errors import UserError

#: Placeholders listed in a message; the rest are counted.
SHOWN = 10
#: A placeholder's text is cut to this many characters in a message.
TEXT_LIMIT = 90

OPENING = "Đoạn mở đầu"
CLOSING = "Đoạn kết"

# "…" (or "...") standing where a number, a date or a body belongs: "số …-HD/…",
# "ngày …", "của …", "…/BC-UBND". An ellipsis ending a list ("văn nghệ…") is not one.
_ELLIPSIS = r"(?:…|\.\.\.)"
_MISSING = re.compile(rf"(?:\b(?:số|ngày|của)\s*{_ELLIPSIS})|(?:{_ELLIPSIS}\s*[-/]\s*\w)",
                      re.IGNORECASE)
# what the unit's guidance setting fills ("Hướng dẫn số …-HD/… ngày …")
_GUIDANCE_GAP = re.compile(rf"\b(?:số|ngày)\s*{_ELLIPSIS}", re.IGNORECASE)
_ROMAN = re.compile(r"^\s*([IVXLC]+)\s*[.\-)]")


@dataclass(frozen=True)
class Placeholder:
    section: str      # where it is: "Đoạn mở đầu", "I.1. Công tác tham mưu, chỉ đạo"
    text: str         # the paragraph as printed
    hint: str = ""    # how to fill it, when not by writing in the section's box

    def line(self) -> str:
        """"Đoạn mở đầu: Thực hiện Hướng dẫn số …" (cut when long), with the hint."""
        text = self.text
        if len(text) > TEXT_LIMIT:          # cut at a word: "… loa truyền thanh,…"
            text = text[:TEXT_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return f"{self.section}: {text}" + (f" ({self.hint})" if self.hint else "")


GUIDANCE_HINT = "số và ngày hướng dẫn của cấp trên khai báo một lần ở trang “Cài đặt đơn vị”"


def is_placeholder(text: str) -> bool:
    """Whether a paragraph is (or holds) a placeholder."""
    stripped = text.strip()
    return stripped.startswith("[") or bool(_MISSING.search(stripped))


def _section_name(heading: Heading, parent: Heading | None) -> str:
    """A subsection is named with its part's numeral: "I.1. Công tác tham mưu, chỉ đạo"."""
    if heading.level >= 2 and parent is not None:
        roman = _ROMAN.match(parent.text)
        if roman:
            return f"{roman.group(1)}.{heading.text.strip()}"
    return heading.text.strip()


def find(data: ReportData) -> list[Placeholder]:
    """Every placeholder of the report's text, in reading order (the body, the
    closing, the recipients, the notes of the appendix)."""
    out: list[Placeholder] = []
    section, top = OPENING, None
    for block in data.body:
        if isinstance(block, Heading):
            if block.level <= 1:
                top = block
            section = _section_name(block, top)
        elif isinstance(block, (Paragraph, Bullet)) and is_placeholder(block.text):
            hint = GUIDANCE_HINT if section == OPENING and _GUIDANCE_GAP.search(block.text) else ""
            out.append(Placeholder(section, block.text.strip(), hint))
    if is_placeholder(data.closing):
        out.append(Placeholder(CLOSING, data.closing.strip()))
    out += [Placeholder(data.recipients_label.rstrip(":"), r.strip())
            for r in data.recipients if is_placeholder(r)]
    out += [Placeholder("Phụ lục", b.text.strip()) for b in data.appendix
            if isinstance(b, (Paragraph, Bullet)) and is_placeholder(b.text)]
    return out


def listing(items: list[Placeholder], shown: int = SHOWN) -> str:
    """One line a placeholder ("- section: text"), the first ``shown``; then how many more."""
    lines = [f"- {p.line()}" for p in items[:shown]]
    if len(items) > shown:
        lines.append(f"… và {len(items) - shown} chỗ khác.")
    return "\n".join(lines)


def summary(items: list[Placeholder]) -> str:
    """"Báo cáo còn 9 chỗ chưa điền:" and the list."""
    return f"Báo cáo còn {len(items)} chỗ chưa điền:\n{listing(items)}"


class PlaceholdersLeft(UserError):
    """Issuing refused: the report still holds placeholders (``items``)."""

    def __init__(self, items: list[Placeholder]):
        self.items = list(items)
        super().__init__(f"{summary(self.items)}\nChưa ban hành báo cáo: hãy điền các chỗ này "
                         "trước.")


def refuse(items: list[Placeholder]) -> None:
    """Raise PlaceholdersLeft when there are placeholders."""
    if items:
        raise PlaceholdersLeft(items)
