"""Entry point of the frozen windowed program ``tgdesk`` (no console window).

A windowed program on Windows starts with no standard streams (``sys.stdout`` and
``sys.stderr`` are None); anything that writes to them would then fail. They are
pointed at the null device, so such writes go nowhere instead of raising."""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))

from tgdesk.app import main  # noqa: E402

sys.exit(main())
