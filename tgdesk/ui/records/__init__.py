"""The three record lists (meetings, study sessions, opinion notes): pages, filters, table model, dialogs, follow-up and printing."""
