"""Figures drawn by code that runs: a lesson's ```{.python .figure} blocks become inline SVG.

A figure block is ordinary Python that draws with matplotlib; it needs a `caption` and
an `alt` attribute:

    ```{.python .figure caption="What the figure shows." alt="A text alternative."}
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ```

At build time each block runs on its own, in a fresh namespace, and the figure it leaves
open is saved as SVG. Text and axes are drawn in `currentColor`, so one SVG reads in the
light and the dark palette. SVGs are cached by a hash of the code and the style, so an
unchanged figure is never drawn twice. The tests run the same blocks in page order with
the rest of the lesson's code.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .escape import html_text
from .markdown import CodeBlock, parse

# Bump when the style below changes, so cached figures are redrawn.
STYLE_VERSION = "1"
SLOT = "lr-figure-slot"  # where the Markdown had the figure block
SVG_SLOT = "lr-figure-svg"  # where the drawing goes, inside the figure
INK = "#010203"  # placeholder for text, axes and ticks; becomes currentColor in the SVG
# Mid-tone colours that keep their contrast on white and on Material's dark slate.
PALETTE = ["#3b82f6", "#f97316", "#16a34a", "#e11d48", "#9333ea", "#0891b2"]
WIDTH_INCHES, HEIGHT_INCHES = 6.4, 4.0
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Figure:
    line: int  # first line of the figure's code in the file
    code: str
    caption: str
    alt: str
    indent: int  # columns of indentation of the fence
    end: int  # line of the closing fence in the file

    @property
    def key(self) -> str:
        """The cache key: everything that decides what the figure looks like."""
        text = "\n".join([STYLE_VERSION, matplotlib_version(), self.code])
        return hashlib.sha256(text.encode()).hexdigest()[:20]


@functools.cache
def matplotlib_version() -> str:
    """Read from the installed package's metadata: importing matplotlib takes most of a second,
    and a build whose figures all come from the cache never needs it."""
    return importlib.metadata.version("matplotlib")


class FigureError(Exception):
    """A figure block that cannot be drawn, at a file's line, with what to do about it."""

    def __init__(self, file: str, line: int, message: str, fix: str) -> None:
        self.file, self.line, self.message, self.fix = file, line, message, fix
        super().__init__(f"{file}:{line}: {message} Fix: {fix}")


def is_figure(block: CodeBlock) -> bool:
    return block.is_python and re.search(r"(?:^|[\s{])\.figure\b", block.info) is not None


def attributes(info: str) -> dict[str, str]:
    return dict(ATTRIBUTE.findall(info))


def find_figures(file: str, markdown: str, first_line: int = 1) -> list[Figure]:
    """Every figure block of a page, or a FigureError naming what is missing.

    `first_line` is the file line on which `markdown` starts, so messages name file lines.
    """
    figures = []
    for block in parse(markdown, first_line).blocks:
        if not is_figure(block):
            continue
        attrs = attributes(block.info)
        missing = [name for name in ("caption", "alt") if not attrs.get(name, "").strip()]
        if missing:
            raise FigureError(
                file,
                block.line - 1,
                f"the figure block has no {' or '.join(missing)}.",
                'write ```{.python .figure caption="What it shows." alt="A text alternative."}.',
            )
        figures.append(Figure(block.line, block.code, attrs["caption"], attrs["alt"], block.indent, block.end))
    return figures


def draw(figure: Figure, file: str) -> str:
    """Run the figure's code and return its SVG, with ink in currentColor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.close("all")
    style = {
        "figure.figsize": (WIDTH_INCHES, HEIGHT_INCHES),
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.transparent": True,
        "text.color": INK,
        "axes.labelcolor": INK,
        "axes.edgecolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "grid.color": INK,
        "grid.alpha": 0.25,
        "legend.frameon": False,
        "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
        "font.size": 11,
        "svg.fonttype": "none",  # real text: selectable, searchable, in the page's font
        "svg.hashsalt": figure.key,  # deterministic ids that differ between figures
        "lines.linewidth": 2.0,
    }
    with matplotlib.rc_context(style):
        namespace: dict[str, object] = {"__name__": "__figure__"}
        code = compile("\n" * (figure.line - 1) + figure.code, file, "exec")
        try:
            exec(code, namespace)
        except Exception as error:
            plt.close("all")
            raise FigureError(
                file,
                figure.line,
                f"the figure block failed: {type(error).__name__}: {error}.",
                "run the block on its own; it runs alone, in a fresh namespace, and must draw one matplotlib figure.",
            ) from None
        if not plt.get_fignums():
            raise FigureError(file, figure.line, "the figure block drew nothing.", "draw with matplotlib.pyplot.")
        buffer = io.StringIO()
        plt.gcf().savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
        plt.close("all")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype: the SVG is inlined
    return svg.replace(INK, "currentColor")


def rendered(figure: Figure, file: str, cache: Path) -> tuple[str, bool]:
    """The figure's SVG from the cache, or drawn and cached. Returns (svg, was_drawn)."""
    path = cache / f"{figure.key}.svg"
    if path.is_file():
        return path.read_text(encoding="utf-8"), False
    svg = draw(figure, file)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_text(svg, encoding="utf-8")
    return svg, True


def placeholder(figure: Figure) -> str:
    return f'<div class="{SLOT}" data-figure="{figure.key}"></div>'


def source_markdown(figure: Figure) -> list[str]:
    """What replaces the fence in the Markdown: a slot for the figure, and its code, collapsed."""
    code = ["    " + line if line.strip() else "" for line in figure.code.splitlines()]
    return [
        placeholder(figure),
        "",
        '??? abstract "The code that draws this figure"',
        "",
        "    ```python",
        *code,
        "    ```",
    ]


def replace_blocks(markdown: str, figures: list[Figure], first_line: int = 1) -> str:
    """Swap each figure's fence for its slot and collapsed code, keeping the fence's indentation."""
    lines = markdown.splitlines()
    # The fence is on the line before the code; index it by its position in `lines`.
    by_index = {f.line - 1 - first_line: f for f in figures}
    out: list[str] = []
    i = 0
    while i < len(lines):
        figure = by_index.get(i)
        if figure is None:
            out.append(lines[i])
            i += 1
            continue
        pad = " " * figure.indent
        out += [pad + line if line else "" for line in source_markdown(figure)]
        i = figure.end - first_line + 1  # past the closing fence
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def figure_html(figure: Figure) -> str:
    """The figure around its drawing's slot, with the caption. The caption is data: escaped here.

    The drawing goes in after the search plugin has indexed the page (hooks.on_post_page),
    so the index holds the caption but not the drawing's tick labels.
    """
    slot = f'<div class="{SVG_SLOT}" data-figure="{figure.key}"></div>'
    return f'<figure class="lr-figure">{slot}<figcaption>{html_text(figure.caption)}</figcaption></figure>'


def labelled_svg(figure: Figure, svg: str) -> str:
    """The drawing, labelled with the figure's alt text (escaped) for readers who cannot see it."""
    return svg.replace("<svg", f'<svg role="img" aria-label="{html_text(figure.alt)}"', 1)


def fill_slots(html: str, parts: dict[str, str], slot_class: str = SLOT) -> str:
    """Put each figure's part into its slot of class `slot_class`; unknown slots stay."""
    slot = re.compile(rf'(?:<p>)?<div class="{slot_class}" data-figure="(\w+)"></div>(?:</p>)?')
    return slot.sub(lambda match: parts.get(match.group(1), match.group(0)), html)
