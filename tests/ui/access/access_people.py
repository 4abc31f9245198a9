"""What the people-and-roles tests share besides their fixtures."""

PASSWORD = "mat-khau-dai-1"     # every test account's
