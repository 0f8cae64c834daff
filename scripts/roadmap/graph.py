"""The validated roadmap as a graph: study order, ancestors and descendants, computed once."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Lesson, Tier


def study_key(lesson: Lesson) -> tuple[int, int, str, str]:
    """When several lessons are free to come next: earlier tier, then priority, then title."""
    return (lesson.tier, lesson.priority.rank, lesson.title.casefold(), lesson.id)


def topological_order(lessons: Iterable[Lesson]) -> list[str]:
    """Kahn's algorithm with a heap, so ties break by `study_key`.

    Raises ValueError on a cycle; validation reports cycles before this runs.
    """
    by_id = {lesson.id: lesson for lesson in lessons}
    waiting = {lid: len(set(lesson.prerequisites)) for lid, lesson in by_id.items()}
    dependents: dict[str, list[str]] = {lid: [] for lid in by_id}
    for lesson in by_id.values():
        for prereq in set(lesson.prerequisites):
            dependents[prereq].append(lesson.id)
    ready = [(study_key(by_id[lid]), lid) for lid, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, lid = heapq.heappop(ready)
        order.append(lid)
        for dependent in dependents[lid]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(ready, (study_key(by_id[dependent]), dependent))
    if len(order) != len(by_id):
        raise ValueError("the prerequisites contain a cycle")
    return order


def ancestor_positions(order: list[str], position: dict[str, int], lessons: dict[str, Lesson]) -> list[tuple[int, ...]]:
    """For each position in a study order, the positions of every lesson it depends on, ascending.

    A lesson's ancestors are its prerequisites and their ancestors. Every one of them comes
    earlier in the order, so with a single prerequisite the result is that prerequisite's
    ancestors followed by the prerequisite itself, already sorted. The work is proportional
    to the size of the result, which the lesson pages list in full anyway.
    """
    found: list[tuple[int, ...]] = []
    for lid in order:
        prereqs = [position[p] for p in lessons[lid].prerequisites]
        if not prereqs:
            found.append(())
        elif len(prereqs) == 1:
            found.append((*found[prereqs[0]], prereqs[0]))
        else:
            merged = set(prereqs)
            for p in prereqs:
                merged.update(found[p])
            found.append(tuple(sorted(merged)))
    return found


@dataclass(frozen=True)
class Roadmap:
    tiers: tuple[Tier, ...]  # by number
    lessons: dict[str, Lesson]
    order: tuple[str, ...]  # a valid study order of every lesson
    position: dict[str, int]  # index of each lesson in `order`
    unlocks: dict[str, tuple[str, ...]]  # lessons that list this one as a prerequisite
    by_path: dict[str, str]  # docs-relative path -> lesson id
    _ancestors: tuple[tuple[int, ...], ...]  # per position in `order`: ancestors' positions, ascending

    @classmethod
    def build(cls, tiers: Iterable[Tier], lessons: Iterable[Lesson]) -> Roadmap:
        by_id = {lesson.id: lesson for lesson in lessons}
        order = topological_order(by_id.values())
        position = {lid: i for i, lid in enumerate(order)}
        unlocks: dict[str, list[str]] = {lid: [] for lid in order}
        for lid in order:
            for prereq in by_id[lid].prerequisites:
                unlocks[prereq].append(lid)
        return cls(
            tiers=tuple(sorted(tiers, key=lambda t: t.number)),
            lessons=by_id,
            order=tuple(order),
            position=position,
            unlocks={k: tuple(v) for k, v in unlocks.items()},
            by_path={lesson.path: lesson.id for lesson in by_id.values()},
            _ancestors=tuple(ancestor_positions(order, position, by_id)),
        )

    def tier(self, number: int) -> Tier:
        return next(t for t in self.tiers if t.number == number)

    def in_order(self, ids: Iterable[str]) -> list[Lesson]:
        return [self.lessons[lid] for lid in sorted(ids, key=self.position.__getitem__)]

    def tier_lessons(self, number: int) -> list[Lesson]:
        """The tier's lessons in study order."""
        return [self.lessons[lid] for lid in self.order if self.lessons[lid].tier == number]

    def ancestor_positions(self, lesson_id: str) -> tuple[int, ...]:
        """Positions in `order` of every lesson this one depends on, directly or not, ascending."""
        return self._ancestors[self.position[lesson_id]]

    def ancestors(self, lesson_id: str) -> list[Lesson]:
        """Every lesson this one depends on, directly or not, in study order."""
        return [self.lessons[self.order[i]] for i in self.ancestor_positions(lesson_id)]

    def descendants(self, lesson_id: str) -> list[Lesson]:
        """Every lesson that depends on this one, directly or not, in study order."""
        found: set[str] = set()
        waiting = [lesson_id]
        while waiting:
            for other in self.unlocks[waiting.pop()]:
                if other not in found:
                    found.add(other)
                    waiting.append(other)
        return self.in_order(found)
