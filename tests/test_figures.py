"""Figures drawn by code at build time: placement, escaping, caching and failures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import BuiltSite
from roadmap import figures
from roadmap.lint import check_figures
from roadmap.markdown import parse
from sitebuild import build, fixture_project

FIGURE = (
    '```{.python .figure caption="A <b>line</b> & more." alt="A rising line."}\n'
    "import matplotlib.pyplot as plt\n"
    "\n"
    "plt.plot([0, 1], [0, 1])\n"
    "\n"
    "```\n"
)


def counts(output: str) -> tuple[int, int]:
    match = re.search(r"figures: (\d+) drawn, (\d+) from the cache", output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def test_find_and_replace_keep_surrounding_text_and_indentation() -> None:
    indented = "\n".join("    " + line if line else "" for line in FIGURE.splitlines())
    markdown = f'Before.\n\n{FIGURE}\nMiddle.\n\n??? note "Inside"\n\n{indented}\n\nAfter.\n'
    found = figures.find_figures("x.md", markdown, first_line=10)
    assert [(f.line, f.indent, f.end) for f in found] == [(13, 0, 17), (24, 4, 28)]
    assert found[0].caption == "A <b>line</b> & more." and found[0].alt == "A rising line."
    replaced = figures.replace_blocks(markdown, found, first_line=10)
    assert replaced.startswith("Before.\n\n" + figures.placeholder(found[0]))
    assert "Middle." in replaced and replaced.endswith("After.\n")
    assert "    " + figures.placeholder(found[1]) in replaced
    assert ".figure" not in replaced
    # The code stays readable, collapsed, as an ordinary Python block.
    blocks = parse(replaced).blocks
    assert [b.code for b in blocks] == [found[0].code.rstrip(), found[1].code.rstrip()]
    assert all(b.info == "python" for b in blocks)


def test_missing_caption_or_alt_is_an_error() -> None:
    markdown = '```{.python .figure alt="x"}\nimport matplotlib\n```\n'
    with pytest.raises(figures.FigureError, match=r"x\.md:3: the figure block has no caption"):
        figures.find_figures("x.md", markdown, first_line=3)
    problems = check_figures("x.md", parse(markdown, 3))
    assert len(problems) == 1 and problems[0].field == "line 3"


def test_figure_html_escapes_caption_and_alt() -> None:
    figure = figures.find_figures("x.md", FIGURE.replace("A rising line.", "A 'rising' <line> & more"))[0]
    svg = figures.labelled_svg(figure, '<svg width="1"></svg>')
    assert svg.startswith('<svg role="img" aria-label="A &#x27;rising&#x27; &lt;line&gt; &amp; more" width="1">')
    html = figures.figure_html(figure)
    assert "<figcaption>A &lt;b&gt;line&lt;/b&gt; &amp; more.</figcaption>" in html
    assert f'<div class="lr-figure-svg" data-figure="{figure.key}"></div>' in html


def test_drawing_uses_current_color_and_the_cache(tmp_path: Path) -> None:
    figure = figures.find_figures("x.md", FIGURE)[0]
    svg, drawn = figures.rendered(figure, "x.md", tmp_path)
    assert drawn and svg.startswith("<svg") and "currentColor" in svg
    assert figures.INK not in svg
    assert 'fill="#ffffff"' not in svg.lower()  # transparent: no white background
    again, drawn_again = figures.rendered(figure, "x.md", tmp_path)
    assert again == svg and not drawn_again
    changed = figures.find_figures("x.md", FIGURE.replace("[0, 1])", "[1, 0])"))[0]
    assert changed.key != figure.key


def test_a_failing_figure_names_the_file_and_line(tmp_path: Path) -> None:
    figure = figures.find_figures("docs/t/x.md", FIGURE.replace("plt.plot", "1 / 0\nplt.plot"), first_line=7)[0]
    with pytest.raises(figures.FigureError) as error:
        figures.draw(figure, "docs/t/x.md")
    assert str(error.value).startswith("docs/t/x.md:8: the figure block failed: ZeroDivisionError: division by zero.")


def test_fill_slots_leaves_unknown_slots() -> None:
    slot = '<div class="lr-figure-slot" data-figure="{}"></div>'
    html = "<p>" + slot.format("abc") + "</p>" + slot.format("zzz")
    assert figures.fill_slots(html, {"abc": "<figure>A</figure>"}) == (
        '<figure>A</figure><div class="lr-figure-slot" data-figure="zzz"></div>'
    )
    inner = '<div class="lr-figure-svg" data-figure="abc"></div>'
    assert figures.fill_slots(inner, {"abc": "<svg/>"}) == inner  # another class of slot is left alone
    assert figures.fill_slots(inner, {"abc": "<svg/>"}, figures.SVG_SLOT) == "<svg/>"


def test_fixture_figures_are_in_the_page(fixture_site: BuiltSite) -> None:
    page = (fixture_site.path / "basics" / "end" / "index.html").read_text()
    assert page.count('<figure class="lr-figure">') == 2
    assert 'aria-label="Two curves meeting at the origin and at x = 2."' in page
    assert "[0, 2] &lt;test&gt;.</figcaption>" in page
    assert "lr-figure-slot" not in page and "lr-figure-svg" not in page
    assert "The code that draws this figure" in page
    # The search index has the captions, but not the text inside the drawings.
    index = json.loads((fixture_site.path / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("basics/end/"))
    assert "[0, 2] &lt;test&gt;." in text or "[0, 2] <test>." in text
    assert "1.75" in page and "1.75" not in text  # a tick label: in the drawing, not in the index


def test_second_build_redraws_nothing_and_an_edit_redraws_one(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    first = build(config, tmp_path / "site")
    assert first.returncode == 0, first.stderr
    assert counts(first.stderr) == (2, 0)
    second = build(config, tmp_path / "site")
    assert counts(second.stderr) == (0, 2)
    lesson = config.parent / "docs" / "basics" / "end.md"
    lesson.write_text(lesson.read_text().replace("np.sin(t)", "np.cos(t)"))
    third = build(config, tmp_path / "site")
    assert counts(third.stderr) == (1, 1)


def test_a_broken_figure_fails_the_build_with_file_and_line(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    lesson = config.parent / "docs" / "basics" / "end.md"
    text = lesson.read_text().replace("ax.legend()", "ax.legend()\nundefined_name")
    lesson.write_text(text)
    line = text.splitlines().index("import numpy as np") + 1
    result = build(config, tmp_path / "site")
    assert result.returncode == 1
    assert f"docs/basics/end.md:{line}: the figure block failed: NameError" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
