"""The error raised when a file or a batch of lines has several problems at once."""

from __future__ import annotations

from reliefdesk.errors import ValidationError

__all__ = ["RowProblemsError", "raise_if_problems"]

_SHOWN = 5


class RowProblemsError(ValidationError):
    """A ValidationError that lists every row problem in ``problems`` (one Chinese line each).

    ``str(error)`` is one line: a count and the first few problems, so the CLI and a message box
    stay readable; the UI can show ``problems`` in full.
    """

    def __init__(self, what: str, problems: list[str], *, code: str) -> None:
        shown = "；".join(problems[:_SHOWN])
        more = f"；另有 {len(problems) - _SHOWN} 处问题" if len(problems) > _SHOWN else ""
        super().__init__(
            f"{what}有 {len(problems)} 处问题：{shown}{more}", code=code, count=len(problems)
        )
        self.problems: list[str] = list(problems)


def raise_if_problems(what: str, problems: list[str], *, code: str) -> None:
    """Raise one RowProblemsError for all ``problems``; do nothing when there are none."""
    if problems:
        raise RowProblemsError(what, problems, code=code)
