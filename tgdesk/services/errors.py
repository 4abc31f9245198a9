"""Errors a user can act on. Their messages are Vietnamese and shown as is."""

from __future__ import annotations

from tgdesk.domain.validation import Issue, Verdict


class UserError(Exception):
    """A problem the user caused or can fix; ``str()`` is the message to show."""


class NotFound(UserError):
    pass


class ValidationFailed(UserError):
    def __init__(self, verdict: Verdict, record: str | None = None):
        self.verdict = verdict
        self.record = record
        prefix = f"{record}: " if record else ""
        super().__init__(prefix + " ".join(i.message for i in verdict.errors))

    @property
    def issues(self) -> list[Issue]:
        return self.verdict.errors
