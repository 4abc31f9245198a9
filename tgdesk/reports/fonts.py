"""The embedded PDF font (Liberation Serif, metric-compatible with Times New
Roman) and text widths, which both renderers use to size the title rule."""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tgdesk.paths import resources_dir

from .profile import Profile, ProfileError

_FACES = (("regular", "", 0, 0), ("bold", "-Bold", 1, 0), ("italic", "-Italic", 0, 1),
          ("bold_italic", "-BoldItalic", 1, 1))


@lru_cache(maxsize=8)
def _register(family: str, files: tuple[tuple[str, str], ...]) -> str:
    folder = resources_dir() / "fonts"
    paths = dict(files)
    for key, suffix, bold, italic in _FACES:
        path = folder / paths[key]
        if not path.is_file():
            raise ProfileError(f"Thiếu tệp phông chữ “{path}”. Hãy cài lại chương trình.")
        name = family + suffix
        pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(family, bold, italic, name)
    return family


def register_fonts(profile: Profile) -> str:
    """Register the profile's PDF font family (once); return the family name."""
    return _register(profile.pdf_font_family, tuple(sorted(profile.pdf_font_files.items())))


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    return family + {(0, 0): "", (1, 0): "-Bold", (0, 1): "-Italic",
                     (1, 1): "-BoldItalic"}[(int(bold), int(italic))]


def text_width(profile: Profile, text: str, size: float, bold: bool = False,
               italic: bool = False) -> float:
    """Width in points of ``text`` set in the profile's font (Times metrics)."""
    family = register_fonts(profile)
    return pdfmetrics.stringWidth(text, font_name(family, bold, italic), size)
