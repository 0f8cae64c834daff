"""MkDocs event hooks: the only place the roadmap meets MkDocs.

Listed under `hooks:` in mkdocs.yml, so `mkdocs serve` and `scripts/build.py` run the
same code. MkDocs loads this file by path, not as part of its package, so the package's
parent folder goes on sys.path first.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from roadmap import figures, pages
from roadmap.escape import html_text
from roadmap.graph import Roadmap
from roadmap.load import display_path, load_roadmap, read_source
from roadmap.problems import RoadmapError

log = logging.getLogger("mkdocs.hooks.roadmap")
_roadmap: Roadmap | None = None
_site_urls: dict[str, str] = {}  # docs path -> URL relative to the site root
_views: dict[str, dict[str, Any]] = {}  # lesson id -> what its header shows
_frames: dict[str, dict[str, str]] = {}  # page src_uri -> figure key -> <figure> with caption and a slot
_drawings: dict[str, dict[str, str]] = {}  # page src_uri -> figure key -> the labelled SVG
_drawn = {"drawn": 0, "cached": 0}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _roadmap
    try:
        _roadmap = load_roadmap(Path(config.docs_dir))
    except RoadmapError as error:
        raise PluginError(str(error)) from None
    config.nav = _with_tiers(config.nav or [], _roadmap)
    _frames.clear()
    _drawings.clear()
    _drawn.update(drawn=0, cached=0)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    roadmap = _current()
    files.append(File.generated(config, pages.ROADMAP_PAGE, content="---\ntitle: The whole roadmap\n---\n"))
    _site_urls.clear()
    _site_urls.update({f.src_uri: f.url for f in files.documentation_pages()})
    linked = [lesson.path for lesson in roadmap.lessons.values()] + [t.index_path for t in roadmap.tiers]
    missing = sorted(path for path in linked if path not in _site_urls)
    if missing:
        raise PluginError(f"the roadmap links to {', '.join(missing)}, which MkDocs does not build as pages")
    _views.clear()
    _views.update(pages.lesson_views(roadmap, _site_urls))
    json_text = pages.roadmap_json(roadmap, _site_urls.__getitem__)
    files.append(File.generated(config, pages.ROADMAP_JSON, content=json_text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    roadmap = _current()
    src = page.file.src_uri
    # MkDocs and Material print page titles as HTML, unescaped: frontmatter titles are text.
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = html_text(page.meta["title"])
    if ".figure" in markdown:
        markdown = _draw_figures(markdown, page, config)

    url_of = pages.linker(_site_urls, page.url)
    if src == pages.ROADMAP_PAGE:
        return pages.overview_page(roadmap, url_of)
    if src == "index.md" and pages.HOME_MARKER in markdown:
        return markdown.replace(pages.HOME_MARKER, pages.tiers_block(roadmap, url_of))
    tier = next((t for t in roadmap.tiers if t.index_path == src), None)
    if tier is not None:
        return markdown.rstrip() + "\n\n" + pages.tier_section(roadmap, tier, url_of) + "\n"
    if src in roadmap.by_path:
        page.meta["lesson"] = _views[roadmap.by_path[src]]
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    frames = _frames.get(page.file.src_uri)
    return figures.fill_slots(html, frames) if frames else html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Drawings go into the finished page, after the search plugin has indexed its content:
    # the index keeps the captions but no tick labels, and nothing parses tens of
    # kilobytes of SVG per page.
    drawings = _drawings.get(page.file.src_uri)
    return figures.fill_slots(output, drawings, figures.SVG_SLOT) if drawings else output


def on_post_build(config: MkDocsConfig) -> None:
    if _drawn["drawn"] or _drawn["cached"]:
        log.info("figures: %d drawn, %d from the cache", _drawn["drawn"], _drawn["cached"])


def _draw_figures(markdown: str, page: Page, config: MkDocsConfig) -> str:
    """Replace the page's figure blocks by their drawings, from the cache when unchanged."""
    path = Path(page.file.abs_src_path or "")
    source = read_source(path) if path.is_file() else None
    first_line = 1
    if source is not None and not isinstance(source, list):
        # MkDocs hands over the body with its leading blank lines stripped.
        first_line = source.body_line + len(source.body) - len(source.body.lstrip("\n"))
    file = display_path(path) if path.is_file() else page.file.src_uri
    cache = Path(config.config_file_path).parent / ".cache" / "figures"
    try:
        found = figures.find_figures(file, markdown, first_line)
        frames, drawings = {}, {}
        for figure in found:
            svg, was_drawn = figures.rendered(figure, file, cache)
            _drawn["drawn" if was_drawn else "cached"] += 1
            frames[figure.key] = figures.figure_html(figure)
            drawings[figure.key] = figures.labelled_svg(figure, svg)
    except figures.FigureError as error:
        raise PluginError(str(error)) from None
    _frames[page.file.src_uri] = frames
    _drawings[page.file.src_uri] = drawings
    return figures.replace_blocks(markdown, found, first_line)


def _current() -> Roadmap:
    if _roadmap is None:
        raise PluginError("the roadmap was not loaded; on_config did not run")
    return _roadmap


def _with_tiers(nav: list[Any], roadmap: Roadmap) -> list[Any]:
    """The configured nav, with one section per tier inserted after the roadmap page."""
    sections = [
        {
            html_text(pages.tier_heading(tier)): [tier.index_path]
            + [lesson.path for lesson in roadmap.tier_lessons(tier.number)]
        }
        for tier in roadmap.tiers
    ]
    at = next(
        (
            i + 1
            for i, item in enumerate(nav)
            if pages.ROADMAP_PAGE in (item.values() if isinstance(item, dict) else [item])
        ),
        len(nav),
    )
    return nav[:at] + sections + nav[at:]
