"""What the build adds to pages: tier sections, the overview, the lesson header data, roadmap.json.

HTML goes through `html_text`, Mermaid through `mermaid.py`, JSON through `json_text`.
Diagrams are emitted as ```mermaid fences, which pymdownx.superfences HTML-escapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from . import mermaid, svg
from .escape import html_text, json_text
from .graph import Roadmap
from .model import Lesson, Priority, Tier
from .speed import gc_paused
from .text import plural

UrlOf = Callable[[str], str]
HOME_MARKER = "<!-- roadmap:tiers -->"
ROADMAP_PAGE = "roadmap.md"
ROADMAP_JSON = "roadmap.json"
JSON_SCHEMA_VERSION = 1
# Past this many lessons a tier's graph is unreadable (and Mermaid's default edge limit is 500).
MAX_GRAPH_LESSONS = 60


def linker(site_urls: Mapping[str, str], page_url: str) -> UrlOf:
    """URLs of docs paths relative to a page: up to the site root, then down from it.

    `site_urls` maps docs paths to URLs relative to the site root; `page_url` is the
    page's own URL relative to the root ("" for the home page, "math/vectors/" for a lesson).
    """
    prefix = root_prefix(page_url)
    return lambda path: prefix + site_urls[path]


def root_prefix(page_url: str) -> str:
    """The relative path from a page up to the site root: "" for the home page, "../../" for "math/vectors/"."""
    return "../" * page_url.count("/")


def format_hours(hours: float) -> str:
    return f"{hours:g} h"


def total_hours(lessons: Iterable[Lesson]) -> float:
    return sum(lesson.estimated_hours for lesson in lessons)


def tier_heading(tier: Tier) -> str:
    return f"Tier {tier.number} · {tier.title}"


def mermaid_fence(source: str) -> str:
    return f"```mermaid\n{source}\n```"


def badge(priority: Priority) -> str:
    return f'<span class="lr-badge lr-{priority.value}">{priority.value}</span>'


def legend() -> str:
    items = "".join(f"<li>{badge(p)}</li>" for p in Priority)
    return (
        '<ul class="lr-legend" aria-label="Priorities">'
        f"{items}"
        '<li><span class="lr-badge lr-outside">from an earlier tier</span></li>'
        "</ul>"
    )


def lesson_link(lesson: Lesson, url_of: UrlOf) -> str:
    return f'<a href="{html_text(url_of(lesson.path))}">{html_text(lesson.title)}</a>'


def lesson_table(roadmap: Roadmap, lessons: list[Lesson], url_of: UrlOf) -> str:
    rows = []
    for number, lesson in enumerate(lessons, start=1):
        prereqs = ", ".join(lesson_link(roadmap.lessons[p], url_of) for p in lesson.prerequisites) or "none"
        rows.append(
            "<tr>"
            f"<td>{number}</td>"
            f"<td>{lesson_link(lesson, url_of)}<br><small>{html_text(lesson.summary)}</small></td>"
            f"<td>{badge(lesson.priority)}</td>"
            f"<td>{format_hours(lesson.estimated_hours)}</td>"
            f"<td>{prereqs}</td>"
            "</tr>"
        )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table lr-lessons"><table>'
        "<thead><tr><th>#</th><th>Lesson</th><th>Priority</th><th>Hours</th><th>Prerequisites</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def tier_section(roadmap: Roadmap, tier: Tier, url_of: UrlOf) -> str:
    """Markdown appended to a tier's index page: its graph and its table."""
    lessons = roadmap.tier_lessons(tier.number)
    if not lessons:
        return "## Lessons in this tier\n\nNo lessons in this tier yet.\n"
    essentials = [lesson for lesson in lessons if lesson.priority is Priority.ESSENTIAL]
    summary = (
        f"{plural(len(lessons), 'lesson')}, {format_hours(total_hours(lessons))} in all. "
        f"Essentials only: {plural(len(essentials), 'lesson')}, {format_hours(total_hours(essentials))}. "
        "Click a lesson in the graph to open it. An arrow points from a prerequisite to the lesson that needs it."
    )
    if len(lessons) > MAX_GRAPH_LESSONS:
        graph = (
            f"<p>This tier has more than {MAX_GRAPH_LESSONS} lessons, too many for one readable graph: "
            "each lesson's page draws its own neighbourhood instead.</p>"
        )
    else:
        graph = mermaid_fence(mermaid.tier_graph(roadmap, tier, url_of))
    return "\n\n".join(
        [
            "## Lessons in this tier",
            summary,
            legend(),
            graph,
            "The same lessons in a valid study order:",
            lesson_table(roadmap, lessons, url_of),
        ]
    )


def tiers_block(roadmap: Roadmap, url_of: UrlOf) -> str:
    """Markdown for the home page: the chain of tiers, drawn at build time, and a table of tiers."""
    rows = []
    nodes = []
    for tier in roadmap.tiers:
        lessons = roadmap.tier_lessons(tier.number)
        essentials = [lesson for lesson in lessons if lesson.priority is Priority.ESSENTIAL]
        rows.append(
            "<tr>"
            f'<td>{tier.number}</td><td><a href="{html_text(url_of(tier.index_path))}">{html_text(tier.title)}</a></td>'
            f"<td>{len(lessons)}</td><td>{format_hours(total_hours(essentials))}</td>"
            f"<td>{format_hours(total_hours(lessons))}</td>"
            "</tr>"
        )
        detail = "no lessons yet"
        if lessons:
            detail = f"{plural(len(lessons), 'lesson')}, {format_hours(total_hours(lessons))}"
        nodes.append(svg.ChainNode(tier_heading(tier), detail, url_of(tier.index_path), "lr-tier"))
    table = (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table lr-tiers"><table>'
        "<thead><tr><th>Tier</th><th>Title</th><th>Lessons</th><th>Essentials</th><th>Everything</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div></div>"
    )
    chain = svg.chain_svg(nodes, "The tiers, each building on the one before. Each links to its page.")
    return "\n\n".join([f'<div class="lr-graph-wrap lr-tier-chain">{chain}</div>', table])


def overview_page(roadmap: Roadmap, url_of: UrlOf) -> str:
    """The whole roadmap page: tiers graph, every tier's lessons, and one study order."""
    parts = [
        "# The whole roadmap",
        "Six tiers, each building on the ones before it. Every lesson below links to its page; "
        "each tier page draws its lessons as a graph. The numbered list at the end is one valid "
        "order to study everything: every lesson comes after all of its prerequisites.",
        tiers_block(roadmap, url_of),
        "## Lessons by tier",
        legend(),
    ]
    for tier in roadmap.tiers:
        lessons = roadmap.tier_lessons(tier.number)
        link = f'<a href="{html_text(url_of(tier.index_path))}">{html_text(tier_heading(tier))}</a>'
        parts.append(f'<h3 id="tier-{tier.number}">{link}</h3>')
        parts.append(lesson_table(roadmap, lessons, url_of) if lessons else "<p>No lessons yet.</p>")
    items = "".join(
        f"<li>{lesson_link(lesson, url_of)} "
        f"<small>(tier {lesson.tier}, {lesson.priority.value}, {format_hours(lesson.estimated_hours)})</small></li>"
        for lesson in roadmap.in_order(roadmap.order)
    )
    parts += ["## Study order", f'<ol class="lr-study-order">{items}</ol>' if items else "<p>No lessons yet.</p>"]
    return "\n\n".join(parts) + "\n"


def lesson_views(roadmap: Roadmap, site_urls: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """What every lesson header shows, computed in one pass. Strings are raw; the template escapes them.

    URLs in the views are relative to the site root; each view's `root` ("../../") turns them
    into links relative to its own page, so the summaries of lessons are shared by every page.
    """
    with gc_paused():
        return _lesson_views(roadmap, site_urls)


def _lesson_views(roadmap: Roadmap, site_urls: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    # Learning paths run over ancestors, which add up to many times the number of lessons,
    # so that part works on positions in the study order: plain lists, no lookups by id.
    in_order = roadmap.in_order(roadmap.order)
    summary_at = [
        {
            "id": lesson.id,
            "title": lesson.title,
            "url": site_urls[lesson.path],
            "priority": lesson.priority.value,
            "tier": lesson.tier,
            "hours": format_hours(lesson.estimated_hours),
        }
        for lesson in in_order
    ]
    summaries = {summary["id"]: summary for summary in summary_at}
    hours_at = [lesson.estimated_hours for lesson in in_order]
    essential_at = [lesson.priority is Priority.ESSENTIAL for lesson in in_order]
    tiers = {t.number: {"number": t.number, "title": t.title, "url": site_urls[t.index_path]} for t in roadmap.tiers}
    views = {}
    for lesson in roadmap.lessons.values():
        page_url = site_urls[lesson.path]
        everything = roadmap.ancestor_positions(lesson.id)
        paths = [("Essentials only", [p for p in everything if essential_at[p]]), ("Everything", everything)]
        views[lesson.id] = {
            "root": root_prefix(page_url),
            "tier": tiers[lesson.tier],
            "priority": lesson.priority.value,
            "hours": format_hours(lesson.estimated_hours),
            "summary": lesson.summary,
            "outcomes": list(lesson.outcomes),
            "prerequisites": [summaries[o.id] for o in roadmap.in_order(lesson.prerequisites)],
            "unlocks": [summaries[lid] for lid in roadmap.unlocks[lesson.id]],
            "graph": svg.neighbourhood_svg(roadmap, lesson, linker(site_urls, page_url)),
            "paths": [
                learning_path(name, [summary_at[p] for p in before], sum([hours_at[p] for p in before]), lesson)
                for name, before in paths
            ],
        }
    return views


def learning_path(name: str, before: list[dict[str, Any]], hours: float, lesson: Lesson) -> dict[str, Any]:
    """The lessons to study before `lesson` (their summaries, in order), with the hours they take."""
    return {
        "name": name,
        "lessons": before,
        "hours_before": format_hours(hours),
        "hours_total": format_hours(hours + lesson.estimated_hours),
    }


def roadmap_json(roadmap: Roadmap, site_url_of: UrlOf) -> str:
    """The machine-readable roadmap. URLs are relative to the site root. See docs/roadmap-json.md."""
    return json_text(
        {
            "schema_version": JSON_SCHEMA_VERSION,
            "tiers": [{"number": t.number, "title": t.title, "url": site_url_of(t.index_path)} for t in roadmap.tiers],
            "lessons": [
                {
                    "id": lesson.id,
                    "title": lesson.title,
                    "tier": lesson.tier,
                    "priority": lesson.priority.value,
                    "estimated_hours": lesson.estimated_hours,
                    "summary": lesson.summary,
                    "url": site_url_of(lesson.path),
                    "prerequisites": list(lesson.prerequisites),
                }
                for lesson in roadmap.in_order(roadmap.order)
            ],
            "edges": [
                {"from": prereq, "to": lesson.id}
                for lesson in roadmap.in_order(roadmap.order)
                for prereq in lesson.prerequisites
            ],
            "study_order": list(roadmap.order),
        }
    )
