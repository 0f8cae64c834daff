"""The one data model of the roadmap: tiers and lessons."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Priority(StrEnum):
    ESSENTIAL = "essential"
    RECOMMENDED = "recommended"
    OPTIONAL = "optional"

    @property
    def rank(self) -> int:
        """Sort key: essential lessons come first when order is otherwise free."""
        return list(Priority).index(self)


@dataclass(frozen=True)
class Tier:
    number: int
    title: str
    folder: str  # folder under docs/, e.g. "math"

    @property
    def index_path(self) -> str:
        """Path of the tier's introduction page, relative to docs/."""
        return f"{self.folder}/index.md"


@dataclass(frozen=True)
class Lesson:
    id: str  # the file stem
    path: str  # relative to docs/, e.g. "math/vectors.md"
    tier: int
    title: str
    priority: Priority
    prerequisites: tuple[str, ...]
    estimated_hours: float
    summary: str
    outcomes: tuple[str, ...]
