"""Vietnamese input in every field the officer types into.

Three ways Vietnamese text reaches a widget:

1. an input method composes (Telex/VNI in ibus, fcitx, macOS, Windows IME):
   pre-edit strings while the word is being built, then a commit string — sent
   as ``QInputMethodEvent`` to the focus object, as the platform does; ibus- and
   fcitx-unikey also replace the letters just committed (commit with a negative
   replacement start);
2. Unikey on Windows types the plain letters, then Backspace(s) and the
   precomposed character (key events whose text is e.g. "ê");
3. some input methods commit decomposed text (NFD: "e" + U+0302 + U+0323):
   saved through a dialog it must end up composed (NFC) in the database, and
   typed in a list's search box it must find the record.

The text fields are discovered generically (line edits, editable combos, plain
and rich text edits under each screen), so a field added later is covered too.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QComboBox, QDialog, QLineEdit,
                               QPlainTextEdit, QStackedWidget, QTabWidget, QTextEdit, QWidget)

import tgdesk.ui
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.domain.records import UnitSettings
from tgdesk.services import followups, register
from tgdesk.services.kinds import MEETINGS, MODELS, ONLINE, OPINIONS, PROPAGANDA, STUDIES
from tgdesk.services.register import FIGURES
from tgdesk.services.settings_store import PROFILE_OVERRIDES, get_setting
from tgdesk.services.unit import get_guidance, get_unit, save_unit
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.follow_up_dialog import FollowUpDialog
from tgdesk.ui.records.meeting_dialog import MeetingDialog
from tgdesk.ui.records.model_dialog import ModelDialog
from tgdesk.ui.records.online_dialog import OnlineDialog
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.propaganda_dialog import PropagandaDialog
from tgdesk.ui.access.account_dialogs import AccountDialog
from tgdesk.ui.access.protect_dialog import ProtectDialog
from tgdesk.ui.audit.audit_page import AuditPage
from tgdesk.ui.records.record_page import RecordPage
from tgdesk.ui.records.record_specs import (MEETING_PAGE, MODEL_PAGE, ONLINE_PAGE, OPINION_PAGE,
                                            PROPAGANDA_PAGE, STUDY_PAGE)
from tgdesk.ui.reports.report_format_dialog import FormatDialog
from tgdesk.ui.reports.report_page import ReportPage
from tgdesk.ui.records.study_dialog import StudyDialog
from tgdesk.ui.settings.unit_dialog import UnitDialog
from tgdesk.ui.settings.unit_page import UnitPage

from dialog_makers import noise_note, report_editor

pytestmark = pytest.mark.gui

SENTENCE = "Nghị quyết số 35"
# Telex "nghij": the pre-edit the input method shows while the word is built.
PREEDITS = ("N", "Ng", "Ngh", "Nghi", "Nghị")

# What Unikey (Windows, Telex) sends while the officer types "Nghij quyeets soos 35":
# a string is typed key by key, a number is that many Backspaces.
UNIKEY = ("Nghi", 1, "ị", " quye", 1, "ê", "t", 2, "ết", " so", 1, "ô", 1, "ố", " 35")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- the text fields of a screen -------------------------------------------------------
def text_fields(root: QWidget) -> list[QWidget]:
    """Every widget under ``root`` the officer types text into: line edits (an
    editable combo stands for its own line edit), plain and rich text edits. Not
    the line edit inside a date or number box, not read-only boxes."""
    out: list[QWidget] = []
    for w in root.findChildren(QWidget):
        if isinstance(w, QLineEdit):
            parent = w.parentWidget()
            if isinstance(parent, (QAbstractSpinBox, DateField)):
                continue
            if isinstance(parent, QComboBox) and parent.lineEdit() is w:
                w = parent
            elif w.isReadOnly():
                continue
        elif isinstance(w, (QPlainTextEdit, QTextEdit)):
            if w.isReadOnly():
                continue
        else:
            continue
        if w.isEnabled() and not any(w is seen for seen in out):
            out.append(w)
    return out


def describe(w: QWidget) -> str:
    """The field for a failure message: its kind, hint and window."""
    edit = w.lineEdit() if isinstance(w, QComboBox) else w
    hint = edit.placeholderText() if hasattr(edit, "placeholderText") else ""
    window = w.window().windowTitle() or type(w.window()).__name__
    return f"{type(w).__name__} “{hint or w.objectName()}” in “{window}”"


def text_of(w: QWidget) -> str:
    if isinstance(w, QComboBox):
        return w.currentText()
    if isinstance(w, QLineEdit):
        return w.text()
    return w.toPlainText()


def clear(w: QWidget) -> None:
    if isinstance(w, QComboBox):
        w.setCurrentIndex(0)
        w.clearEditText()
    else:
        w.clear()
    assert text_of(w) == ""


def reveal(w: QWidget) -> None:
    """Bring forward the tab or stacked page that holds ``w``."""
    child, parent = w, w.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget):
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()


def focus(qtbot, w: QWidget):
    """Give ``w`` the keyboard focus in an active window and return the focus
    object: where the platform delivers input-method and key events."""
    reveal(w)
    window = w.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    w.setFocus(Qt.FocusReason.OtherFocusReason)
    target = QGuiApplication.focusObject()
    assert target is w, f"{describe(w)} did not take the focus ({target!r} has it)"
    return target


def preedit(target, text: str) -> None:
    QApplication.sendEvent(target, QInputMethodEvent(text, []))


def commit(target, text: str, replace_from: int = 0, replace_length: int = 0) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text, replace_from, replace_length)
    QApplication.sendEvent(target, event)


def type_char(target, ch: str) -> None:
    """A key whose text is ``ch`` and whose key code is unknown, as Windows
    delivers a character that Unikey injects (VK_PACKET)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


def unikey(qtbot, target, script) -> None:
    for step in script:
        if isinstance(step, int):
            for _ in range(step):
                qtbot.keyClick(target, Qt.Key.Key_Backspace)
        elif step.isascii():
            qtbot.keyClicks(target, step)
        else:
            for ch in step:
                type_char(target, ch)


def type_nfd(qtbot, w: QWidget, text: str) -> None:
    """What an input method that commits decomposed text leaves in ``w``."""
    clear(w)
    commit(focus(qtbot, w), nfd(text))
    assert text_of(w) == nfd(text) != text


# --- the screens -----------------------------------------------------------------------
def _found(dialog: OnlineDialog) -> OnlineDialog:
    """An online entry of wrong content found: its kind has the most text fields."""
    dialog.entry_kind.setCurrentIndex(dialog.entry_kind.findData("phat_hien"))
    dialog.content_kind.setCurrentIndex(1)
    dialog.action.setCurrentIndex(1)
    return dialog


def _recognised(dialog: ModelDialog) -> ModelDialog:
    """A model with a recognition: its level and decision can be typed."""
    dialog.recognition.setCurrentIndex(dialog.recognition.findData("khen_thuong"))
    return dialog


# (id, make(ctx, catalogue) -> widget, fields that must be found, by attribute)
SCREENS = [
    ("meeting", lambda ctx, cat: MeetingDialog(ctx),
     lambda d: [d.title, d.place, d.chaired_by, d.participants, d.contents, d.conclusions]),
    ("study", lambda ctx, cat: StudyDialog(ctx),
     lambda d: [d.title, d.speaker, d.place, d.note]),
    ("opinion", lambda ctx, cat: OpinionDialog(ctx),
     lambda d: [d.summary, d.proposal, d.passed_to]),
    ("follow_up", lambda ctx, cat: FollowUpDialog(ctx, noise_note(ctx, cat)),
     lambda d: [d.passed_to, d.step_note]),
    ("propaganda", lambda ctx, cat: PropagandaDialog(ctx), lambda d: [d.title, d.place, d.note]),
    ("online", lambda ctx, cat: _found(OnlineDialog(ctx)),
     lambda d: [d.summary, d.link, d.passed_to]),
    ("model", lambda ctx, cat: _recognised(ModelDialog(ctx)),
     lambda d: [d.name, d.description, d.theme, d.level, d.decision]),
    *[(f"catalogue-{spec.kind}", (lambda s: lambda ctx, cat: CatalogueDialog(ctx, s))(spec),
       lambda d: [d.inputs[f.name] for f in d.spec.fields if f.type in ("text", "opt_text")])
      for spec in CATALOGUES],
    ("unit_dialog", lambda ctx, cat: UnitDialog(ctx), lambda d: list(d.form.inputs.values())),
    ("unit_page", lambda ctx, cat: UnitPage(ctx, DataBus()),
     lambda p: list(p.form.inputs.values())),
    ("report_editor-work", lambda ctx, cat: report_editor("work", PeriodKind.YEAR),
     lambda e: [*e.boxes.values(), *(b.edit for b in e.figures.values())]),
    ("report_editor-opinion", lambda ctx, cat: report_editor("opinion", PeriodKind.MONTH),
     lambda e: [*e.boxes.values(), *(b.edit for b in e.figures.values())]),
    ("report_format", lambda ctx, cat: FormatDialog(ctx), lambda d: [d.archive]),
    ("audit_page", lambda ctx, cat: AuditPage(ctx, DataBus()), lambda p: [p.search]),
    ("account", lambda ctx, cat: AccountDialog(ctx), lambda d: [d.full_name]),
    ("protect", lambda ctx, cat: ProtectDialog(ctx), lambda d: [d.full_name]),
    *[(f"list-{spec.kind}", (lambda s: lambda ctx, cat: RecordPage(ctx, DataBus(), s))(spec),
       lambda p: [p.search]) for spec in (MEETING_PAGE, STUDY_PAGE, OPINION_PAGE,
                                          PROPAGANDA_PAGE, ONLINE_PAGE, MODEL_PAGE)],
]


@pytest.fixture(params=SCREENS, ids=[s[0] for s in SCREENS])
def screen(request, qtbot, ctx, catalogue):
    """A screen shown, and its text fields (each of the named ones among them)."""
    _name, make, named = request.param
    root = make(ctx, catalogue)
    qtbot.addWidget(root)
    root.show()
    fields = text_fields(root)
    for w in named(root):
        assert any(w is f for f in fields), f"{describe(w)} was not found as a text field"
    return root, fields


# --- 1. input-method composition ----------------------------------------------------------
def test_input_method_composition_in_every_field(qtbot, screen):
    _root, fields = screen
    for w in fields:
        clear(w)
        target = focus(qtbot, w)
        for text in PREEDITS:
            preedit(target, text)
            assert text_of(w) == "", f"{describe(w)}: the pre-edit is not typed text yet"
        commit(target, SENTENCE)
        assert text_of(w) == SENTENCE, f"{describe(w)} holds {text_of(w)!r}"

        # ibus-/fcitx-unikey: the letters are committed, then replaced by the
        # composed one through the surrounding text.
        clear(w)
        for text, start, length in (("Nghi", 0, 0), ("ị", -1, 1), (" quye", 0, 0),
                                    ("ê", -1, 1), ("t", 0, 0), ("ết", -2, 2),
                                    (" so", 0, 0), ("ố", -1, 1), (" 35", 0, 0)):
            commit(target, text, start, length)
        assert text_of(w) == SENTENCE, f"{describe(w)} holds {text_of(w)!r}"


# --- 2. Unikey on Windows: letters, Backspaces, the composed character ---------------------
def test_unikey_backspace_typing_in_every_field(qtbot, screen):
    _root, fields = screen
    for w in fields:
        clear(w)
        target = focus(qtbot, w)
        unikey(qtbot, target, ("t", "i", "e", "e", 2, "ê"))
        assert text_of(w) == "tiê", f"{describe(w)} holds {text_of(w)!r}"
        clear(w)
        unikey(qtbot, target, UNIKEY)
        assert text_of(w) == SENTENCE, f"{describe(w)} holds {text_of(w)!r}"


def test_every_module_with_a_text_field_is_covered():
    """A screen with a new kind of text field must join SCREENS (or say here why not)."""
    covered = {"meeting_dialog", "study_dialog", "opinion_dialog", "follow_up_dialog",
               "propaganda_dialog", "online_dialog", "model_dialog",
               "catalogue_forms", "unit_form", "report_editor", "report_format_dialog",
               "record_filter_state", "widgets", "audit_page", "account_dialogs",
               "protect_dialog"}
    not_typed = {
        "exchange_receive": "a read-only box of details",
        "kit": "Qt's own QInputDialog (renaming an exchange unit)",
        "backup_page": "a read-only box showing the folder picked with the folder chooser",
        "date_field": "the date box: digits and separators (test_date_typing.py)",
        "sign_in_dialog": "a sign-in name (letters without accents), a password, the "
                          "recovery code (letters and digits)",
        "idle_lock": "the password that unlocks the window",
    }
    pattern = re.compile(r"QLineEdit\(|QPlainTextEdit\(|QTextEdit\(|text_edit\(|"
                         r"setEditable\(True\)|QInputDialog")
    found = {path.stem for path in Path(tgdesk.ui.__file__).parent.rglob("*.py")
             if pattern.search(path.read_text(encoding="utf-8"))}
    new = found - covered - set(not_typed)
    assert not new, (f"text fields in {sorted(new)}: add the screen to SCREENS in this file "
                     "(or to not_typed, saying why)")


# --- 3. decomposed (NFD) text is saved composed and searched ----------------------------------
def _save(qtbot, dialog) -> None:
    """"Lưu", and "Vẫn lưu" when warnings were shown."""
    for _ in range(2):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if not dialog.isVisible():
            return
    pytest.fail(f"not saved: {dialog.form.general.text()} "
                f"{ {k: dialog.form.message(k) for k in dialog.form.messages} }")


def _open(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _typed_texts(qtbot, root, special: dict | None = None) -> dict[str, str]:
    """Type a different NFD text into every text field of ``root``'s form (by
    field name, to read it back once saved)."""
    fields = text_fields(root)
    names = {id(w): name for name, w in root.form.widgets.items()}
    # a field in a row with its buttons (a catalogue choice and its “Thêm…”)
    names.update({id(w.focusProxy()): name for name, w in root.form.widgets.items()
                  if w.focusProxy() is not None})
    unnamed = [describe(w) for w in fields if id(w) not in names]
    assert not unnamed, f"text fields not tied to a record field: {unnamed}"
    typed = {}
    for w in fields:
        name = names[id(w)]
        typed[name] = (special or {}).get(name, f"Phường Bình Tiên: ý kiến về {name}")
        type_nfd(qtbot, w, typed[name])
    assert typed
    return typed


DIALOGS = [
    ("meeting", MEETINGS, lambda ctx, cat: MeetingDialog(ctx), lambda d, cat: None),
    ("opinion", OPINIONS, lambda ctx, cat: OpinionDialog(ctx),
     lambda d, cat: (d.category.setCurrentIndex(d.category.findData(cat["category"])),
                     d.attitude.setCurrentIndex(d.attitude.findData("ban_khoan")))),
    ("propaganda", PROPAGANDA, lambda ctx, cat: PropagandaDialog(ctx),
     lambda d, cat: d.quantities["banners"].setValue(3)),
    ("online", ONLINE, lambda ctx, cat: _found(OnlineDialog(ctx)), lambda d, cat: None),
    ("model", MODELS, lambda ctx, cat: _recognised(ModelDialog(ctx)), lambda d, cat: None),
    *[(f"catalogue-{spec.kind}", spec.service,
       (lambda s: lambda ctx, cat: CatalogueDialog(ctx, s))(spec), lambda d, cat: None)
      for spec in CATALOGUES],
]


@pytest.mark.parametrize("name,kind,make,prepare", DIALOGS, ids=[d[0] for d in DIALOGS])
def test_decomposed_text_is_saved_composed(qtbot, ctx, catalogue, name, kind, make, prepare):
    dialog = _open(qtbot, make(ctx, catalogue))
    prepare(dialog, catalogue)
    typed = _typed_texts(qtbot, dialog)
    _save(qtbot, dialog)
    saved = kind.get(ctx, dialog.saved.id)
    for field, text in typed.items():
        value = getattr(saved, field)
        assert value == text and is_nfc(value), (field, value)


def test_decomposed_study_is_saved_composed_and_finds_the_speaker(qtbot, ctx, catalogue):
    dialog = _open(qtbot, StudyDialog(ctx))
    dialog.check_document(catalogue["doc"])
    dialog.counts["party_members_expected"].setValue(30)
    dialog.counts["party_members_present"].setValue(28)
    typed = _typed_texts(qtbot, dialog, {"speaker_id": "Trần Minh Quang"})
    _save(qtbot, dialog)
    saved = STUDIES.get(ctx, dialog.saved.id)
    # The speaker typed in NFD is the catalogue's speaker, not a new name.
    assert (saved.speaker_id, saved.speaker_name) == (catalogue["speaker"], None)
    for field in ("title", "place", "note"):
        assert getattr(saved, field) == typed[field] and is_nfc(getattr(saved, field))

    other = _open(qtbot, StudyDialog(ctx))
    other.check_document(catalogue["doc"])
    other.counts["party_members_expected"].setValue(30)
    other.counts["party_members_present"].setValue(28)
    other.title.setText("Học tập chuyên đề")
    type_nfd(qtbot, other.speaker, "Nguyễn Thị Ánh Tuyết")
    _save(qtbot, other)
    saved = STUDIES.get(ctx, other.saved.id)
    assert (saved.speaker_id, saved.speaker_name) == (None, "Nguyễn Thị Ánh Tuyết")
    assert is_nfc(saved.speaker_name)


def test_decomposed_follow_up_step_is_saved_composed(qtbot, ctx, catalogue):
    note_id = noise_note(ctx, catalogue)
    dialog = _open(qtbot, FollowUpDialog(ctx, note_id))
    typed = _typed_texts(qtbot, dialog)
    _save(qtbot, dialog)
    step = followups.history(ctx, note_id)[-1]
    assert (step.passed_to, step.note) == (typed["passed_to"], typed["note"])
    assert is_nfc(step.passed_to) and is_nfc(step.note)


def test_decomposed_unit_settings_are_saved_composed(qtbot, ctx):
    page = UnitPage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    typed = _typed_texts(qtbot, page, {"doc_abbrev": "ĐỦ", "name": "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",
                                       "signer_name": "Nguyễn Văn Ấn",
                                       "guidance_number": "Hướng dẫn số 12-HD/BTGDVTU"})
    page.form.guidance_date.set_value(date(2026, 1, 5))      # a number needs its date
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    unit = get_unit(ctx)
    assert unit is not None, page.form.general.text()
    assert typed.pop("guidance_number") and get_guidance(ctx).number == "12-HD/BTGDVTU"
    for field, text in typed.items():
        assert getattr(unit, field) == text and is_nfc(getattr(unit, field)), field


def _unit(ctx) -> None:
    save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",
                                parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                                place_name="Bình Tiên", signer_name="Nguyễn Văn An"))


def test_decomposed_archive_line_is_saved_composed(qtbot, ctx):
    _unit(ctx)
    dialog = _open(qtbot, FormatDialog(ctx))
    line = "- Lưu Văn phòng Đảng ủy, Ban Tuyên giáo."
    type_nfd(qtbot, dialog.archive, line)
    assert dialog.try_save() is True, dialog.error.text()
    stored = get_setting(ctx, PROFILE_OVERRIDES)["archive_line"]
    assert stored == line and is_nfc(stored)


def test_decomposed_report_words_are_saved_composed(qtbot, ctx, tmp_path):
    from PySide6.QtCore import QSettings
    _unit(ctx)
    page = ReportPage(ctx, DataBus(), QSettings(str(tmp_path / "s.ini"),
                                                 QSettings.Format.IniFormat))
    qtbot.addWidget(page)
    page.show()
    page.set_report("work", Period.parse("2026-10"))
    if page.task is not None and page.task.running:
        with qtbot.waitSignal(page.task.finished, timeout=60_000):
            pass
    words = {"strengths": "Ưu điểm: đảng viên dự đông đủ",
             "tasks": "Quán triệt Nghị quyết số 35\nTổ chức hội nghị báo cáo viên"}
    for key, text in words.items():
        type_nfd(qtbot, page.editor.boxes[key], text)
    key, box = next(iter(page.editor.figures.items()))
    edited = "Tổ chức hội nghị quán triệt cho đảng viên."
    type_nfd(qtbot, box.edit, edited)
    assert page.save_draft(False) is True
    texts = register.draft(ctx, "work", "2026-10").texts
    assert texts["strengths"] == words["strengths"] and is_nfc(texts["strengths"])
    assert texts["tasks"] == words["tasks"].splitlines()
    assert all(is_nfc(line) for line in texts["tasks"])
    assert texts[FIGURES][key]["text"] == edited and is_nfc(texts[FIGURES][key]["text"])


SEARCHES = [
    (MEETING_PAGE, "title", lambda d, cat: None),
    (STUDY_PAGE, "title", lambda d, cat: d.check_document(cat["doc"])
     or d.counts["party_members_expected"].setValue(10)),
    (OPINION_PAGE, "summary",
     lambda d, cat: (d.category.setCurrentIndex(d.category.findData(cat["category"])),
                     d.attitude.setCurrentIndex(d.attitude.findData("ban_khoan")))),
    (PROPAGANDA_PAGE, "title", lambda d, cat: d.quantities["banners"].setValue(3)),
    (ONLINE_PAGE, "summary", lambda d, cat: d.posts.setValue(1)),
    (MODEL_PAGE, "name", lambda d, cat: None),
]


@pytest.mark.parametrize("spec,field,prepare", SEARCHES, ids=[s[0].kind for s in SEARCHES])
def test_a_decomposed_search_finds_the_record(qtbot, ctx, catalogue, spec, field, prepare):
    page = RecordPage(ctx, DataBus(), spec)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    for text in ("Quán triệt Nghị quyết số 35 về bảo vệ nền tảng tư tưởng",
                 "Tuyên truyền kỷ niệm ngày thành lập Đảng"):
        page.add_record()
        dialog = page.dialog
        prepare(dialog, catalogue)
        type_nfd(qtbot, dialog.form.widgets[field], text)
        _save(qtbot, dialog)
    assert page.model.rowCount() == 2

    for query in ("nghị quyết", "tư tưởng", "nghi quyet"):
        if query.isascii():     # typed without diacritics: plain keys
            clear(page.search)
            qtbot.keyClicks(page.search, query)
        else:
            type_nfd(qtbot, page.search, query)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)     # searches, opens nothing
        assert not any(isinstance(w, QDialog) and w.isVisible()
                       for w in QApplication.topLevelWidgets()), query
        assert page.model.rowCount() == 1, query
        found = spec.service.get(ctx, page.model.id_at(0))
        assert getattr(found, field).startswith("Quán triệt Nghị quyết"), query

