"""ReportData: the one input of both renderers.

Every string here is final text (numbers formatted, sections numbered, the
profile's wording applied). Renderers decide nothing about content, only the
layout, from the :class:`~tgdesk.reports.profile.Profile`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Header:
    superior: str                  # ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH
    issuer: str                    # ĐẢNG ỦY PHƯỜNG BÌNH TIÊN
    number_text: str               # "Số 15-BC/ĐU", or the draft form "Số     -BC/ĐU"
    place_date: str                # Bình Tiên, ngày 25 tháng 5 năm 2026
    draft_mark: str | None = None  # "Dự thảo" above the header, or None
    secrecy_mark: str | None = None  # "MẬT" under the number (quotes Mật notes), or None


@dataclass(frozen=True)
class TitleBlock:
    kind_name: str                 # BÁO CÁO
    summary_lines: tuple[str, ...]  # trích yếu, already broken into lines
    separator: str = "-----"


@dataclass(frozen=True)
class Heading:
    text: str                      # "I. KẾT QUẢ THỰC HIỆN", "1. Tham mưu, chỉ đạo"
    level: int = 1                 # 0: Phần (label + title, centred); 1, 2, 3
    label: str | None = None       # "Phần thứ nhất" for level 0


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullet:
    text: str                      # includes its "- " mark


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]      # fractions of the text width, summing to 1
    align: tuple[str, ...] = ()    # per column: left/center/right
    title: str | None = None       # centred above the table
    note: str | None = None        # italic line under the title


Block = Union[Heading, Paragraph, Bullet, Table]


@dataclass(frozen=True)
class Signature:
    authority: str                 # T/M ĐẢNG ỦY
    title: str                     # PHÓ BÍ THƯ
    name: str                      # Nguyễn Văn An


@dataclass(frozen=True)
class ReportData:
    profile: str                   # format profile name ("party", "state")
    header: Header
    title: TitleBlock
    body: tuple[Block, ...]
    closing: str                   # "Trên đây là báo cáo …"
    signature: Signature
    recipients_label: str          # "Nơi nhận:"
    recipients: tuple[str, ...]    # each "- …," ; the last "- Lưu Văn phòng Đảng ủy."
    appendix: tuple[Block, ...] = ()   # printed on a new page after the signature
    meta: dict = field(default_factory=dict)   # kind, period code…: not printed

    def all_text(self) -> list[str]:
        """Every printed string in reading order (tests, search)."""
        out = [self.header.superior, self.header.issuer, self.header.number_text,
               *([self.header.secrecy_mark] if self.header.secrecy_mark else []),
               self.header.place_date, self.title.kind_name, *self.title.summary_lines]
        for block in (*self.body, *self.appendix):
            if isinstance(block, Table):
                out += [c for row in (block.header, *block.rows) for c in row]
            elif isinstance(block, Heading):
                out += [t for t in (block.label, block.text) if t]
            else:
                out.append(block.text)
        out += [self.closing, self.signature.authority, self.signature.title,
                self.signature.name, self.recipients_label, *self.recipients]
        return out


_BLOCKS = {"heading": Heading, "paragraph": Paragraph, "bullet": Bullet, "table": Table}
_NAMES = {cls: name for name, cls in _BLOCKS.items()}


def _block_dict(block: Block) -> dict:
    d = {"type": _NAMES[type(block)], **{k: v for k, v in block.__dict__.items()}}
    return d


def _tuples(value):
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    return value


def _block(d: dict) -> Block:
    d = dict(d)
    cls = _BLOCKS[d.pop("type")]
    return cls(**{k: _tuples(v) for k, v in d.items()})


def to_json(data: ReportData) -> str:
    """The report as JSON (for the register of issued reports)."""
    import json

    return json.dumps({
        "version": 1, "profile": data.profile, "header": data.header.__dict__,
        "title": data.title.__dict__, "body": [_block_dict(b) for b in data.body],
        "closing": data.closing, "signature": data.signature.__dict__,
        "recipients_label": data.recipients_label, "recipients": list(data.recipients),
        "appendix": [_block_dict(b) for b in data.appendix], "meta": data.meta,
    }, ensure_ascii=False)


def from_json(text: str) -> ReportData:
    import json

    d = json.loads(text)
    return ReportData(
        profile=d["profile"], header=Header(**d["header"]),
        title=TitleBlock(**{k: _tuples(v) for k, v in d["title"].items()}),
        body=tuple(_block(b) for b in d["body"]), closing=d["closing"],
        signature=Signature(**d["signature"]), recipients_label=d["recipients_label"],
        recipients=tuple(d["recipients"]), appendix=tuple(_block(b) for b in d["appendix"]),
        meta=d.get("meta", {}))
