"""Small graphs drawn as SVG at build time: a lesson's neighbourhood, and the chain of tiers.

A neighbourhood has the lesson's prerequisites above it and the lessons it unlocks below;
the tiers form one chain, each tier building on the one before. Both are small and their
layout fixed, so they need no layout engine and no JavaScript:
the page shows it at once, offline, even with scripts off, and does not have to load
Mermaid. Nodes are links. Colours come from CSS classes (roadmap.css) that match the
Mermaid graphs' priority styles; edges use currentColor, so both palettes read.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple

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
CHAIN_WIDTH = 360  # the chain of tiers: one column of wider boxes
CHAIN_CHARS = 40
CHAIN_GAP = 30


class Box(NamedTuple):
    lesson: Lesson
    x: int
    y: int
    height: int
    current: bool


def box_height(lines: int) -> int:
    return 2 * PADDING + LINE_HEIGHT * lines


@lru_cache(maxsize=65536)
def wrap(title: str, chars: int = CHARS_PER_LINE) -> tuple[str, ...]:
    """At most MAX_LINES lines of at most `chars` characters; the last is shortened with [...]."""
    lines = fill_words(title, chars)
    if lines is None:
        lines = textwrap.wrap(title, chars, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), chars)]
    return tuple(lines)


def fill_words(text: str, chars: int) -> list[str] | None:
    """textwrap.wrap's lines for plain text: words of at most `chars` characters, single spaces.

    Returns None for anything else (hyphens, other whitespace, long words), which textwrap
    handles; tests compare the two on thousands of titles. Greedy filling is what textwrap
    does for such text, at a fraction of the cost.
    """
    words = text.split(" ")
    if "-" in text or "" in words or not text.isprintable() or max(map(len, words)) > chars:
        return None
    lines = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= chars:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def layout_rows(rows: Sequence[Sequence[Lesson]], current: Lesson) -> tuple[list[list[Box]], int, int]:
    """Place each row's lessons, wrapping rows wider than PER_ROW. Returns the rows, width and height.

    Every coordinate is a whole number: rows differ in width by whole boxes and gaps,
    NODE_WIDTH + GAP_X is even, and heights are sums of whole numbers.
    """
    columns = max([1, *(min(len(row), PER_ROW) for row in rows)])
    width = columns * NODE_WIDTH + (columns - 1) * GAP_X
    placed: list[list[Box]] = []
    y = 0
    for row in rows:
        for start in range(0, len(row), PER_ROW):
            chunk = row[start : start + PER_ROW]
            x = (width - len(chunk) * NODE_WIDTH - (len(chunk) - 1) * GAP_X) // 2
            boxes = []
            for lesson in chunk:
                height = box_height(len(wrap(lesson.title)))
                boxes.append(Box(lesson, x, y, height, lesson.id == current.id))
                x += NODE_WIDTH + GAP_X
            placed.append(boxes)
            y += max(box.height for box in boxes) + GAP_Y
    return placed, width, y - GAP_Y


@lru_cache(maxsize=65536)
def shape_svg(lines: tuple[str, ...], width: int = NODE_WIDTH) -> str:
    """A node's box and text at the origin. Every page that shows the node reuses it."""
    height = box_height(len(lines))
    spans = "".join(
        f'<tspan x="{width / 2:g}" y="{PADDING + LINE_HEIGHT * (0.8 + i):g}">{html_text(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<rect width="{width}" height="{height}" rx="6"/><text text-anchor="middle">{spans}</text>'


@lru_cache(maxsize=65536)
def node_parts(priority: str, title: str, current: bool) -> tuple[str, str, str]:
    """What a node's markup holds apart from its link and position: opening, shape, closing."""
    shape = shape_svg(wrap(title))
    if current:
        return f'<g class="lr-node lr-{priority} lr-current" aria-current="page">', shape, "</g>"
    return f'" class="lr-node lr-{priority}" aria-label="{html_text(title)}">', shape, "</a>"


def node_svg(box: Box, url_of: UrlOf) -> str:
    # A Priority is a str: its value without the enum's descriptor lookup.
    opening, shape, closing = node_parts(box.lesson.priority, box.lesson.title, box.current)
    placed = f'<g transform="translate({box.x},{box.y})">{shape}</g>'
    if box.current:
        return f"{opening}{placed}{closing}"
    # xlink:href, not href: Material's instant navigation rewrites every [href] attribute
    # as an HTML link's property, which an SVG link does not have.
    return f'<a xlink:href="{html_text(url_of(box.lesson.path))}{opening}{placed}{closing}'


def curve_svg(x1: int, y1: int, x2: int, y2: int) -> str:
    """An arrow from (x1, y1) down to (x2, y2), leaving and arriving vertically."""
    mid = f"{(y1 + y2) / 2:g}"
    return f'<path class="lr-edge" d="M{x1},{y1} C{x1},{mid} {x2},{mid} {x2},{y2}"/>'


def edge_svg(upper: Box, lower: Box) -> str:
    return curve_svg(upper.x + NODE_WIDTH // 2, upper.y + upper.height, lower.x + NODE_WIDTH // 2, lower.y - 3)


def graph_svg(width: int, height: int, label: str, body: str) -> str:
    """The <svg> element around a drawing: sized to it, labelled, with the arrowhead marker."""
    return (
        f'<svg class="lr-graph" viewBox="-4 -4 {width + 8} {height + 8}" width="{width + 8}" '
        f'role="group" aria-label="{html_text(label)}" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><marker id="lr-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>'
        f"{body}</svg>"
    )


def neighbourhood_svg(roadmap: Roadmap, lesson: Lesson, url_of: UrlOf) -> str:
    """The lesson, its direct prerequisites and the lessons it unlocks, as inline SVG."""
    before = roadmap.in_order(lesson.prerequisites)
    after = [roadmap.lessons[lid] for lid in roadmap.unlocks[lesson.id]]
    rows = [row for row in (before, [lesson], after) if row]
    placed, width, height = layout_rows(rows, lesson)
    boxes = [box for row in placed for box in row]
    # Rows come in order: prerequisites, then the lesson, then what it unlocks.
    split = next(i for i, box in enumerate(boxes) if box.current)
    centre = boxes[split]
    edges = [edge_svg(box, centre) for box in boxes[:split]]
    edges += [edge_svg(centre, box) for box in boxes[split + 1 :]]
    label = f"{lesson.title}: {len(before)} prerequisite(s) above, {len(after)} lesson(s) it unlocks below"
    return graph_svg(width, height, label, "".join(edges) + "".join(node_svg(box, url_of) for box in boxes))


class ChainNode(NamedTuple):
    title: str  # wrapped to fit the box
    detail: str  # one more line under the title
    url: str  # relative to the page
    css: str  # the node's class, e.g. "lr-tier"


def chain_svg(nodes: Sequence[ChainNode], label: str) -> str:
    """Nodes in one column, top to bottom, each with an arrow to the next. Every node is a link."""
    if not nodes:
        return ""
    centre = CHAIN_WIDTH // 2
    parts: list[str] = []
    y = 0
    for node in nodes:
        lines = (*wrap(node.title, CHAIN_CHARS), node.detail)
        if parts:
            parts.insert(0, curve_svg(centre, y - CHAIN_GAP, centre, y - 3))
        parts.append(
            f'<a xlink:href="{html_text(node.url)}" class="lr-node {node.css}" '
            f'aria-label="{html_text(f"{node.title}, {node.detail}")}">'
            f'<g transform="translate(0,{y})">{shape_svg(lines, CHAIN_WIDTH)}</g></a>'
        )
        y += box_height(len(lines)) + CHAIN_GAP
    return graph_svg(CHAIN_WIDTH, y - CHAIN_GAP, label, "".join(parts))
