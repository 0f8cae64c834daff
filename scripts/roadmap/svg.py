"""A lesson's neighbourhood drawn as SVG at build time: prerequisites above, the lesson, unlocks below.

The graph is small and its layout fixed, so it needs no layout engine and no JavaScript:
the page shows it at once, offline, even with scripts off, and does not have to load
Mermaid. Nodes are links. Colours come from CSS classes (roadmap.css) that match the
Mermaid graphs' priority styles; edges use currentColor, so both palettes read.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .escape import html_text
from .graph import Roadmap
from .model import Lesson

UrlOf = Callable[[str], str]
NODE_WIDTH = 200
LINE_HEIGHT = 17
PADDING = 10
CHARS_PER_LINE = 24
MAX_LINES = 3
PER_ROW = 2  # nodes side by side before a row wraps: keeps the text legible on a phone
GAP_X = 24
GAP_Y = 46


@dataclass(frozen=True)
class Box:
    lesson: Lesson
    lines: tuple[str, ...]
    x: float
    y: float
    current: bool = False

    @property
    def height(self) -> float:
        return box_height(len(self.lines))


def box_height(lines: int) -> float:
    return 2 * PADDING + LINE_HEIGHT * lines


@lru_cache(maxsize=65536)
def wrap(title: str) -> tuple[str, ...]:
    lines = textwrap.wrap(title, CHARS_PER_LINE, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), CHARS_PER_LINE)]
    return tuple(lines)


def layout_rows(rows: Sequence[Sequence[Lesson]], current: Lesson) -> tuple[list[list[Box]], float, float]:
    """Place each row's lessons, wrapping rows wider than PER_ROW. Returns the rows, width and height."""
    columns = max([1, *(min(len(row), PER_ROW) for row in rows)])
    width = columns * NODE_WIDTH + (columns - 1) * GAP_X
    placed: list[list[Box]] = []
    y = 0.0
    for row in rows:
        for start in range(0, len(row), PER_ROW):
            chunk = row[start : start + PER_ROW]
            wrapped = [wrap(lesson.title) for lesson in chunk]
            span = len(chunk) * NODE_WIDTH + (len(chunk) - 1) * GAP_X
            x0 = (width - span) / 2
            boxes = [
                Box(lesson, lines, x0 + i * (NODE_WIDTH + GAP_X), y, lesson.id == current.id)
                for i, (lesson, lines) in enumerate(zip(chunk, wrapped, strict=True))
            ]
            placed.append(boxes)
            y += max(box.height for box in boxes) + GAP_Y
    return placed, width, y - GAP_Y


@lru_cache(maxsize=65536)
def shape_svg(lines: tuple[str, ...]) -> str:
    """A node's box and text at the origin. Every page that shows the lesson reuses it."""
    height = box_height(len(lines))
    spans = "".join(
        f'<tspan x="{NODE_WIDTH / 2:g}" y="{PADDING + LINE_HEIGHT * (0.8 + i):g}">{html_text(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<rect width="{NODE_WIDTH}" height="{height:g}" rx="6"/><text text-anchor="middle">{spans}</text>'


def node_svg(box: Box, url_of: UrlOf) -> str:
    classes = f"lr-node lr-{box.lesson.priority.value}" + (" lr-current" if box.current else "")
    shape = f'<g transform="translate({box.x:g},{box.y:g})">{shape_svg(box.lines)}</g>'
    if box.current:
        return f'<g class="{classes}" aria-current="page">{shape}</g>'
    # xlink:href, not href: Material's instant navigation rewrites every [href] attribute
    # as an HTML link's property, which an SVG link does not have.
    href = html_text(url_of(box.lesson.path))
    return f'<a xlink:href="{href}" class="{classes}" aria-label="{html_text(box.lesson.title)}">{shape}</a>'


def edge_svg(upper: Box, lower: Box) -> str:
    x1, y1 = upper.x + NODE_WIDTH / 2, upper.y + upper.height
    x2, y2 = lower.x + NODE_WIDTH / 2, lower.y - 3
    mid = (y1 + y2) / 2
    return f'<path class="lr-edge" d="M{x1:g},{y1:g} C{x1:g},{mid:g} {x2:g},{mid:g} {x2:g},{y2:g}"/>'


def neighbourhood_svg(roadmap: Roadmap, lesson: Lesson, url_of: UrlOf) -> str:
    """The lesson, its direct prerequisites and the lessons it unlocks, as inline SVG."""
    before = roadmap.in_order(lesson.prerequisites)
    after = [roadmap.lessons[lid] for lid in roadmap.unlocks[lesson.id]]
    rows = [row for row in (before, [lesson], after) if row]
    placed, width, height = layout_rows(rows, lesson)
    boxes = [box for row in placed for box in row]
    centre = next(box for box in boxes if box.current)
    above = {other.id for other in before}
    below = {other.id for other in after}
    edges = [edge_svg(box, centre) for box in boxes if box.lesson.id in above]
    edges += [edge_svg(centre, box) for box in boxes if box.lesson.id in below]
    label = f"{lesson.title}: {len(before)} prerequisite(s) above, {len(after)} lesson(s) it unlocks below"
    return (
        f'<svg class="lr-graph" viewBox="-4 -4 {width + 8:g} {height + 8:g}" width="{width + 8:g}" '
        f'role="group" aria-label="{html_text(label)}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><marker id="lr-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>'
        f"{''.join(edges)}{''.join(node_svg(box, url_of) for box in boxes)}</svg>"
    )
