"""People and roles in the window: sign-in, lock, sign-out, accounts (issue 12)."""
