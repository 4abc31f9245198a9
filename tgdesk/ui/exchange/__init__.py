"""Exchange with other levels: sending packages, receiving them, conflicts, the units and the completeness board."""
