"""Format profiles: every number and wording rule of a document format, read
from ``resources/profiles/<name>.json`` (party: HD 36/HD 05; state: NĐ 30).

``load_profile("party", overrides)`` returns a frozen :class:`Profile`. The
values an office may need to correct (line spacing, recipient line ending,
ủy/uỷ, QĐ/QĐi, count padding, section numbering) can be overridden by a dict,
which the app stores per user.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tgdesk.paths import resources_dir

ALIGNMENTS = ("left", "center", "right", "justify")

#: Override keys a user may set, with a Vietnamese label each.
OVERRIDABLE = {
    "line_spacing_pt": "Giãn dòng chính xác (pt)",
    "recipient_line_end": "Dấu cuối dòng Nơi nhận (“,” hoặc “;”)",
    "uy_style": "Cách bỏ dấu “ủy”/“uỷ”",
    "regulation_abbrev": "Viết tắt Quy định (QĐ hoặc QĐi)",
    "count_padding": "Thêm số 0 trước số đếm dưới 10 (“07 ý kiến”)",
    "section_numbering": "Đánh số mục lớn (“I.” hoặc “I-”)",
    "archive_line": "Dòng lưu (cuối Nơi nhận)",
}


class ProfileError(ValueError):
    """A profile file or override that cannot be used; the message is Vietnamese."""


@dataclass(frozen=True)
class Style:
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False
    align: str = "left"
    first_line_indent_mm: float = 0
    line_spacing_pt: float | None = None     # None: single spacing
    space_before: float = 0
    space_after: float = 0


@dataclass(frozen=True)
class HeaderLine:
    text: str
    style: str
    rule: str | None = None                  # "text": a rule as long as the text


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    page_width_mm: float
    page_height_mm: float
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_distance_mm: float
    page_number_size: float
    page_number_from: int
    docx_font: str
    pdf_font_family: str
    pdf_font_files: dict[str, str]
    header_left_ratio: float
    right_lines: tuple[HeaderLine, ...]
    left_rule: float | None                  # fraction of the issuer text width, or None
    star: str | None
    header_blank_lines_after: int
    footer_left_ratio: float
    signature_blank_lines: int
    styles: dict[str, Style]
    line_spacing_min: float
    line_spacing_max: float
    number_format: str
    draft_number_format: str
    pad_number: bool
    section_numbering: str
    subsection_numbering: str
    uy_style: str
    recipient_line_end: str
    recipients_label: str
    archive_line: str
    count_padding: bool
    regulation_abbrev: str
    authority_forms: dict[str, str]
    body_closing_end: str
    default_recipients: tuple[str, ...] = ()
    show_superior: bool = True               # print the superior body's line (NĐ 30 UBND: no)
    title_separator: str = "-----"           # under the trích yếu ("" for none)
    title_rule: float | None = None          # or a rule, this fraction of the trích yếu width
    opening_basis: str = ""                  # "Thực hiện Hướng dẫn số …" (opening placeholder)
    document_types: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)

    def style(self, name: str) -> Style:
        try:
            return self.styles[name]
        except KeyError:
            raise ProfileError(f"Định dạng “{self.name}” thiếu kiểu chữ “{name}”.") from None

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    def format_number(self, n: int | None, doc_type: str, body: str) -> str:
        """"Số 15-BC/ĐU" (party) / "Số: 15/BC-UBND" (state); None gives the draft form."""
        if n is None:
            return self.draft_number_format.format(type=doc_type, body=body)
        text = f"{n:02d}" if self.pad_number else str(n)
        return self.number_format.format(n=text, type=doc_type, body=body)


def profiles_dir() -> Path:
    return resources_dir() / "profiles"


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.json"))


class _Reader:
    def __init__(self, data: dict, source: str):
        self.data, self.source = data, source

    def get(self, dotted: str, kind: type | tuple, default: Any = ...) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is not ...:
                    return default
                raise ProfileError(f"Tệp định dạng “{self.source}”: thiếu mục “{dotted}”.")
            node = node[part]
        if node is None and default is None:
            return None
        if kind is float:
            kind = (int, float)
        if not isinstance(node, kind) or (isinstance(node, bool) and kind != bool):
            raise ProfileError(f"Tệp định dạng “{self.source}”: mục “{dotted}” có giá trị "
                               f"không hợp lệ ({node!r}).")
        return node


def _style(name: str, raw: Any, source: str) -> Style:
    if not isinstance(raw, dict):
        raise ProfileError(f"Tệp định dạng “{source}”: kiểu chữ “{name}” phải là một bảng giá trị.")
    known = {f.name for f in dataclasses.fields(Style)}
    unknown = set(raw) - known
    if unknown:
        raise ProfileError(f"Tệp định dạng “{source}”: kiểu chữ “{name}” có mục lạ "
                           f"“{', '.join(sorted(unknown))}”.")
    try:
        style = Style(**raw)
    except TypeError as exc:
        raise ProfileError(f"Tệp định dạng “{source}”: kiểu chữ “{name}” sai: {exc}.") from exc
    if style.align not in ALIGNMENTS:
        raise ProfileError(f"Tệp định dạng “{source}”: kiểu chữ “{name}” có căn lề "
                           f"“{style.align}” không hợp lệ (left, center, right, justify).")
    if not 6 <= float(style.size) <= 30:
        raise ProfileError(f"Tệp định dạng “{source}”: cỡ chữ của “{name}” ({style.size}) "
                           "phải từ 6 đến 30.")
    return style


REQUIRED_STYLES = ("superior", "issuer", "number", "date", "kind", "summary", "separator", "body",
                   "bullet", "heading_part_label", "heading_part", "heading1", "heading2",
                   "heading3", "appendix_title", "appendix_note", "table_header", "table_cell",
                   "authority", "signer_title", "signer_name", "recipients_label", "recipient",
                   "draft_mark")


#: Styles a profile file may leave out, with the value used then.
OPTIONAL_STYLES = {
    # Độ mật under "Số" (report-format.md (a), component 10): 13-14 pt, CAPS, bold.
    "secrecy_mark": Style(size=14, bold=True, caps=True, align="center"),
}


def profile_from_dict(data: dict, source: str = "profile") -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(f"Tệp định dạng “{source}” phải chứa một bảng giá trị JSON.")
    r = _Reader(data, source)
    raw_styles = r.get("styles", dict)
    styles = {k: _style(k, v, source) for k, v in raw_styles.items()}
    lines = []
    for i, raw in enumerate(r.get("header.right_lines", list)):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) \
                or raw.get("style") not in styles:
            raise ProfileError(f"Tệp định dạng “{source}”: dòng tiêu đề thứ {i + 1} phải có "
                               "“text” và “style” là một kiểu chữ đã khai báo.")
        lines.append(HeaderLine(raw["text"], raw["style"], raw.get("rule")))
    if not lines:
        raise ProfileError(f"Tệp định dạng “{source}”: cần ít nhất một dòng tiêu đề.")
    for name, default in OPTIONAL_STYLES.items():
        styles.setdefault(name, default)
    missing = [s for s in REQUIRED_STYLES if s not in styles]
    if missing:
        raise ProfileError(f"Tệp định dạng “{source}”: thiếu kiểu chữ “{', '.join(missing)}”.")
    fonts = {k: r.get(f"fonts.pdf.{k}", str) for k in ("regular", "bold", "italic", "bold_italic")}
    profile = Profile(
        name=r.get("name", str), label=r.get("label", str),
        page_width_mm=r.get("page.width_mm", float), page_height_mm=r.get("page.height_mm", float),
        margin_top_mm=r.get("page.margins_mm.top", float),
        margin_bottom_mm=r.get("page.margins_mm.bottom", float),
        margin_left_mm=r.get("page.margins_mm.left", float),
        margin_right_mm=r.get("page.margins_mm.right", float),
        header_distance_mm=r.get("page.header_distance_mm", float),
        page_number_size=r.get("page.page_number.size", float),
        page_number_from=r.get("page.page_number.from_page", int),
        docx_font=r.get("fonts.docx", str), pdf_font_family=r.get("fonts.pdf.family", str),
        pdf_font_files=fonts,
        header_left_ratio=r.get("header.left_ratio", float), right_lines=tuple(lines),
        left_rule=r.get("header.left_rule", float, None), star=r.get("header.star", str, None),
        header_blank_lines_after=r.get("header.blank_lines_after", int, 1),
        footer_left_ratio=r.get("footer.left_ratio", float),
        signature_blank_lines=r.get("footer.signature_blank_lines", int),
        styles=styles,
        line_spacing_min=r.get("limits.line_spacing_pt.min", float),
        line_spacing_max=r.get("limits.line_spacing_pt.max", float),
        number_format=r.get("numbering.number", str),
        draft_number_format=r.get("numbering.draft_number", str),
        pad_number=r.get("numbering.pad_number", bool),
        section_numbering=r.get("numbering.section", str),
        subsection_numbering=r.get("numbering.subsection", str),
        uy_style=r.get("wording.uy_style", str),
        recipient_line_end=r.get("wording.recipient_line_end", str),
        recipients_label=r.get("wording.recipients_label", str),
        archive_line=r.get("wording.archive_line", str),
        count_padding=r.get("wording.count_padding", bool),
        regulation_abbrev=r.get("wording.regulation_abbrev", str),
        authority_forms=r.get("wording.authority_forms", dict),
        body_closing_end=r.get("wording.body_closing_end", str),
        default_recipients=tuple(str(x) for x in r.get("wording.default_recipients", list, [])),
        show_superior=r.get("header.show_superior", bool, True),
        title_separator=r.get("title.separator", str, "-----"),
        title_rule=r.get("title.rule", float, None),
        opening_basis=r.get("wording.opening_basis", str,
                            "Thực hiện Hướng dẫn số …-HD/BTGDVTU ngày … của Ban Tuyên giáo và "
                            "Dân vận {parent_committee} về chế độ thông tin, báo cáo"),
        document_types=r.get("abbreviations.document_types", dict, {}) or {},
        bodies=r.get("abbreviations.bodies", dict, {}) or {},
    )
    _check(profile, source)
    return profile


def _check(p: Profile, source: str) -> None:
    def bad(msg: str) -> ProfileError:
        return ProfileError(f"Tệp định dạng “{source}”: {msg}")

    if not (100 <= p.page_width_mm <= 500 and 100 <= p.page_height_mm <= 500):
        raise bad("khổ giấy không hợp lệ.")
    for label, v in (("trên", p.margin_top_mm), ("dưới", p.margin_bottom_mm),
                     ("trái", p.margin_left_mm), ("phải", p.margin_right_mm)):
        if not 5 <= v <= 50:
            raise bad(f"lề {label} ({v} mm) phải từ 5 đến 50 mm.")
    for label, v in (("đầu trang", p.header_left_ratio), ("cuối trang", p.footer_left_ratio)):
        if not 0.2 <= v <= 0.8:
            raise bad(f"tỷ lệ cột trái của bảng {label} ({v}) phải từ 0,2 đến 0,8.")
    if p.uy_style not in ("ủy", "uỷ"):
        raise bad("cách bỏ dấu phải là “ủy” hoặc “uỷ”.")
    if p.recipient_line_end not in (",", ";"):
        raise bad("dấu cuối dòng Nơi nhận phải là “,” hoặc “;”.")
    if p.regulation_abbrev not in ("QĐ", "QĐi"):
        raise bad("viết tắt Quy định phải là “QĐ” hoặc “QĐi”.")
    if "{roman}" not in p.section_numbering:
        raise bad("cách đánh số mục lớn phải chứa “{roman}”, ví dụ “{roman}.”.")
    if not p.line_spacing_min <= p.style("body").line_spacing_pt <= p.line_spacing_max:
        raise bad(f"giãn dòng phải từ {p.line_spacing_min:g} đến {p.line_spacing_max:g} pt.")
    if p.title_rule is not None and not 0.1 <= p.title_rule <= 1:
        raise bad("độ dài đường kẻ dưới trích yếu phải từ 0,1 đến 1 lần dòng chữ.")
    for key in ("{n}", "{type}", "{body}"):
        if key not in p.number_format:
            raise bad(f"mẫu số văn bản phải chứa “{key}”.")


_SPACED = ("body", "bullet", "heading_part_label", "heading_part", "heading1", "heading2",
           "heading3")


def apply_overrides(profile: Profile, overrides: dict | None) -> Profile:
    """Apply the user's corrections; unknown keys or bad values raise ProfileError."""
    if not overrides:
        return profile
    unknown = set(overrides) - set(OVERRIDABLE)
    if unknown:
        raise ProfileError(f"Không có thiết lập định dạng “{', '.join(sorted(unknown))}”.")
    changes: dict[str, Any] = {}
    for key, value in overrides.items():
        if key == "line_spacing_pt":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ProfileError("Giãn dòng phải là một số (pt).")
            styles = dict(profile.styles)
            for name in _SPACED:
                if name in styles:
                    styles[name] = dataclasses.replace(styles[name], line_spacing_pt=float(value))
            changes["styles"] = styles
        elif key == "count_padding":
            if not isinstance(value, bool):
                raise ProfileError("Thiết lập thêm số 0 phải là đúng hoặc sai.")
            changes[key] = value
        elif key == "section_numbering":
            if value in ("I.", "I-"):
                value = "{roman}" + value[1]
            changes[key] = value
        else:
            if not isinstance(value, str):
                raise ProfileError(f"Thiết lập “{OVERRIDABLE[key]}” phải là chữ.")
            changes[key] = value
    result = dataclasses.replace(profile, **changes)
    _check(result, f"{profile.name} (thiết lập của người dùng)")
    return result


def load_profile(name: str = "party", overrides: dict | None = None,
                 directory: Path | None = None) -> Profile:
    """Read ``<name>.json`` from the profiles folder and apply ``overrides``."""
    folder = directory or profiles_dir()
    path = folder / f"{name}.json"
    if not name or "/" in name or "\\" in name or not path.is_file():
        names = ", ".join(available_profiles()) or "không có"
        raise ProfileError(f"Không có định dạng văn bản “{name}” (có: {names}).")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ProfileError(f"Tệp định dạng “{path.name}” hỏng ở dòng {exc.lineno}: "
                           f"{exc.msg}.") from exc
    except OSError as exc:
        raise ProfileError(f"Không đọc được tệp định dạng “{path}”: {exc.strerror}.") from exc
    return apply_overrides(profile_from_dict(data, path.name), overrides)
