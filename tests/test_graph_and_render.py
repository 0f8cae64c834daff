"""Graph algorithms, escaping, and the Mermaid/HTML/JSON renderers."""

from __future__ import annotations

import html
import json
import random
import re
import textwrap

import pytest
from roadmap import pages, svg
from roadmap.escape import html_text, json_text, mermaid_id, mermaid_label, mermaid_url
from roadmap.graph import Roadmap, topological_order
from roadmap.markdown import parse
from roadmap.mermaid import tier_graph
from roadmap.model import Lesson, Priority, Tier
from roadmap.validate import cycle_in, strongly_connected

TIERS = [Tier(0, "Maths", "math"), Tier(1, "Code", "code")]


def lesson(
    lid: str, prereqs: tuple[str, ...] = (), tier: int = 0, priority: str = "essential", title: str = ""
) -> Lesson:
    folder = TIERS[tier].folder
    return Lesson(
        lid, f"{folder}/{lid}.md", tier, title or lid.upper(), Priority(priority), prereqs, 2.0, "S.", ("a", "b", "c")
    )


def is_valid_order(order: list[str], lessons: list[Lesson]) -> bool:
    at = {lid: i for i, lid in enumerate(order)}
    return sorted(order) == sorted(x.id for x in lessons) and all(
        at[p] < at[x.id] for x in lessons for p in x.prerequisites
    )


DIAMOND = [
    lesson("d", ("b", "c")),
    lesson("c", ("a",), priority="essential", title="Zeta"),
    lesson("b", ("a",), priority="essential", title="Alpha"),
    lesson("a"),
    lesson("e", ("d",), tier=1, priority="optional"),
    lesson("f", ("a",), tier=1, priority="recommended"),
]


def test_order_respects_prerequisites_and_breaks_ties_by_tier_priority_title() -> None:
    order = topological_order(DIAMOND)
    assert is_valid_order(order, DIAMOND)
    assert order == ["a", "b", "c", "d", "f", "e"]  # b (Alpha) before c (Zeta); f recommended before e optional


def test_order_rejects_a_cycle() -> None:
    with pytest.raises(ValueError, match="cycle"):
        topological_order([lesson("a", ("b",)), lesson("b", ("a",))])


def test_ancestors_descendants_and_unlocks() -> None:
    roadmap = Roadmap.build(TIERS, DIAMOND)
    assert [x.id for x in roadmap.ancestors("d")] == ["a", "b", "c"]
    assert [x.id for x in roadmap.ancestors("e")] == ["a", "b", "c", "d"]
    assert roadmap.ancestors("a") == []
    assert [x.id for x in roadmap.descendants("a")] == ["b", "c", "d", "f", "e"]
    assert roadmap.unlocks["a"] == ("b", "c", "f")
    assert [x.id for x in roadmap.tier_lessons(1)] == ["f", "e"]


def site_urls(roadmap: Roadmap) -> dict[str, str]:
    paths = [x.path for x in roadmap.lessons.values()] + [t.index_path for t in roadmap.tiers]
    return {p: p.removesuffix("index.md").removesuffix(".md") + ("" if p.endswith("index.md") else "/") for p in paths}


def test_learning_path_essentials_only_drops_recommended() -> None:
    lessons = [lesson("a"), lesson("r", ("a",), priority="recommended"), lesson("x", ("r",), priority="optional")]
    roadmap = Roadmap.build(TIERS, lessons)
    essentials, everything = pages.lesson_views(roadmap, site_urls(roadmap))["x"]["paths"]
    assert [x["id"] for x in everything["lessons"]] == ["a", "r"]
    assert [x["id"] for x in essentials["lessons"]] == ["a"]
    assert essentials["name"] == "Essentials only" and everything["name"] == "Everything"


def test_long_chain_has_no_recursion_limit() -> None:
    chain = [lesson(f"l{i}", (f"l{i - 1}",) if i else ()) for i in range(3000)]
    roadmap = Roadmap.build(TIERS, chain)
    assert len(roadmap.ancestors("l2999")) == 2999
    edges = {x.id: list(x.prerequisites) for x in chain}
    assert all(len(c) == 1 for c in strongly_connected(edges))


def test_strongly_connected_and_cycle() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": [], "e": ["e"]}
    components = strongly_connected(edges)
    assert ["a", "b", "c"] in components
    assert cycle_in(["a", "b", "c"], edges) == ["a", "b", "c", "a"]


# --- escaping ---------------------------------------------------------------------------

NASTY = 'Quotes "q" & <b>bold</b> #1 (β) [x] {y} `tick` end;'


def test_mermaid_label_uses_entity_codes_and_stays_one_line() -> None:
    label = mermaid_label(NASTY + "\nsecond line")
    assert label.startswith('"') and label.endswith('"')
    inner = label[1:-1]
    for char in '"<>&`':
        assert char not in inner
    assert "#35;1" in inner and "#quot;q#quot;" in inner and "#amp;" in inner and "#lt;b#gt;" in inner
    assert "\n" not in label
    # '#' is coded first, so the codes of later characters are not mangled.
    assert "#35;amp;" not in inner


@pytest.mark.parametrize("keyword", ["end", "graph", "subgraph", "class", "style", "click", "flowchart", "call"])
def test_mermaid_ids_never_collide_with_keywords(keyword: str) -> None:
    assert mermaid_id("L", keyword) == f"L_{keyword}"


def test_mermaid_ids_are_distinct_and_safe() -> None:
    assert mermaid_id("L", "a-b") != mermaid_id("L", "ab")
    with pytest.raises(ValueError):
        mermaid_id("L", "a_b")
    with pytest.raises(ValueError):
        mermaid_id("L", 'x"];click')


def test_mermaid_url_is_quoted() -> None:
    assert mermaid_url('../a b/"x"/') == '"../a%20b/%22x%22/"'


def test_html_and_json_escaping() -> None:
    assert html_text('<a href="x">&</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
    assert json.loads(json_text({"t": NASTY})) == {"t": NASTY}


# --- renderers --------------------------------------------------------------------------


def url_of(path: str) -> str:
    return "../" + path.removesuffix(".md") + "/"


def tricky_roadmap() -> Roadmap:
    lessons = [
        lesson("end", title=NASTY),
        lesson("graph", ("end",), title="<img src=x onerror=alert(1)>"),
        lesson("click", ("graph",), tier=1, title="Ünïcødé & \u2018quotes\u2019"),
        lesson("style", ("click", "end"), tier=1, priority="recommended", title="Style"),
    ]
    return Roadmap.build(TIERS, lessons)


def test_tier_graph_has_stubs_for_outside_prerequisites() -> None:
    roadmap = tricky_roadmap()
    source = tier_graph(roadmap, TIERS[1], url_of)
    assert source.startswith("flowchart LR")
    assert "class L_graph outside" in source  # prerequisite from tier 0, drawn as a stub
    assert "class L_end outside" in source
    assert "L_graph --> L_click" in source and "L_click --> L_style" in source and "L_end --> L_style" in source
    assert 'click L_click href "../code/click/"' in source
    assert "<" not in source and "&" not in source.replace("#amp;", "")


def test_neighbourhood_svg() -> None:
    roadmap = tricky_roadmap()
    drawing = svg.neighbourhood_svg(roadmap, roadmap.lessons["graph"], url_of)
    assert drawing.startswith('<svg class="lr-graph"')
    # Prerequisite above and unlocked lesson below are links; the lesson itself is not.
    assert '<a xlink:href="../math/end/"' in drawing and '<a xlink:href="../code/click/"' in drawing
    assert 'href="../math/graph/"' not in drawing and 'aria-current="page"' in drawing
    assert drawing.count('class="lr-edge"') == 2
    assert "L_style" not in drawing and "Style" not in drawing  # not a direct neighbour
    # Titles are text: escaped in node labels and link labels.
    assert "<img" not in drawing and "&lt;img src=x" in drawing
    assert "<b>" not in svg.neighbourhood_svg(roadmap, roadmap.lessons["end"], url_of)


def test_neighbourhood_svg_wraps_long_titles_and_wide_rows() -> None:
    hub = lesson("hub")
    many = [lesson(f"u{i}", ("hub",), title="A rather long title that needs wrapping " * 3) for i in range(5)]
    roadmap = Roadmap.build(TIERS, [hub, *many])
    drawing = svg.neighbourhood_svg(roadmap, hub, url_of)
    assert drawing.count("<a ") == 5 and drawing.count('class="lr-edge"') == 5
    assert max(len(line) for line in svg.wrap(many[0].title)) <= svg.CHARS_PER_LINE
    assert len(svg.wrap(many[0].title)) == svg.MAX_LINES
    width = float(drawing.split('width="', 1)[1].split('"', 1)[0])
    assert width <= svg.PER_ROW * svg.NODE_WIDTH + (svg.PER_ROW - 1) * svg.GAP_X + 8


def test_tiers_chain_links_tier_pages_in_order() -> None:
    roadmap = Roadmap.build([*TIERS, Tier(2, "Empty <b>tier</b>", "empty")], tricky_roadmap().lessons.values())
    block = pages.tiers_block(roadmap, url_of)
    drawing = block.split('<div class="lr-graph-wrap lr-tier-chain">', 1)[1].split("</svg>", 1)[0]
    links = re.findall(r'xlink:href="([^"]+)"', drawing)
    assert links == ["../math/index/", "../code/index/", "../empty/index/"]
    assert drawing.count('class="lr-edge"') == 2  # 0 -> 1 -> 2
    assert "2 lessons, 4 h" in drawing and "no lessons yet" in drawing
    assert "<b>" not in drawing and "Empty &lt;b&gt;tier&lt;/b&gt;" in drawing
    assert "```mermaid" not in block  # the home page needs no Mermaid


def test_chain_of_no_tiers_is_empty() -> None:
    assert svg.chain_svg([], "nothing") == ""


def test_tier_section_and_overview_escape_titles() -> None:
    roadmap = tricky_roadmap()
    tier_page = pages.tier_section(roadmap, TIERS[0], url_of)
    overview = pages.overview_page(roadmap, url_of)
    for markdown in (tier_page, overview):
        assert "<img src=x" not in markdown
        assert html.escape("<img src=x onerror=alert(1)>") in markdown
    # Mermaid diagrams go through the superfences fence, never as raw HTML.
    fences = re.findall(r"```mermaid\n(.*?)\n```", tier_page, re.DOTALL)
    assert fences and all("```" not in f for f in fences)
    # The overview's only graph is the chain of tiers, drawn at build time.
    assert "```mermaid" not in overview and 'class="lr-graph"' in overview


def test_overview_lists_every_lesson_in_study_order() -> None:
    roadmap = tricky_roadmap()
    overview = pages.overview_page(roadmap, url_of)
    study = overview.split("## Study order", 1)[1]
    positions = [study.index(f'href="{url_of(roadmap.lessons[lid].path)}"') for lid in roadmap.order]
    assert positions == sorted(positions)


def test_lesson_view_paths_hours_and_links() -> None:
    roadmap = tricky_roadmap()
    views = pages.lesson_views(roadmap, site_urls(roadmap))
    view = views["style"]
    everything = view["paths"][1]
    assert [x["id"] for x in everything["lessons"]] == ["end", "graph", "click"]
    assert everything["hours_before"] == "6 h" and everything["hours_total"] == "8 h"
    assert [x["id"] for x in view["prerequisites"]] == ["end", "click"]
    assert view["unlocks"] == []
    assert [x["id"] for x in views["end"]["unlocks"]] == ["graph", "style"]
    # Links: the page's root prefix plus a URL relative to the site root.
    assert view["root"] == "../../" and view["prerequisites"][0]["url"] == "math/end/"
    assert view["tier"]["url"] == "code/"
    assert 'href="../../code/click/"' in view["graph"]
    # Summaries are shared between pages, not rebuilt for each.
    assert views["graph"]["prerequisites"][0] is views["style"]["prerequisites"][0]


def test_roadmap_json_schema() -> None:
    roadmap = tricky_roadmap()
    data = json.loads(pages.roadmap_json(roadmap, lambda p: p.removesuffix(".md") + "/"))
    assert data["schema_version"] == 1
    assert [t["number"] for t in data["tiers"]] == [0, 1]
    assert data["study_order"] == list(roadmap.order)
    first = data["lessons"][0]
    assert set(first) == {"id", "title", "tier", "priority", "estimated_hours", "summary", "url", "prerequisites"}
    assert {"from": "end", "to": "graph"} in data["edges"]
    assert len(data["edges"]) == 4
    assert data["lessons"][0]["title"] == NASTY


def test_markdown_parser_finds_indented_blocks_and_headings() -> None:
    body = (
        '## A\n\n```python\nx = 1\n```\n\n??? success "Solution"\n\n    ```python\n    y = 2\n    ```\n\n'
        "```{.python .stub}\nz\n```\n\n```text\n## not a heading\n```\n### B\n"
    )
    doc = parse(body, first_line=5)
    assert [(b.line, b.runs, b.code) for b in doc.blocks] == [
        (8, True, "x = 1"),
        (14, True, "y = 2"),
        (18, False, "z"),
        (22, False, "## not a heading"),
    ]
    assert [(h.line, h.level, h.text) for h in doc.headings] == [(5, 2, "A"), (24, 3, "B")]


def test_a_tier_too_big_for_one_graph_gets_a_table_only() -> None:
    chain = [lesson(f"l{i}", (f"l{i - 1}",) if i else ()) for i in range(pages.MAX_GRAPH_LESSONS + 1)]
    roadmap = Roadmap.build(TIERS, chain)
    section = pages.tier_section(roadmap, TIERS[0], url_of)
    assert "```mermaid" not in section and "too many for one readable graph" in section
    assert section.count("<tr>") == pages.MAX_GRAPH_LESSONS + 2  # header row and every lesson
    small = Roadmap.build(TIERS, chain[: pages.MAX_GRAPH_LESSONS])
    assert "```mermaid" in pages.tier_section(small, TIERS[0], url_of)


def test_fast_word_fill_matches_textwrap() -> None:
    rng = random.Random(7)
    words = ["a", "to", "the", "gradient", "Kullback\u2013Leibler", "x²", "\u03c3(wx + b)", "self-attention", "é"]
    words += ["ab" * 13, "a\tb", "a\u00a0b", "a\nb"]  # longer than a line; other whitespace
    answered = 0
    for _ in range(5000):
        text = rng.choice(["", " ", "  "]).join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        for chars in (svg.CHARS_PER_LINE, svg.CHAIN_CHARS):
            fast = svg.fill_words(text, chars)
            if fast is not None:
                answered += 1
                assert fast == textwrap.wrap(text, chars, break_long_words=True), text
    assert answered > 1000
