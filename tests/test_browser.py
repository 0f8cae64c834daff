"""The built sites in Debian's Chromium: diagrams, node clicks, instant navigation, math, palettes.

These tests never skip: without /usr/bin/chromium they fail, and scripts/test.sh installs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from conftest import BuiltSite
from playwright.sync_api import Browser, Page, sync_playwright
from roadmap.benchmark import CHROMIUM, CHROMIUM_ARGS
from sitebuild import ROOT

pytestmark = pytest.mark.browser

SCHEMES = ["light", "dark"]
SHOTS = ROOT / "test-results"  # screenshots of the real site, to look at
ALL_DRAWN = """() => {
  const blocks = [...document.querySelectorAll('div.mermaid')];
  return blocks.every(b => b.querySelector('svg') && b.dataset.rendered);
}"""
ALL_TYPESET = """() => [...document.querySelectorAll('.arithmatex')].every(m => m.querySelector('.katex'))"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a page did that it should not: console errors, page errors, requests elsewhere."""

    origin: str
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on(
            "console", lambda m: m.type in ("error", "warning") and self.problems.append(f"console {m.type}: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", self._request)

    def _request(self, request) -> None:  # type: ignore[no-untyped-def]
        parsed = urlparse(request.url)
        if parsed.scheme in ("data", "blob", "about"):
            return
        if f"{parsed.scheme}://{parsed.netloc}" != self.origin:
            self.problems.append(f"request to another host: {request.url}")


def open_page(browser: Browser, site: BuiltSite, path: str, scheme: str) -> tuple[Page, Watch]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})  # type: ignore[arg-type]
    page = context.new_page()
    watch = Watch(site.url.rstrip("/"))
    watch.attach(page)
    page.goto(site.url + path)
    settle(page)
    return page, watch


def settle(page: Page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function(ALL_DRAWN, timeout=20_000)
    page.wait_for_function(ALL_TYPESET, timeout=10_000)


def arrive(page: Page, url: str, heading: str) -> None:
    """Wait for an instant navigation to finish: the URL changes first, the content after."""
    page.wait_for_url(url)
    page.wait_for_function(
        "text => (document.querySelector('article h1') || {}).textContent?.includes(text)", arg=heading
    )
    settle(page)


def check_page(page: Page, watch: Watch, scheme: str, min_diagrams: int, min_math: int) -> None:
    expected_scheme = "slate" if scheme == "dark" else "default"
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
    diagrams = page.locator("div.mermaid")
    assert diagrams.count() >= min_diagrams
    assert page.locator("div.mermaid svg").count() == diagrams.count()
    for text in diagrams.all_inner_texts():
        assert "Syntax error" not in text and "Parse error" not in text
    assert page.locator(".arithmatex .katex").count() >= min_math
    assert page.locator(".arithmatex .katex-error").count() == 0
    assert page.evaluate("window.__xss") is None
    assert not watch.problems, watch.problems


def node(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.locator("div.mermaid svg g.node", has_text=text).first


def mark_document(page: Page) -> None:
    """A marker that survives instant navigation but not a full page load."""
    page.evaluate("window.__sameDocument = true")


def same_document(page: Page) -> bool:
    return bool(page.evaluate("window.__sameDocument === true"))


FIXTURE_PAGES = [("", 0, 1), ("basics/", 1, 0), ("advanced/class/", 0, 2)]
REAL_PAGES = [("", 0, 0), ("math/", 1, 0), ("math/vectors/", 0, 20)]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("path", "diagrams", "math"), FIXTURE_PAGES)
def test_fixture_pages_render(
    browser: Browser, served_fixture_site: BuiltSite, scheme: str, path: str, diagrams: int, math: int
) -> None:
    page, watch = open_page(browser, served_fixture_site, path, scheme)
    check_page(page, watch, scheme, diagrams, math)
    page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("path", "diagrams", "math"), REAL_PAGES)
def test_real_pages_render(
    browser: Browser, served_real_site: BuiltSite, scheme: str, path: str, diagrams: int, math: int
) -> None:
    page, watch = open_page(browser, served_real_site, path, scheme)
    check_page(page, watch, scheme, diagrams, math)
    SHOTS.mkdir(exist_ok=True)
    name = (path or "home").strip("/").replace("/", "-")
    page.screenshot(path=str(SHOTS / f"{name}-{scheme}.png"), full_page=True)
    page.context.close()


def test_tricky_titles_render_as_text(browser: Browser, served_fixture_site: BuiltSite) -> None:
    page, watch = open_page(browser, served_fixture_site, "advanced/", "light")
    svg_text = " ".join(page.locator("div.mermaid svg").all_text_contents())
    for title in (
        "Style; <script>window.__xss=2</script>",
        'click href "javascript:alert(1)"',
        "Class (parentheses) & more",
    ):
        assert title in svg_text, svg_text
    assert page.locator("div.mermaid svg script, div.mermaid svg img").count() == 0
    page.goto(served_fixture_site.url + "advanced/click/")
    settle(page)
    labels = page.locator("svg.lr-graph a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    assert labels == ["Class (parentheses) & more"]
    header = page.locator(".lr-header").inner_text()
    assert "Class (parentheses) & more" in header
    assert page.locator("h1").inner_text() == 'click href "javascript:alert(1)"'
    assert page.locator("svg.lr-graph script, svg.lr-graph img").count() == 0
    check_page(page, watch, "light", 0, 2)
    page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_clicking_nodes_follows_instant_navigation(
    browser: Browser, served_fixture_site: BuiltSite, scheme: str
) -> None:
    site = served_fixture_site
    page, watch = open_page(browser, site, "", scheme)
    mark_document(page)
    # Home: the chain of tiers, drawn at build time, links to tier pages; no Mermaid loads.
    assert page.evaluate("typeof window.mermaid") == "undefined"
    page.locator("svg.lr-graph a", has_text="Tier 0").click()
    arrive(page, site.url + "basics/", "Basics")
    # Tier page: a lesson node opens that lesson.
    node(page, "Graph").click()
    arrive(page, site.url + "basics/graph/", "Graph")
    # Lesson page: the neighbourhood graph in the header links onward.
    page.locator("svg.lr-graph a", has_text="Class (parentheses)").click()
    arrive(page, site.url + "advanced/class/", "Class (parentheses)")
    assert same_document(page), "a node click fell back to a full page load"
    # The browser's back button returns through instant navigation, diagrams intact.
    page.go_back()
    arrive(page, site.url + "basics/graph/", "Graph")
    check_page(page, watch, scheme, 0, 2)
    assert page.locator("svg.lr-graph a").count() == 2
    page.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_arriving_from_a_page_without_diagrams(browser: Browser, served_fixture_site: BuiltSite, scheme: str) -> None:
    site = served_fixture_site
    page, watch = open_page(browser, site, "contributing/", scheme)
    assert page.locator("div.mermaid").count() == 0
    assert page.evaluate("typeof window.mermaid") == "undefined"
    mark_document(page)
    page.locator("nav.md-nav a", has_text="Tier 0").first.click()
    arrive(page, site.url + "basics/", "Basics")
    assert same_document(page)
    check_page(page, watch, scheme, 1, 0)
    node(page, "subgraph").click()
    arrive(page, site.url + "basics/subgraph/", "subgraph")
    check_page(page, watch, scheme, 0, 2)
    assert page.locator("svg.lr-graph a").count() == 2  # end above, style below
    assert same_document(page)
    page.context.close()


def test_switching_palette_redraws_diagrams(browser: Browser, served_fixture_site: BuiltSite) -> None:
    page, watch = open_page(browser, served_fixture_site, "basics/", "light")
    assert page.evaluate("document.querySelector('div.mermaid').dataset.rendered") == "false"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function("document.querySelector('div.mermaid').dataset.rendered === 'true'")
    settle(page)
    check_page(page, watch, "dark", 1, 0)
    page.context.close()


CONTRAST = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const bg = rgb(getComputedStyle(document.querySelector('.md-main')).backgroundColor === 'rgba(0, 0, 0, 0)'
    ? getComputedStyle(document.body).backgroundColor
    : getComputedStyle(document.querySelector('.md-main')).backgroundColor);
  const text = document.querySelector('figure.lr-figure svg text');
  const ink = rgb(getComputedStyle(text).fill);
  const [hi, lo] = [lum(ink), lum(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 390])
def test_figures_are_visible_and_legible(
    browser: Browser, served_fixture_site: BuiltSite, scheme: str, width: int
) -> None:
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})  # type: ignore[arg-type]
    page = context.new_page()
    page.goto(served_fixture_site.url + "basics/end/")
    settle(page)
    figure = page.locator("figure.lr-figure").first
    figure.scroll_into_view_if_needed()
    box = figure.locator("svg").bounding_box()
    assert box is not None and box["width"] > min(300, width * 0.7) and box["height"] > 150
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # never wider than the screen
    assert page.evaluate(CONTRAST) >= 4.5
    assert figure.locator("svg").get_attribute("aria-label") == "Two curves meeting at the origin and at x = 2."
    SHOTS.mkdir(exist_ok=True)
    figure.screenshot(path=str(SHOTS / f"figure-{scheme}-{width}.png"))
    context.close()


def real_lesson_paths() -> list[str]:
    from roadmap.load import load_roadmap

    roadmap = load_roadmap(ROOT / "docs")
    return [roadmap.lessons[lid].path.removesuffix(".md") + "/" for lid in roadmap.order]


@pytest.mark.parametrize("path", real_lesson_paths())
def test_every_lesson_renders(browser: Browser, served_real_site: BuiltSite, path: str) -> None:
    """Every lesson as it lands: its graphs drawn, every formula typeset without error, figures in place."""
    page, watch = open_page(browser, served_real_site, path, "dark")
    assert page.locator(".arithmatex").count() > 0
    check_page(page, watch, "dark", 0, 1)
    assert page.locator("svg.lr-graph a, svg.lr-graph [aria-current=page]").count() >= 1
    # A '$' left in the text means a formula Markdown did not hand to KaTeX.
    stray = page.evaluate(
        """() => [...document.querySelectorAll('article p, article li, article td')]
              .filter(e => !e.closest('.arithmatex, code, pre') && /(^|[^\\\\])\\$[^\\s$]/.test(e.textContent)
                           && !/\\d\\$|\\$\\d/.test(e.textContent))
              .map(e => e.textContent.slice(0, 80))"""
    )
    assert not stray, stray
    for figure in page.locator("figure.lr-figure svg").all():
        assert figure.get_attribute("aria-label")
    page.context.close()
