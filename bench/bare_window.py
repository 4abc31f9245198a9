"""The anchor of the start-up bench: the least a PySide6 program does to show a
window - start the interpreter, import QtWidgets, make the QApplication, show a
main window with a list and a label, wait for its first paint, quit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bare_window.py

bench/bench_startup.py times this script beside ``tgdesk`` started the same way.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QListWidget, QMainWindow,
                               QWidget)


class FirstPaint(QObject):
    """Quits the application once the window has painted (as tgdesk's
    TGDESK_QUIT_AFTER_PAINT does: a zero timer from the first Paint event)."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    window = QMainWindow()
    central = QWidget()
    lay = QHBoxLayout(central)
    nav = QListWidget()
    nav.addItems(["Tổng quan", "Hội nghị", "Dư luận xã hội"])
    lay.addWidget(nav)
    lay.addWidget(QLabel("Tổng quan"), 1)
    window.setCentralWidget(central)
    window.resize(1280, 800)
    window.installEventFilter(FirstPaint(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
