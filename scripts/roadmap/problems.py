"""Problems found in content: one line each, naming file, field, value and fix."""

from __future__ import annotations

from dataclasses import dataclass

from .text import plural


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # shown as given, e.g. "docs/math/vectors.md"
    field: str  # frontmatter field or part of the file, e.g. "prerequisites"
    message: str  # what is wrong, including the bad value
    fix: str  # what to do about it

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message} Fix: {self.fix}"


class RoadmapError(Exception):
    """Raised once, after every problem in the content has been collected."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"{plural(count, 'problem')} in the roadmap content:"
        super().__init__("\n".join([header, *map(str, self.problems)]))
