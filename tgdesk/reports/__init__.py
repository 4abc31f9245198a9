"""Report model, format profiles and the DOCX and PDF renderers."""
