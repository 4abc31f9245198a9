"""Realistic demo data for one ward, deterministic for a seed and a "today".

Same seed and same ``ctx.today()`` give the same rows, UUIDs included: every
random choice comes from ``random.Random(seed)``, and UUIDs from a second
generator seeded with the seed and the number of rows already in the database
(so loading twice never repeats a UUID). Every record
passes the same validation functions as a record typed in a form; the rows are
then inserted in bulk inside one transaction.

loader.py runs the load; generator.py draws; catalogues.py, meetings.py,
studies.py and opinions.py make each kind; coverage.py the cells' membership over
time and the documents' study deadlines; the word lists are in ../demo_text.py.
"""

from .loader import SCALE_FACTORS, load_demo
from .summary import DemoSummary

__all__ = ["SCALE_FACTORS", "DemoSummary", "load_demo"]
