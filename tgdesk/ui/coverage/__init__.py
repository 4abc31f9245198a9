"""The "Tiến độ học tập" page: study coverage per document and per cell."""
