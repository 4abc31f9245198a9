"""Render resources/icons/tgdesk.svg (the source, edited by hand) into the files the
program and the installers use: tgdesk.png (256 px, the window icon) and tgdesk.ico
(16-256 px, the Windows programs, installer and shortcuts). Run after editing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs one
    renderer = QSvgRenderer(str(ICONS / "tgdesk.svg"))
    if not renderer.isValid():
        print("tgdesk.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    images[256].save(ICONS / "tgdesk.png")
    images[256].save(ICONS / "tgdesk.ico", sizes=[(s, s) for s in SIZES],
                     append_images=[images[s] for s in SIZES[:-1]])
    print(f"wrote {ICONS / 'tgdesk.png'} and {ICONS / 'tgdesk.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
