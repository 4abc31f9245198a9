"""Every light box the window paints itself (a style sheet with a background)
also sets its text colour: under a dark system palette a box that takes its
text colour from the palette shows white on near-white (the key fingerprint
once did; tests/ui/exchange/test_fingerprint_contrast.py measures that one).
Read from the source: each setStyleSheet(...) literal with a background names a
colour too, except boxes that hold no text (the report preview's page frames)."""

from __future__ import annotations

import ast
from pathlib import Path

import tgdesk

UI = Path(tgdesk.__file__).parent / "ui"
NO_TEXT = {("reports/report_preview.py", "background: #8a8f96;"),   # around the page images
           ("reports/report_preview.py", "background: white;")}       # a page image


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None or right is None else left + right
    return None


def style_sheets() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "setStyleSheet" and node.args):
                text = _literal(node.args[0])
                if text is not None:
                    out.append((str(path.relative_to(UI)), node.lineno, text))
    return out


def test_the_scan_finds_the_style_sheets():
    found = style_sheets()
    assert len(found) >= 10
    assert any("background" in text for _f, _n, text in found)


def test_every_background_comes_with_a_text_colour():
    missing = [f"{f}:{n}: {text}" for f, n, text in style_sheets()
               if "background" in text and "color:" not in text.replace("background-color:", "")
               and (f, text) not in NO_TEXT]
    assert missing == []
