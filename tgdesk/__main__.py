"""``python -m tgdesk`` (also the PyInstaller entry point)."""

import sys

from tgdesk.app import main

sys.exit(main())
