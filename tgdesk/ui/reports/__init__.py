"""The report screen: kind and period bar, the officer's words, figures, preview, issuing, the register and the format settings."""
