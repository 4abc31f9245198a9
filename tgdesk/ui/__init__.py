"""The window: Qt widgets over the services. Only this package imports Qt.

The areas below (records, catalogues, …) do not import each other; what one area
lends another is wired here, once, whatever part of the window is imported first:
a record form's “Thêm…” beside a catalogue choice opens the catalogue area's add form,
and a record list's “Lịch sử thay đổi…” opens the audit area's history dialog.
What is lent is imported when first used, so the window starts without it.
"""

from tgdesk.ui.common.catalogue_choice import set_row_adder
from tgdesk.ui.common.record_history import set_history_opener


def _open_add_form(ctx, kind, preset, parent):
    from tgdesk.ui.catalogues.row_adder import open_add_form

    return open_add_form(ctx, kind, preset, parent)


set_row_adder(_open_add_form)


def _open_history(ctx, record_uuid, what, parent):
    from tgdesk.ui.audit.history_dialog import open_history

    return open_history(ctx, record_uuid, what, parent)


set_history_opener(_open_history)
