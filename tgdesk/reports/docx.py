"""Render a ReportData as a Word document laid out by a Profile."""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.run import Run

from .fonts import text_width
from .layout import CELL_PAD_MM, date_space_before, header_columns
from .model import Bullet, Heading, Paragraph, ReportData, Table
from .profile import Profile, Style
from .text import nfc

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
CELL_MARGIN_TW = int(CELL_PAD_MM * 56.7)   # padding inside header/footer cells
RULE_SZ = 6                  # border width in eighths of a point (0.75 pt)
RULE_PT = RULE_SZ / 8 + 1    # height a bottom border adds to its paragraph (width + w:space)
RULE_LINE_PT = 2             # exact line height of the empty paragraph that carries a short rule


# w:pPr children that come after w:pageBreakBefore (schema order)
_PPR_AFTER_BREAK = ("w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers",
                    "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                    "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing",
                    "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap",
                    "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_PPR_AFTER_BORDER = _PPR_AFTER_BREAK[_PPR_AFTER_BREAK.index("w:pBdr") + 1:]   # after w:pBdr


def _set_fonts(rpr_parent, name: str) -> None:
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


class _Writer:
    def __init__(self, data: ReportData, profile: Profile):
        self.data, self.p = data, profile
        self.doc = Document()
        self.text_width_mm = profile.text_width_mm
        # (style, single, keep_next, has text) → the w:pPr and run w:rPr a bare paragraph got
        self._formats: dict[tuple, tuple] = {}

    # --- page and styles --------------------------------------------------
    def setup(self) -> None:
        p, sec = self.p, self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(p.page_width_mm), Mm(p.page_height_mm)
        sec.top_margin, sec.bottom_margin = Mm(p.margin_top_mm), Mm(p.margin_bottom_mm)
        sec.left_margin, sec.right_margin = Mm(p.margin_left_mm), Mm(p.margin_right_mm)
        sec.header_distance = Mm(p.header_distance_mm)
        sec.footer_distance = Mm(p.header_distance_mm)
        sec.different_first_page_header_footer = True
        normal = self.doc.styles["Normal"]
        normal.font.name = p.docx_font
        normal.font.size = Pt(p.style("body").size)
        _set_fonts(normal.element, p.docx_font)
        pf = normal.paragraph_format
        pf.space_before, pf.space_after = Pt(0), Pt(0)
        pf.line_spacing = 1.0
        # page numbers: top centre from page 2; page 1 gets an empty header
        header = sec.header
        header.is_linked_to_previous = False
        para = header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._page_field(para)
        first = sec.first_page_header
        first.is_linked_to_previous = False

    def _page_field(self, para) -> None:
        def run_with(el):
            r = para.add_run()
            r.font.size = Pt(self.p.page_number_size)
            r.font.name = self.p.docx_font
            r._r.append(el)
            return r

        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = " PAGE "
        run_with(instr)
        sep = OxmlElement("w:fldChar")
        sep.set(qn("w:fldCharType"), "separate")
        run_with(sep)
        r = para.add_run("2")
        r.font.size = Pt(self.p.page_number_size)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)

    # --- paragraphs --------------------------------------------------------
    def para(self, container, text: str, style_name: str, *, single: bool = False,
             keep_next: bool = False, reuse=None):
        st: Style = self.p.style(style_name)
        para = reuse if reuse is not None else container.add_paragraph()
        key = (style_name, single, keep_next, bool(text))
        bare = para._p.pPr is None and len(para._p) == 0
        if bare and key in self._formats:
            # the same formatting as last time: copy its elements (python-docx's
            # setters search the schema order on every call, most of a report's time)
            ppr, rpr = self._formats[key]
            para._p.insert(0, deepcopy(ppr))
            if text:
                r = para._p.add_r()
                if rpr is not None:
                    r.append(deepcopy(rpr))
                Run(r, para).text = nfc(text.upper() if st.caps else text)
            return para
        self._format(para, text, st, single, keep_next)
        if bare:
            run = para._p.r_lst[0] if text else None
            self._formats[key] = (deepcopy(para._p.pPr),
                                  deepcopy(run.rPr) if run is not None and run.rPr is not None
                                  else None)
        return para

    @staticmethod
    def _format(para, text: str, st: Style, single: bool, keep_next: bool) -> None:
        para.alignment = _ALIGN[st.align]
        pf = para.paragraph_format
        pf.first_line_indent = Mm(st.first_line_indent_mm) if st.first_line_indent_mm else None
        if single or st.line_spacing_pt is None:
            pf.line_spacing = 1.0
            pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        else:
            pf.line_spacing = Pt(st.line_spacing_pt)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.space_before = Pt(0 if single else st.space_before)
        pf.space_after = Pt(0 if single else st.space_after)
        pf.widow_control = True
        if keep_next:
            pf.keep_with_next = True
        if text:
            run = para.add_run(nfc(text.upper() if st.caps else text))
            run.font.size = Pt(st.size)
            run.font.bold = st.bold
            run.font.italic = st.italic
            run.font.underline = st.underline

    def rule_under(self, para, text: str, style_name: str, cell_width_tw: int,
                   fraction: float = 1.0) -> None:
        """A bottom border as long as the text's widest line (times ``fraction``), centred."""
        st = self.p.style(style_name)
        width_pt = max(text_width(self.p, ln.upper() if st.caps else ln, st.size, st.bold,
                                  st.italic) for ln in text.split("\n"))
        width_tw = int(width_pt * 20 * fraction)
        inner = cell_width_tw - 2 * CELL_MARGIN_TW
        slack = 30 if fraction >= 1 else 0
        indent = max(0, (inner - width_tw) // 2 - slack)
        pf = para.paragraph_format
        pf.left_indent = Twips(indent)
        pf.right_indent = Twips(indent)
        ppr = para._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", str(RULE_SZ)), ("w:space", "1"),
                     ("w:color", "000000")):
            bottom.set(qn(k), v)
        bdr.append(bottom)
        ppr.insert_element_before(bdr, *_PPR_AFTER_BORDER)

    def rule_para(self, container, text: str, style_name: str, width_tw: int, fraction: float):
        """An empty, 2 pt high paragraph whose bottom border is a short rule
        (``fraction`` of the widest line of ``text``), so the text itself keeps its width."""
        para = container.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pf = para.paragraph_format
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing = Pt(RULE_LINE_PT)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        mark = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), str(2 * RULE_LINE_PT))
        mark.append(size)
        para._p.get_or_add_pPr().append(mark)
        self.rule_under(para, text, style_name, width_tw, fraction)
        return para

    # --- tables ------------------------------------------------------------
    def layout_table(self, ratios: tuple[float, ...], borders: bool):
        table = self.doc.add_table(rows=1, cols=len(ratios))
        table.autofit = False
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        tbl_pr = table._tbl.tblPr
        widths = [int(Mm(self.text_width_mm * r).twips) for r in ratios]
        widths[-1] = int(Mm(self.text_width_mm).twips) - sum(widths[:-1])
        tblw = tbl_pr.find(qn("w:tblW"))
        if tblw is None:
            tblw = OxmlElement("w:tblW")
            tbl_pr.append(tblw)
        tblw.set(qn("w:w"), str(sum(widths)))
        tblw.set(qn("w:type"), "dxa")
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        b = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement(f"w:{edge}")
            if borders:
                e.set(qn("w:val"), "single")
                e.set(qn("w:sz"), "4")
                e.set(qn("w:space"), "0")
                e.set(qn("w:color"), "000000")
            else:
                e.set(qn("w:val"), "nil")
            b.append(e)
        tbl_pr.append(b)
        mar = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            e = OxmlElement(f"w:{edge}")
            e.set(qn("w:w"), str(CELL_MARGIN_TW if not borders else 85))
            e.set(qn("w:type"), "dxa")
            mar.append(e)
        tbl_pr.append(mar)
        for col, w in zip(table.columns, widths):
            col.width = Twips(w)
        self._row_widths(table.rows[0], widths)
        table._widths = widths  # type: ignore[attr-defined]
        return table

    @staticmethod
    def _row_widths(row, widths) -> None:
        for cell, w in zip(row.cells, widths):
            cell.width = Twips(w)

    @staticmethod
    def cant_split(row) -> None:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        tr_pr.append(el)

    # --- parts ---------------------------------------------------------------
    def header(self) -> None:
        h, p = self.data.header, self.p
        if h.draft_mark:
            self.para(self.doc, h.draft_mark, "draft_mark", single=True)
        left_mm, _ = header_columns(self.data, p)
        ratio = left_mm / self.text_width_mm
        table = self.layout_table((ratio, 1 - ratio), borders=False)
        left, right = table.rows[0].cells
        lw, rw = table._widths
        reuse = left.paragraphs[0]
        lines = [(ln, "superior") for ln in h.superior.split("\n") if ln] + \
            [(ln, "issuer") for ln in h.issuer.split("\n") if ln]
        issuer = None
        for text, style in lines:
            issuer = self.para(left, text, style, single=True, reuse=reuse)
            reuse = None
        if p.left_rule and issuer is not None:
            self.rule_para(left, h.issuer, "issuer", lw, p.left_rule)
        if p.star:
            self.para(left, p.star, "star", single=True)
        self.para(left, h.number_text, "number", single=True)
        if h.secrecy_mark:
            self.para(left, h.secrecy_mark, "secrecy_mark", single=True)
        reuse = right.paragraphs[0]
        for line in p.right_lines:
            para = self.para(right, line.text, line.style, single=True, reuse=reuse)
            reuse = None
            if line.rule == "text":
                self.rule_under(para, line.text, line.style, rw)
        # the date sits level with "Số" on the left
        date = self.para(right, h.place_date, "date", single=True)
        space = date_space_before(self.data, p, RULE_LINE_PT + RULE_PT, RULE_PT)
        date.paragraph_format.space_before = Pt(round(space, 1))
        for _ in range(p.header_blank_lines_after):
            self.para(self.doc, "", "body", single=True)

    def title(self) -> None:
        t = self.data.title
        self.para(self.doc, t.kind_name, "kind", keep_next=True)
        last = None
        for line in t.summary_lines:
            last = self.para(self.doc, line, "summary", single=True, keep_next=True)
        if t.separator:
            self.para(self.doc, t.separator, "separator", keep_next=True)
        elif self.p.title_rule and last is not None:   # NĐ 30: a short rule under the trích yếu
            rule = self.rule_para(self.doc, "\n".join(t.summary_lines), "summary",
                                  int(Mm(self.text_width_mm).twips) + 2 * CELL_MARGIN_TW,
                                  self.p.title_rule)
            rule.paragraph_format.space_after = Pt(self.p.style("separator").space_after)

    def blocks(self, blocks) -> None:
        for block in blocks:
            if isinstance(block, Heading):
                if block.level == 0:
                    if block.label:
                        self.para(self.doc, block.label, "heading_part_label", keep_next=True)
                    self.para(self.doc, block.text, "heading_part", keep_next=True)
                else:
                    self.para(self.doc, block.text, f"heading{min(block.level, 3)}",
                              keep_next=True)
            elif isinstance(block, Bullet):
                self.para(self.doc, block.text, "bullet")
            elif isinstance(block, Paragraph):
                self.para(self.doc, block.text, "body")
            elif isinstance(block, Table):
                self.data_table(block)

    def data_table(self, block: Table) -> None:
        if block.title:
            for i, line in enumerate(block.title.split("\n")):
                self.para(self.doc, line, "appendix_title", single=True, keep_next=True)
        if block.note:
            self.para(self.doc, block.note, "appendix_note", keep_next=True)
        table = self.layout_table(block.widths, borders=True)
        widths = table._widths
        hdr = table.rows[0]
        tr_pr = hdr._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        self.cant_split(hdr)
        for cell, text in zip(hdr.cells, block.header):
            self.para(cell, text, "table_header", single=True, reuse=cell.paragraphs[0])
        for row_values in block.rows:
            row = table.add_row()
            self._row_widths(row, widths)
            self.cant_split(row)
            for j, (cell, text) in enumerate(zip(row.cells, row_values)):
                para = self.para(cell, text, "table_cell", single=True, reuse=cell.paragraphs[0])
                if j < len(block.align):
                    para.alignment = _ALIGN[block.align[j]]

    def closing_and_signature(self) -> None:
        d, p = self.data, self.p
        self.para(self.doc, d.closing, "body", keep_next=True)
        table = self.layout_table((p.footer_left_ratio, 1 - p.footer_left_ratio), borders=False)
        row = table.rows[0]
        self.cant_split(row)
        left, right = row.cells
        self.para(left, d.recipients_label, "recipients_label", single=True,
                  reuse=left.paragraphs[0], keep_next=True)
        for line in d.recipients:
            self.para(left, line, "recipient", single=True, keep_next=True)
        s = d.signature
        self.para(right, s.authority, "authority", single=True, reuse=right.paragraphs[0],
                  keep_next=True)
        self.para(right, s.title, "signer_title", single=True, keep_next=True)
        for _ in range(p.signature_blank_lines):
            self.para(right, "", "signer_name", single=True, keep_next=True)
        self.para(right, s.name, "signer_name", single=True)

    def appendix(self) -> None:
        if not self.data.appendix:
            return
        # "page break before" on the appendix's first paragraph, not a paragraph holding a
        # page break: that one would make a blank page when the signature ends a page.
        body = self.doc.element.body
        start = len(body) - 1                 # new elements go before the final w:sectPr
        self.blocks(self.data.appendix)
        first = body[start]
        if first.tag == qn("w:p"):
            ppr = first.get_or_add_pPr()
            ppr.insert_element_before(OxmlElement("w:pageBreakBefore"), *_PPR_AFTER_BREAK)
        else:
            brk = OxmlElement("w:p")
            r = OxmlElement("w:r")
            br = OxmlElement("w:br")
            br.set(qn("w:type"), "page")
            r.append(br)
            brk.append(r)
            body.insert(start, brk)

    def write(self, path: Path | BinaryIO) -> None:
        self.setup()
        # python-docx's template starts with one empty paragraph: drop it.
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        self.header()
        self.title()
        self.blocks(self.data.body)
        self.closing_and_signature()
        self.appendix()
        self.doc.save(path if hasattr(path, "write") else str(path))


def render_docx(data: ReportData, profile: Profile, path: Path | BinaryIO) -> None:
    """Write ``data`` to ``path`` (a file name or a binary stream such as
    BytesIO) as a .docx laid out by ``profile``."""
    _Writer(data, profile).write(path if hasattr(path, "write") else Path(path))
