"""Whole-site builds: the real docs/ and a fixture roadmap, through scripts/build.py."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import BuiltSite
from roadmap.load import load_roadmap
from sitebuild import ROOT, build, fixture_project

# Tags that make the browser fetch something. A canonical link names the page; it fetches nothing.
EXTERNAL = re.compile(
    r"""<(?:script|link|img|iframe|source)\b(?![^>]*rel="canonical")[^>]*\s(?:src|href)=["']?(?:https?:)?//""", re.I
)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_real_site_has_every_page_and_roadmap_json(real_site: BuiltSite) -> None:
    roadmap = load_roadmap(ROOT / "docs")
    site = real_site.path
    data = json.loads((site / "roadmap.json").read_text())
    assert data["schema_version"] == 1
    assert [t["number"] for t in data["tiers"]] == list(range(6))
    assert {lesson["id"] for lesson in data["lessons"]} == set(roadmap.lessons)
    assert data["study_order"] == list(roadmap.order)
    for lesson in data["lessons"]:
        page = (site / lesson["url"] / "index.html").read_text()
        assert 'class="lr-header"' in page, lesson["id"]
        assert 'class="lr-graph"' in page, lesson["id"]
    for tier in data["tiers"]:
        page = (site / tier["url"] / "index.html").read_text()
        assert "Lessons in this tier" in page
    overview = (site / "roadmap" / "index.html").read_text()
    assert "Study order" in overview and "lr-study-order" in overview
    home = (site / "index.html").read_text()
    assert "roadmap:tiers" not in home and 'class="lr-graph-wrap lr-tier-chain"' in home
    assert 'class="mermaid"' not in home and 'class="mermaid"' in (site / "math" / "index.html").read_text()


def test_generated_pages_are_not_in_the_repo() -> None:
    assert not (ROOT / "docs" / "roadmap.md").exists()
    assert not (ROOT / "docs" / "roadmap.json").exists()


def test_no_page_loads_anything_from_another_host(real_site: BuiltSite, fixture_site: BuiltSite) -> None:
    for site in (real_site.path, fixture_site.path):
        for page in html_files(site):
            text = page.read_text()
            assert not EXTERNAL.search(text), f"{page}: {EXTERNAL.search(text)}"
            assert "fonts.googleapis" not in text and "unpkg.com" not in text and "jsdelivr" not in text


def test_mermaid_is_loaded_only_where_there_is_a_diagram(real_site: BuiltSite) -> None:
    for page in html_files(real_site.path):
        text = page.read_text()
        has_diagram = 'class="mermaid"' in text
        assert ("mermaid.tiny.js" in text) == has_diagram, page


def test_fixture_titles_are_escaped_everywhere(fixture_site: BuiltSite) -> None:
    for page in html_files(fixture_site.path):
        text = page.read_text()
        assert "<img src=x" not in text, page
        assert "<script>window.__xss" not in text, page
        assert "<b>bold</b>" not in text, page
    lesson = (fixture_site.path / "basics" / "graph" / "index.html").read_text()
    assert "&lt;img src=x onerror=" in lesson


def test_a_broken_lesson_fails_the_build_and_leaves_the_site_alone(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    docs = config.parent / "docs"
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    lesson = docs / "basics" / "graph.md"
    lesson.write_text(lesson.read_text().replace("prerequisites: [end]", "prerequisites: [ned, graph]"))
    (docs / "basics" / "empty.md").write_text("")
    result = build(config, site)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("docs/")]
    assert lines == [
        "docs/basics/empty.md: the file is empty. Fix: start it with frontmatter between '---' lines.",
        "docs/basics/graph.md: prerequisites: the lesson 'graph' lists itself. Fix: remove it from its own "
        "prerequisites.",
        "docs/basics/graph.md: prerequisites: unknown lesson 'ned'. Did you mean 'end'? Fix: use the id of an "
        "existing lesson (its file name without .md).",
    ], result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_strict_warning_fails_the_build_and_leaves_the_site_alone(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    site = tmp_path / "site"
    assert build(config, site).returncode == 0
    marker = site / "marker.txt"
    marker.write_text("still here")
    page = config.parent / "docs" / "basics" / "end.md"
    page.write_text(page.read_text() + "\n[a broken link](no-such-page.md)\n")
    result = build(config, site)
    assert result.returncode == 1
    assert "no-such-page.md" in result.stdout + result.stderr
    assert marker.read_text() == "still here"


def test_mkdocs_build_itself_reports_problems_without_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    config = fixture_project(tmp_path)
    (config.parent / "docs" / "basics" / "bad.md").write_text("---\npriority: urgent\n---\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=config.parent,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/basics/bad.md: title: is missing." in result.stderr
    assert not (tmp_path / "out").exists()
    shutil.rmtree(config.parent)
