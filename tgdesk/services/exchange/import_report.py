"""What an import of packages reports: per package what it did (or would do),
the packages refused whole, and the likely duplicates found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tgdesk.domain.exchange import UnitSummary
from tgdesk.domain.text import printable

from ..duplicates import Duplicate, summary_lines


@dataclass
class ImportReport:
    dry_run: bool
    summaries: list[UnitSummary] = field(default_factory=list)
    refused_packages: list[tuple[str, str]] = field(default_factory=list)
    backup: Path | None = None
    package_ids: list[str] = field(default_factory=list)
    # one list per summary: its received records that repeat what the same unit
    # sent before (services/duplicates.py); skipped unless kept
    duplicates: list[list[Duplicate]] = field(default_factory=list)
    kept_duplicates: bool = False

    @property
    def ok(self) -> bool:
        return not self.refused_packages

    def duplicate_count(self) -> int:
        return sum(len(d) for d in self.duplicates)

    def text(self) -> str:
        head = ("THỬ NHẬP (không thay đổi dữ liệu) — nếu nhập thật sẽ:" if self.dry_run
                else "Kết quả nhập gói:")
        lines = [head]
        for n, s in enumerate(self.summaries):
            lines.append(s.text())
            found = self.duplicates[n] if n < len(self.duplicates) else []
            lines += ["  " + line for line in summary_lines(found, self.kept_duplicates, "gói",
                                                            shown=20)]
        for name, reason in self.refused_packages:
            lines.append(f"Gói “{name}” bị từ chối: {reason}")
        if self.backup:
            lines.append(f"Bản sao cơ sở dữ liệu trước khi nhập: {self.backup}")
        return printable("\n".join(lines))      # a file name may not be valid text
