"""Mermaid flowcharts of the roadmap. Every label and URL passes through escape.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .escape import mermaid_id, mermaid_label, mermaid_url
from .graph import Roadmap
from .model import Lesson, Priority, Tier

UrlOf = Callable[[str], str]  # docs-relative path -> URL relative to the page holding the diagram

# Fixed fills with their own text colour, so nodes read the same on light and dark pages.
CLASS_DEFS = {
    Priority.ESSENTIAL.value: "fill:#1a56a8,stroke:#0b3470,color:#ffffff,stroke-width:2px",
    Priority.RECOMMENDED.value: "fill:#0f7a6d,stroke:#07534a,color:#ffffff,stroke-width:2px",
    Priority.OPTIONAL.value: "fill:#f3f3f3,stroke:#6b6b6b,color:#262626,stroke-width:2px,stroke-dasharray:6 3",
    "outside": "fill:#ffffff,stroke:#8a8a8a,color:#3a3a3a,stroke-width:1px,stroke-dasharray:3 3",
    "current": "stroke:#f29100,stroke-width:5px",
}


# A tier's lessons run left to right: prerequisite chains are a few lessons deep but
# many lessons wide, so top-to-bottom gives a graph several screens wide.
TIER_DIRECTION = "LR"


def lesson_node(lesson: Lesson) -> str:
    return mermaid_id("L", lesson.id)


def _header(direction: str = "TB") -> list[str]:
    return [f"flowchart {direction}"] + [f"  classDef {name} {style}" for name, style in CLASS_DEFS.items()]


def _node_lines(node: str, label: str, classes: Iterable[str], url: str) -> list[str]:
    # One `class` line per class: in `class a,b name` the commas separate node ids.
    return [
        f"  {node}[{mermaid_label(label)}]",
        *(f"  class {node} {name}" for name in classes),
        f"  click {node} href {mermaid_url(url)}",
    ]


def _lesson_lines(lesson: Lesson, url_of: UrlOf, *extra: str) -> list[str]:
    return _node_lines(lesson_node(lesson), lesson.title, (lesson.priority.value, *extra), url_of(lesson.path))


def tier_graph(roadmap: Roadmap, tier: Tier, url_of: UrlOf) -> str:
    """A tier's lessons, with prerequisites from earlier tiers as small dashed stubs."""
    lessons = roadmap.tier_lessons(tier.number)
    inside = {lesson.id for lesson in lessons}
    outside = roadmap.in_order({p for lesson in lessons for p in lesson.prerequisites if p not in inside})
    lines = _header(TIER_DIRECTION)
    for lesson in outside:
        label = f"Tier {lesson.tier}: {lesson.title}"
        lines += _node_lines(lesson_node(lesson), label, ("outside",), url_of(lesson.path))
    for lesson in lessons:
        lines += _lesson_lines(lesson, url_of)
    for lesson in lessons:
        for prereq in lesson.prerequisites:
            lines.append(f"  {lesson_node(roadmap.lessons[prereq])} --> {lesson_node(lesson)}")
    return "\n".join(lines)
