"""Entry point of the frozen console program ``tgdesk-cli`` (the command line)."""

import sys

from tgdesk.app import main

sys.exit(main())
