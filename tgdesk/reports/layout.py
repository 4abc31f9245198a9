"""Layout decisions shared by both renderers (so DOCX and PDF agree)."""

from __future__ import annotations

from .fonts import text_width
from .model import ReportData
from .profile import Profile

CELL_PAD_MM = 0.5          # left/right padding inside the header and footer cells
PT_TO_MM = 25.4 / 72


def _width_mm(profile: Profile, text: str, style: str) -> float:
    st = profile.style(style)
    shown = text.upper() if st.caps else text
    return text_width(profile, shown, st.size, st.bold, st.italic) * PT_TO_MM


def header_columns(data: ReportData, profile: Profile) -> tuple[float, float]:
    """(left, right) widths in mm of the header table.

    Start from the profile's ratio; widen the left column so that the issuing
    body (then the superior body) fits on one line, as long as every line of
    the right column still fits on one line.
    """
    total = profile.text_width_mm
    left = total * profile.header_left_ratio
    h = data.header
    right_need = max([_width_mm(profile, ln.text, ln.style) for ln in profile.right_lines]
                     + [_width_mm(profile, h.place_date, "date")]) + 2 * CELL_PAD_MM + 0.5
    max_left = total - right_need
    for text, style in ((h.issuer, "issuer"), (h.superior, "superior"),
                        (h.number_text, "number")):
        need = _width_mm(profile, text, style) + 2 * CELL_PAD_MM + 0.5
        if left < need <= max_left:
            left = need
    return left, total - left
