"""Layout decisions shared by the composer and both renderers (so DOCX and PDF agree)."""

from __future__ import annotations

from .fonts import text_width
from .model import ReportData
from .profile import Profile

CELL_PAD_MM = 0.5          # left/right padding inside the header and footer cells
PT_TO_MM = 25.4 / 72
SINGLE = 1.15              # single line height / font size (Times New Roman, Word and reportlab)
RULE_GAP_PT = 3.0          # height a drawn rule takes under its line (PDF)


def width_mm(profile: Profile, text: str, style: str) -> float:
    """Width of the widest line of ``text`` (lines split on "\\n") in ``style``."""
    st = profile.style(style)
    return max(text_width(profile, (ln.upper() if st.caps else ln), st.size, st.bold, st.italic)
               for ln in (text or "").split("\n")) * PT_TO_MM


def _right_need(profile: Profile, place_date: str) -> float:
    return max([width_mm(profile, ln.text, ln.style) for ln in profile.right_lines]
               + [width_mm(profile, place_date, "date")]) + 2 * CELL_PAD_MM + 0.5


def max_left_mm(profile: Profile, place_date: str) -> float:
    """The widest the left header column may be while every right line fits."""
    return profile.text_width_mm - _right_need(profile, place_date)


def break_line(profile: Profile, text: str, style: str, limit_mm: float) -> str:
    """``text`` unchanged if it fits ``limit_mm``; else broken into two lines at the
    word boundary that makes the longer line shortest ("ỦY BAN NHÂN DÂN\\nPHƯỜNG BÌNH TIÊN")."""
    words = text.split()
    if len(words) < 2 or width_mm(profile, text, style) + 2 * CELL_PAD_MM + 0.5 <= limit_mm:
        return text
    best = min(range(1, len(words)), key=lambda k: max(
        width_mm(profile, " ".join(words[:k]), style), width_mm(profile, " ".join(words[k:]), style)))
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def header_columns(data: ReportData, profile: Profile) -> tuple[float, float]:
    """(left, right) widths in mm of the header table.

    Start from the profile's ratio; widen the left column so that the issuing
    body (then the superior body) fits on one line, as long as every line of
    the right column still fits on one line.
    """
    total = profile.text_width_mm
    left = total * profile.header_left_ratio
    h = data.header
    max_left = max_left_mm(profile, h.place_date)
    for text, style in ((h.issuer, "issuer"), (h.superior, "superior"),
                        (h.number_text, "number")):
        if not text:
            continue
        need = width_mm(profile, text, style) + 2 * CELL_PAD_MM + 0.5
        if left < need <= max_left:
            left = need
    return left, total - left


def line_pt(profile: Profile, style: str, text: str = "x") -> float:
    """Height in points of ``text`` set single-spaced in ``style``."""
    return profile.style(style).size * SINGLE * max(1, len((text or "x").split("\n")))


def date_space_before(data: ReportData, profile: Profile, left_rule_pt: float,
                      right_rule_pt: float) -> float:
    """Space (pt) above the date line so that it sits level with the "Số" line.

    ``left_rule_pt`` / ``right_rule_pt``: the height the rule under the issuing body /
    under a right-column line adds in the renderer.
    """
    h, p = data.header, profile
    left = (line_pt(p, "superior", h.superior) if h.superior else 0) + \
        line_pt(p, "issuer", h.issuer)
    if p.left_rule:
        left += left_rule_pt
    if p.star:
        left += line_pt(p, "star")
    right = sum(line_pt(p, ln.style) + (right_rule_pt if ln.rule == "text" else 0)
                for ln in p.right_lines)
    # level baselines: the number and date styles may differ in size
    left += line_pt(p, "number") - line_pt(p, "date")
    return max(0.0, left - right)
