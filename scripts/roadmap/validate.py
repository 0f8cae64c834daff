"""The one place that validates content: frontmatter fields, tiers, and the graph.

Every check appends `Problem`s instead of raising, so a contributor sees every
problem at once. `load.py` turns files into the mappings checked here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .model import Lesson, Priority, Tier
from .problems import Problem

LESSON_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_FIELDS = ("title", "priority", "prerequisites", "estimated_hours", "summary", "outcomes")
# Keys MkDocs and Material read from frontmatter; allowed beside the lesson fields.
THEME_FIELDS = frozenset({"hide", "search", "tags", "description", "status", "icon", "subtitle"})
MAX_HOURS = 40
OUTCOMES_RANGE = (3, 5)
KNOWN_FIELDS = frozenset(REQUIRED_FIELDS) | THEME_FIELDS


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """' Did you mean 'x'?' for a near miss, or ''."""
    close = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def describe(value: Any) -> str:
    """A value as a contributor wrote it, short enough for one line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_lesson_id(file: str, lesson_id: str) -> list[Problem]:
    if LESSON_ID.match(lesson_id):
        return []
    suggestion = re.sub(r"[^a-z0-9]+", "-", lesson_id.lower()).strip("-") or "my-lesson"
    return [
        Problem(
            file,
            "file name",
            f"the lesson id {describe(lesson_id)} (the file name without .md) "
            "must be lowercase letters and digits joined by '-'.",
            f"rename the file to {suggestion}.md.",
        )
    ]


def _text(file: str, data: Mapping[str, Any], field: str, what: str) -> tuple[str | None, list[Problem]]:
    value = data[field]
    if isinstance(value, str) and value.strip():
        return value.strip(), []
    return None, [Problem(file, field, f"must be {what}, got {describe(value)}.", f"write {field}: <{what}>.")]


def _priority(file: str, value: Any) -> tuple[Priority | None, list[Problem]]:
    allowed = [p.value for p in Priority]
    if isinstance(value, str) and value in allowed:
        return Priority(value), []
    hint = did_you_mean(value, allowed) if isinstance(value, str) else ""
    return None, [
        Problem(
            file,
            "priority",
            f"unknown priority {describe(value)}.{hint}",
            f"use one of {', '.join(allowed)}.",
        )
    ]


def _prerequisites(file: str, value: Any) -> tuple[tuple[str, ...] | None, list[Problem]]:
    if isinstance(value, str):
        return None, [
            Problem(
                file,
                "prerequisites",
                f"must be a list, got the string {describe(value)}.",
                f"write prerequisites: [{value}] (a list, even for one lesson).",
            )
        ]
    if value is None:
        value = []
    if not isinstance(value, list):
        return None, [
            Problem(
                file,
                "prerequisites",
                f"must be a list of lesson ids, got {describe(value)}.",
                "write prerequisites: [lesson-id, ...], or [] if there are none.",
            )
        ]
    problems = [
        Problem(
            file,
            "prerequisites",
            f"entry {describe(item)} is not a lesson id.",
            "write each prerequisite as the lesson's file name without .md.",
        )
        for item in value
        if not isinstance(item, str)
    ]
    ids = [item for item in value if isinstance(item, str)]
    problems += [
        Problem(file, "prerequisites", f"lists {describe(item)} twice.", "list each prerequisite once.")
        for item in sorted({i for i in ids if ids.count(i) > 1})
    ]
    return (tuple(ids), problems) if not problems else (None, problems)


def _hours(file: str, value: Any) -> tuple[float | None, list[Problem]]:
    if is_number(value) and 0 < value <= MAX_HOURS:
        return float(value), []
    if is_number(value) and value > MAX_HOURS:
        message = f"{describe(value)} hours is more than one lesson should take ({MAX_HOURS} at most)."
        fix = "split the lesson, or correct the estimate."
    else:
        message = f"must be a number of hours greater than 0, got {describe(value)}."
        fix = "write estimated_hours: 3 (a plain number, no units)."
    return None, [Problem(file, "estimated_hours", message, fix)]


def _outcomes(file: str, value: Any) -> tuple[tuple[str, ...] | None, list[Problem]]:
    low, high = OUTCOMES_RANGE
    fix = f"list {low} to {high} outcomes, each a checkable sentence such as 'Derive ...'."
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return None, [Problem(file, "outcomes", f"must be a list of sentences, got {describe(value)}.", fix)]
    if not low <= len(value) <= high:
        return None, [Problem(file, "outcomes", f"has {len(value)} outcomes.", fix)]
    return tuple(v.strip() for v in value), []


def lesson_from_frontmatter(file: str, path: str, tier: int, data: Mapping[str, Any]) -> Lesson | list[Problem]:
    """Build a Lesson from parsed frontmatter, or return every problem with it.

    `file` is how problems name the file; `path` is relative to docs/.
    """
    lesson_id = path.rsplit("/", 1)[-1].removesuffix(".md")
    problems = check_lesson_id(file, lesson_id)
    for key in data:
        if key not in KNOWN_FIELDS:
            problems.append(
                Problem(
                    file,
                    str(key),
                    f"unknown field {describe(key)}.{did_you_mean(str(key), REQUIRED_FIELDS)}",
                    f"use only {', '.join(REQUIRED_FIELDS)}.",
                )
            )
    missing = [f for f in REQUIRED_FIELDS if f not in data]
    problems += [
        Problem(file, field, "is missing.", "add it to the frontmatter; see docs/contributing.md.") for field in missing
    ]
    if missing:
        return problems
    title, p1 = _text(file, data, "title", "a non-empty title")
    summary, p2 = _text(file, data, "summary", "a one-sentence summary")
    priority, p3 = _priority(file, data["priority"])
    prerequisites, p4 = _prerequisites(file, data["prerequisites"])
    hours, p5 = _hours(file, data["estimated_hours"])
    outcomes, p6 = _outcomes(file, data["outcomes"])
    problems += p1 + p2 + p3 + p4 + p5 + p6
    if problems:
        return problems
    assert title and summary and priority and prerequisites is not None and hours and outcomes
    return Lesson(lesson_id, path, tier, title, priority, prerequisites, hours, summary, outcomes)


def tier_from_frontmatter(file: str, folder: str, data: Mapping[str, Any]) -> Tier | list[Problem]:
    problems: list[Problem] = []
    number = data.get("tier")
    if not isinstance(number, int) or isinstance(number, bool) or number < 0:
        problems.append(
            Problem(file, "tier", f"must be a whole number from 0, got {describe(number)}.", "write tier: 0.")
        )
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(
            Problem(file, "title", f"must be the tier's title, got {describe(title)}.", "write title: <tier title>.")
        )
    if problems:
        return problems
    assert isinstance(number, int) and isinstance(title, str)
    return Tier(number, title.strip(), folder)


def check_tiers(tiers: list[Tier], file_of: Mapping[str, str]) -> list[Problem]:
    """Tier numbers are unique and run 0, 1, 2, ... without gaps."""
    problems: list[Problem] = []
    by_number: dict[int, list[Tier]] = {}
    for tier in tiers:
        by_number.setdefault(tier.number, []).append(tier)
    for number, same in sorted(by_number.items()):
        for tier in same[1:]:
            problems.append(
                Problem(
                    file_of[tier.folder],
                    "tier",
                    f"tier {number} is also claimed by {file_of[same[0].folder]}.",
                    "give each tier folder its own number.",
                )
            )
    expected = list(range(len(by_number)))
    if sorted(by_number) != expected:
        for tier in tiers:
            if tier.number not in expected:
                problems.append(
                    Problem(
                        file_of[tier.folder],
                        "tier",
                        f"tier numbers must run 0, 1, 2, ... without gaps; {tier.number} leaves a gap.",
                        "renumber the tiers.",
                    )
                )
    return problems


def check_graph(lessons: list[Lesson], tiers: Mapping[int, Tier], file_of: Mapping[str, str]) -> list[Problem]:
    """Problems between lessons: duplicate ids, unknown, self, later-tier and cyclic prerequisites.

    `file_of` maps a lesson's docs-relative path to how problems name it.
    """
    problems: list[Problem] = []
    by_id: dict[str, list[Lesson]] = {}
    for lesson in lessons:
        by_id.setdefault(lesson.id, []).append(lesson)
    for lesson_id, same in sorted(by_id.items()):
        if len(same) > 1:
            others = ", ".join(file_of[lesson.path] for lesson in same)
            for lesson in same:
                problems.append(
                    Problem(
                        file_of[lesson.path],
                        "file name",
                        f"the lesson id '{lesson_id}' is used by {len(same)} files: {others}.",
                        "lesson ids are unique across the site; rename all but one file.",
                    )
                )
    known = {lesson.id: lesson for lesson in lessons}
    for lesson in lessons:
        problems += _check_prerequisites(lesson, known, tiers, file_of[lesson.path])
    problems += _check_cycles(lessons, known, file_of)
    return problems


def _check_prerequisites(
    lesson: Lesson, known: Mapping[str, Lesson], tiers: Mapping[int, Tier], file: str
) -> list[Problem]:
    problems: list[Problem] = []
    for prereq in lesson.prerequisites:
        if prereq == lesson.id:
            problems.append(
                Problem(
                    file,
                    "prerequisites",
                    f"the lesson '{lesson.id}' lists itself.",
                    "remove it from its own prerequisites.",
                )
            )
            continue
        other = known.get(prereq)
        if other is None:
            problems.append(
                Problem(
                    file,
                    "prerequisites",
                    f"unknown lesson '{prereq}'.{did_you_mean(prereq, known)}",
                    "use the id of an existing lesson (its file name without .md).",
                )
            )
        elif other.tier > lesson.tier:
            problems.append(
                Problem(
                    file,
                    "prerequisites",
                    f"'{prereq}' is in tier {other.tier} ({tiers[other.tier].title}), "
                    f"after this lesson's tier {lesson.tier}.",
                    "a prerequisite must be in the same tier or an earlier one; "
                    "move one of the lessons or drop the prerequisite.",
                )
            )
        elif lesson.priority is Priority.ESSENTIAL and other.priority is not Priority.ESSENTIAL:
            problems.append(
                Problem(
                    file,
                    "prerequisites",
                    f"this lesson is essential but its prerequisite '{prereq}' is {other.priority.value}.",
                    f"make '{prereq}' essential, or drop it from the prerequisites.",
                )
            )
    return problems


def _check_cycles(lessons: list[Lesson], known: Mapping[str, Lesson], file_of: Mapping[str, str]) -> list[Problem]:
    edges = {
        lesson.id: sorted({p for p in lesson.prerequisites if p in known and p != lesson.id}) for lesson in lessons
    }
    problems = []
    for component in strongly_connected(edges):
        if len(component) < 2:
            continue
        cycle = cycle_in(component, edges)
        first = known[cycle[0]]
        problems.append(
            Problem(
                file_of[first.path],
                "prerequisites",
                f"prerequisites form a cycle (-> means 'requires'): {' -> '.join(cycle)}.",
                "remove one prerequisite in the cycle; a lesson cannot require itself, even indirectly.",
            )
        )
    return problems


def strongly_connected(edges: Mapping[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative, so deep graphs do not hit the recursion limit."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            successors = edges.get(node, [])
            if child < len(successors):
                work.append((node, child + 1))
                succ = successors[child]
                if succ not in index:
                    work.append((succ, 0))
                elif succ in on_stack:
                    low[node] = min(low[node], index[succ])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def cycle_in(component: list[str], edges: Mapping[str, list[str]]) -> list[str]:
    """A shortest cycle through the component's first id, as [a, b, ..., a]."""
    members = set(component)
    start = component[0]
    parents: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for succ in edges[node]:
                if succ == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(parents[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if succ in members and succ not in parents:
                    parents[succ] = node
                    following.append(succ)
        frontier = following
    raise AssertionError("a strongly connected component always holds a cycle")
