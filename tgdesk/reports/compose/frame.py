"""Around every outline: opening, header, closing, signature, recipients; the final pass."""

from __future__ import annotations

import dataclasses
import re

from tgdesk import vnformat as vf

from ..layout import break_line, max_left_mm
from ..model import Header, ReportData, Signature
from ..profile import Profile
from ..text import apply_uy_style, nfc
from .inputs import Inputs
from .words import parent_committee
from .writer import Writer


def opening(w: Writer, subject: str, basis_text: str | None = None) -> None:
    """The basis and purpose ("Thực hiện …; … báo cáo … như sau:"), then what the
    figures cover when the period is running or the records start late.
    ``basis_text``: the basis in place of the unit's reporting guidance."""
    default = f"{basis_text or basis(w.p, w.i)}; {w.full_name} báo cáo {subject} như sau:"
    w.text_or("opening", default)
    if w.i.cutoff is not None:
        w.para(f"(Số liệu tính đến {vf.long_date(w.i.cutoff)}.)")
    since, cur = w.i.data_since, w.i.current
    if since is None or since > cur.end:
        w.para(f"({w.within} chưa có số liệu được ghi nhận trong sổ theo dõi"
               + (f"; số liệu bắt đầu từ ngày {vf.short_date(since)}" if since else "")
               + ".)")
    elif not w.covered(cur):
        w.para(f"(Số liệu tính từ ngày {vf.short_date(since)}, ngày bắt đầu có dữ liệu.)")


_NUMBER_GAP = re.compile(r"(\bsố\s+)…\S*")     # "số …-HD/BTGDVTU"
_DATE_GAP = re.compile(r"(\bngày\s+)…")        # "ngày …"


def basis(profile: Profile, inp: Inputs) -> str:
    """The profile's "Thực hiện Hướng dẫn số …-HD/BTGDVTU ngày … của …" with the
    unit's guidance (number, date) in place of its "…" when the settings hold it."""
    text = profile.opening_basis.format(parent_committee=parent_committee(inp.unit))
    if inp.guidance_number:
        number = nfc(inp.guidance_number.strip())
        text = _NUMBER_GAP.sub(lambda m: m.group(1) + number, text, count=1)
    if inp.guidance_date:
        day = vf.short_date(inp.guidance_date)
        text = _DATE_GAP.sub(lambda m: m.group(1) + day, text, count=1)
    return text


def header(inp: Inputs, profile: Profile, number_text: str) -> Header:
    """Superior and issuing body (broken to fit beside the place and date), number, date."""
    unit = inp.unit
    place_date = f"{nfc(unit.place_name)}, {vf.long_date(inp.issued_on)}"
    limit = max_left_mm(profile, place_date)
    superior = (break_line(profile, nfc(unit.parent_name).upper(), "superior", limit)
                if profile.show_superior else "")
    issuer = break_line(profile, nfc(unit.name).upper(), "issuer", limit)
    return Header(superior=superior, issuer=issuer, number_text=number_text,
                  place_date=place_date, draft_mark=None)


def closing(w: Writer, subject: str) -> str:
    return w.texts.get("closing") or (f"Trên đây là báo cáo {subject} của "
                                      f"{w.full_name}{w.p.body_closing_end}")


def signature(inp: Inputs, profile: Profile) -> Signature:
    """"T/M ĐẢNG ỦY" in the profile's form ("TM." for the state), title and name."""
    unit = inp.unit
    authority = nfc(unit.signer_authority)
    for party_form, form in profile.authority_forms.items():
        if authority.startswith(party_form):
            authority = form + authority[len(party_form):]
            break
    return Signature(authority.upper(), nfc(unit.signer_title).upper(), nfc(unit.signer_name))


def recipients(w: Writer) -> tuple[str, ...]:
    """The officer's list (lines or a list) or the profile's, then the archive line."""
    profile = w.p
    recips = w.texts.get("recipients")
    if isinstance(recips, str):
        recips = [r for r in recips.splitlines() if r.strip()]
    if not recips:
        recips = [r.format(parent_committee=parent_committee(w.i.unit))
                  for r in profile.default_recipients]
    return tuple(f"- {r.strip().lstrip('-').strip().rstrip(',;.')}"
                 f"{profile.recipient_line_end}" for r in recips) + (profile.archive_line,)


def finalize(data: ReportData, profile: Profile) -> ReportData:
    """NFC and one ủy/uỷ style over every printed string."""
    def fix(value):
        if isinstance(value, str):
            return apply_uy_style(value, profile.uy_style)
        if isinstance(value, tuple):
            return tuple(fix(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{
                f.name: fix(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name not in ("meta", "profile", "widths", "align", "level")})
        return value
    return fix(data)
