"""Render a ReportData as a PDF (reportlab platypus) laid out by a Profile.

Same content and order as the DOCX. Every string is NFC-normalised before it
reaches reportlab, which does no shaping of combining marks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, PageBreak,
                                PageTemplate, Spacer,
                                Table as RLTable, TableStyle)
from reportlab.platypus import Paragraph as RLParagraph

from .fonts import font_name, register_fonts, text_width
from .layout import CELL_PAD_MM, date_space_before, header_columns
from .model import Bullet, Heading, Paragraph, ReportData, Table
from .profile import Profile, Style
from .text import nfc

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
RULE_PT = 0.75
RULE_GAP = 4                # a drawn rule's flowable is RULE_PT + RULE_GAP high
CELL_PAD = CELL_PAD_MM * mm


class _Rule(Flowable):
    """A solid rule of a given width, centred in the space it is given."""

    def __init__(self, width: float, thickness: float = RULE_PT):
        super().__init__()
        self.rule_width, self.thickness = width, thickness

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.thickness + RULE_GAP

    def draw(self):
        x0 = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, 1, x0 + self.rule_width, 1)


class _Builder:
    def __init__(self, data: ReportData, profile: Profile):
        self.data, self.p = data, profile
        self.family = register_fonts(profile)
        self.width = profile.text_width_mm * mm
        self._styles: dict[tuple, ParagraphStyle] = {}

    def pstyle(self, name: str, single: bool = False, align: str | None = None) -> ParagraphStyle:
        key = (name, single, align)
        if key in self._styles:
            return self._styles[key]
        st: Style = self.p.style(name)
        leading = st.line_spacing_pt if (st.line_spacing_pt and not single) else st.size * 1.15
        ps = ParagraphStyle(
            f"{name}-{single}-{align}", fontName=font_name(self.family, st.bold, st.italic),
            fontSize=st.size, leading=leading, alignment=_ALIGN[align or st.align],
            firstLineIndent=st.first_line_indent_mm * mm,
            spaceBefore=0 if single else st.space_before,
            spaceAfter=0 if single else st.space_after, allowWidows=0, allowOrphans=0)
        self._styles[key] = ps
        return ps

    def para(self, text: str, name: str, single: bool = False, align: str | None = None,
             space_before: float | None = None):
        st = self.p.style(name)
        shown = nfc(text.upper() if st.caps else text)
        markup = "<br/>".join(re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group()), escape(ln))
                              for ln in shown.split("\n")) if shown else "&nbsp;"
        if st.underline:
            markup = f"<u>{markup}</u>"
        style = self.pstyle(name, single, align)
        if space_before is not None:
            style = ParagraphStyle(f"{style.name}-sb{space_before}", parent=style,
                                   spaceBefore=space_before)
        return RLParagraph(markup, style)

    def rule(self, text: str, name: str, fraction: float = 1.0) -> Flowable:
        """A rule as long as the widest line of ``text`` (times ``fraction``)."""
        st = self.p.style(name)
        w = max(text_width(self.p, nfc(ln.upper() if st.caps else ln), st.size, st.bold,
                           st.italic) for ln in text.split("\n")) * fraction
        return _Rule(w)

    def cell_table(self, ratios, cells, valign="TOP", borders=False, header_rows=0):
        widths = [self.width * r for r in ratios]
        table = RLTable(cells, colWidths=widths, repeatRows=header_rows)
        cmds = [("VALIGN", (0, 0), (-1, -1), valign),
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 0 if not borders else 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0 if not borders else 3)]
        if borders:
            cmds.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        table.setStyle(TableStyle(cmds))
        return table

    # --- parts ---------------------------------------------------------------
    def header(self) -> list:
        h, p = self.data.header, self.p
        out: list = []
        if h.draft_mark:
            out.append(self.para(h.draft_mark, "draft_mark", single=True))
        left = [self.para(h.superior, "superior", True)] if h.superior else []
        left.append(self.para(h.issuer, "issuer", True))
        if p.left_rule:
            left.append(self.rule(h.issuer, "issuer", p.left_rule))
        if p.star:
            left.append(self.para(p.star, "star", True))
        left.append(self.para(h.number_text, "number", True))
        if h.secrecy_mark:
            left.append(self.para(h.secrecy_mark, "secrecy_mark", True))
        right: list = []
        for line in p.right_lines:
            right.append(self.para(line.text, line.style, True))
            if line.rule == "text":
                right.append(self.rule(line.text, line.style))
        # the date sits level with "Số" on the left
        right.append(self.para(h.place_date, "date", True,
                               space_before=date_space_before(self.data, p, RULE_PT + RULE_GAP,
                                                              RULE_PT + RULE_GAP)))
        ratio = header_columns(self.data, p)[0] / p.text_width_mm
        out.append(self.cell_table((ratio, 1 - ratio), [[left, right]]))
        for _ in range(p.header_blank_lines_after):
            out.append(self.para("", "body", True))
        return out

    def title(self) -> list:
        t = self.data.title
        items = [self.para(t.kind_name, "kind")]
        items += [self.para(line, "summary", True) for line in t.summary_lines]
        if t.separator:
            items.append(self.para(t.separator, "separator"))
        elif self.p.title_rule:   # NĐ 30: a short rule under the trích yếu
            items += [self.rule("\n".join(t.summary_lines), "summary", self.p.title_rule),
                      Spacer(1, self.p.style("separator").space_after)]
        return [KeepTogether(items)]

    def blocks(self, blocks) -> list:
        out: list = []
        pending: list = []      # headings stay with what follows them
        for block in blocks:
            if isinstance(block, Heading):
                if block.level == 0:
                    if block.label:
                        pending.append(self.para(block.label, "heading_part_label"))
                    pending.append(self.para(block.text, "heading_part"))
                else:
                    pending.append(self.para(block.text, f"heading{min(block.level, 3)}"))
                continue
            if isinstance(block, Bullet):
                flow = self.para(block.text, "bullet")
            elif isinstance(block, Paragraph):
                flow = self.para(block.text, "body")
            elif isinstance(block, Table):
                flow = self.data_table(block)
            else:
                continue
            if pending:
                out.append(KeepTogether(pending + ([flow] if not isinstance(flow, list) else
                                                   flow[:1])))
                if isinstance(flow, list):
                    out.extend(flow[1:])
                pending = []
            elif isinstance(flow, list):
                out.extend(flow)
            else:
                out.append(flow)
        out.extend(pending)
        return out

    def data_table(self, block: Table) -> list:
        out: list = []
        if block.title:
            out += [self.para(line, "appendix_title", True) for line in block.title.split("\n")]
        if block.note:
            out.append(self.para(block.note, "appendix_note"))
        rows = [[self.para(t, "table_header", True) for t in block.header]]
        for values in block.rows:
            rows.append([self.para(t, "table_cell", True,
                                   block.align[j] if j < len(block.align) else None)
                         for j, t in enumerate(values)])
        out.append(self.cell_table(block.widths, rows, valign="MIDDLE", borders=True,
                                   header_rows=1))
        return [KeepTogether(out[:-1] + [out[-1]])] if len(block.rows) < 25 else out

    def signature(self) -> list:
        d, p = self.data, self.p
        left = [self.para(d.recipients_label, "recipients_label", True)]
        left += [self.para(line, "recipient", True) for line in d.recipients]
        s = d.signature
        right = [self.para(s.authority, "authority", True),
                 self.para(s.title, "signer_title", True)]
        right += [self.para("", "signer_name", True) for _ in range(p.signature_blank_lines)]
        right.append(self.para(s.name, "signer_name", True))
        ratio = p.footer_left_ratio
        table = self.cell_table((ratio, 1 - ratio), [[left, right]])
        return [KeepTogether([self.para(d.closing, "body"), table])]

    def story(self) -> list:
        story = self.header() + self.title() + self.blocks(self.data.body) + self.signature()
        if self.data.appendix:
            story.append(PageBreak())
            story += self.blocks(self.data.appendix)
        return story


def render_pdf(data: ReportData, profile: Profile, path: Path | BinaryIO) -> None:
    """Write ``data`` to ``path`` (a file name or a binary stream such as
    BytesIO) as an A4 PDF laid out by ``profile``."""
    b = _Builder(data, profile)
    p = profile
    page_w, page_h = p.page_width_mm * mm, p.page_height_mm * mm
    number_font = font_name(b.family)

    def later_pages(canvas, doc):
        if doc.page < p.page_number_from:
            return
        canvas.saveState()
        canvas.setFont(number_font, p.page_number_size)
        baseline = page_h - p.header_distance_mm * mm - p.page_number_size * 0.8
        left = p.margin_left_mm * mm
        canvas.drawCentredString(left + b.width / 2, baseline, str(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(
        path if hasattr(path, "write") else str(path), pagesize=(page_w, page_h), leftMargin=p.margin_left_mm * mm,
        rightMargin=p.margin_right_mm * mm, topMargin=p.margin_top_mm * mm,
        bottomMargin=p.margin_bottom_mm * mm, title=nfc(" ".join(
            [data.title.kind_name, *data.title.summary_lines])),
        author=nfc(data.header.issuer.replace("\n", " ")), creator="tgdesk",
        subject=nfc(data.header.number_text))
    # The frame is exactly the text block: no padding, so the margins are the profile's.
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="first", frames=[frame], autoNextPageTemplate="later"),
        PageTemplate(id="later", frames=[frame], onPage=later_pages)])
    doc.build(b.story())
