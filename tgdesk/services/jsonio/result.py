"""What a JSON import reports: the records added and warnings, or every error found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.text import printable

from ..duplicates import Duplicate, summary_lines
from ..errors import UserError
from .specs import SPEC_BY_KIND, SPECS

MAX_ERRORS = 50


@dataclass
class ImportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)    # kind -> records added
    reused: dict[str, int] = field(default_factory=dict)    # catalogue rows already present
    warnings: list[str] = field(default_factory=list)
    backup: Path | None = None                               # copy taken before writing
    duplicates: list[Duplicate] = field(default_factory=list)   # likely duplicates found
    kept_duplicates: bool = False                            # … and written all the same
    dry_run: bool = False                                    # nothing was written

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        parts = [f"{vf.number(self.counts[s.kind])} {s.noun}" for s in SPECS
                 if self.counts.get(s.kind)]
        done = "Sẽ nhập" if self.dry_run else "Đã nhập"
        if parts:
            out = f"{done} từ tệp “{self.path.name}”: {', '.join(parts)}."
        else:
            out = f"Tệp “{self.path.name}” không có bản ghi mới nào để nhập."
        if self.dry_run:
            out = "THỬ NHẬP (không thay đổi dữ liệu):\n" + out
        reused = [f"{vf.number(n)} {SPEC_BY_KIND[k].noun}" for k, n in self.reused.items() if n]
        if reused:
            out += f"\nĐã có sẵn trong danh mục, dùng lại: {', '.join(reused)}."
        if self.warnings:
            out += f"\nLưu ý ({vf.number(len(self.warnings))}):"
            out += "".join(f"\n  – {w}" for w in self.warnings[:30])
            if len(self.warnings) > 30:
                out += f"\n  … và {vf.number(len(self.warnings) - 30)} lưu ý khác."
        for line in summary_lines(self.duplicates, self.kept_duplicates):
            out += "\n" + line
        return printable(out)      # a file name may not be valid text


class Errors:
    """Every error found, the first ``MAX_ERRORS`` of them kept to show."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.total = 0

    def add(self, line: str) -> None:
        self.total += 1
        if len(self.lines) < MAX_ERRORS:
            self.lines.append(line)

    def raise_if_any(self, path: Path) -> None:
        if not self.total:
            return
        head = (f"Không nhập tệp “{path.name}”: có {vf.number(self.total)} lỗi, "
                "chưa bản ghi nào được thêm.")
        more = self.total - len(self.lines)
        tail = [f"… và {vf.number(more)} lỗi khác."] if more > 0 else []
        raise UserError("\n".join([head, *self.lines, *tail]))
