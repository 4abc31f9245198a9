"""tgdesk: offline desktop tool for ward-level tuyên giáo work."""

__version__ = "0.1.0"
