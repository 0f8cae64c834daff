"""MkDocs event hooks: the only place the roadmap meets MkDocs.

Listed under `hooks:` in mkdocs.yml, so `mkdocs serve` and `scripts/build.py` run the
same code. MkDocs loads this file by path, not as part of its package, so the package's
parent folder goes on sys.path first.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from roadmap import pages
from roadmap.escape import html_text
from roadmap.graph import Roadmap
from roadmap.load import load_roadmap
from roadmap.problems import RoadmapError

_roadmap: Roadmap | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _roadmap
    try:
        _roadmap = load_roadmap(Path(config.docs_dir))
    except RoadmapError as error:
        raise PluginError(str(error)) from None
    config.nav = _with_tiers(config.nav or [], _roadmap)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    roadmap = _current()
    files.append(File.generated(config, pages.ROADMAP_PAGE, content="---\ntitle: The whole roadmap\n---\n"))
    json_text = pages.roadmap_json(roadmap, lambda path: _file(files, path).url)
    files.append(File.generated(config, pages.ROADMAP_JSON, content=json_text))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    roadmap = _current()
    src = page.file.src_uri
    # MkDocs and Material print page titles as HTML, unescaped: frontmatter titles are text.
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = html_text(page.meta["title"])

    def url_of(path: str) -> str:
        return get_relative_url(_file(files, path).url, page.url)

    if src == pages.ROADMAP_PAGE:
        return pages.overview_page(roadmap, url_of)
    if src == "index.md" and pages.HOME_MARKER in markdown:
        return markdown.replace(pages.HOME_MARKER, pages.tiers_block(roadmap, url_of))
    tier = next((t for t in roadmap.tiers if t.index_path == src), None)
    if tier is not None:
        return markdown.rstrip() + "\n\n" + pages.tier_section(roadmap, tier, url_of) + "\n"
    if src in roadmap.by_path:
        page.meta["lesson"] = pages.lesson_view(roadmap, roadmap.lessons[roadmap.by_path[src]], url_of)
    return markdown


def _current() -> Roadmap:
    if _roadmap is None:
        raise PluginError("the roadmap was not loaded; on_config did not run")
    return _roadmap


def _file(files: Files, path: str) -> File:
    found = files.get_file_from_path(path)
    if found is None:
        raise PluginError(f"the roadmap links to {path}, which is not among the site's files")
    return found


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
