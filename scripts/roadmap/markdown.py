"""Just enough Markdown structure for the lesson lint and the lesson code tests.

Fenced code blocks (also inside indented `???` blocks) and `##`/`###` headings,
each with the line number it has in the file.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$")
PYTHON_NAMES = frozenset({"python", "py", "python3"})


@dataclass(frozen=True)
class CodeBlock:
    line: int  # line of the first line of code, 1-based, in the whole file
    info: str  # the fence's info string, e.g. "python" or "{.python .stub}"
    code: str  # dedented
    indent: int  # columns of indentation of the fence
    end: int  # line of the closing fence, 1-based, in the whole file

    @property
    def language(self) -> str:
        info = self.info.strip()
        if info.startswith("{"):
            classes = re.findall(r"\.([\w-]+)", info)
            return classes[0] if classes else ""
        return info.split(maxsplit=1)[0] if info else ""

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON_NAMES

    @property
    def is_stub(self) -> bool:
        return re.search(r"(?:^|[\s{])\.stub\b", self.info) is not None

    @property
    def runs(self) -> bool:
        """Python blocks run in the tests, except a learner's starter stub."""
        return self.is_python and not self.is_stub


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str


@dataclass(frozen=True)
class Document:
    lines: tuple[str, ...]  # the body, without frontmatter
    first_line: int  # file line number of lines[0]
    blocks: tuple[CodeBlock, ...]
    headings: tuple[Heading, ...]

    def section(self, title: str) -> tuple[int, int] | None:
        """File line range [start, end) of the `##` section with this title."""
        level2 = [h for h in self.headings if h.level <= 2]
        for i, heading in enumerate(level2):
            if heading.level == 2 and heading.text == title:
                end = level2[i + 1].line if i + 1 < len(level2) else self.first_line + len(self.lines)
                return heading.line, end
        return None

    def text(self, span: tuple[int, int]) -> list[str]:
        start, end = span
        return list(self.lines[start - self.first_line : end - self.first_line])

    def blocks_in(self, span: tuple[int, int]) -> list[CodeBlock]:
        return [b for b in self.blocks if span[0] <= b.line < span[1]]

    def headings_in(self, span: tuple[int, int], level: int) -> list[Heading]:
        return [h for h in self.headings if span[0] < h.line < span[1] and h.level == level]


def parse(body: str, first_line: int = 1) -> Document:
    """Find code blocks and headings outside code blocks. `first_line` is the body's line in the file."""
    lines = tuple(body.splitlines())
    blocks: list[CodeBlock] = []
    headings: list[Heading] = []
    i = 0
    while i < len(lines):
        match = FENCE_OPEN.match(lines[i])
        if match:
            indent, fence = match.group("indent"), match.group("fence")
            close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            j = i + 1
            while j < len(lines) and not close.match(lines[j]):
                j += 1
            code = textwrap.dedent("\n".join(lines[i + 1 : j]))
            blocks.append(
                CodeBlock(first_line + i + 1, match.group("info"), code, len(indent.expandtabs(4)), first_line + j)
            )
            i = j + 1
            continue
        heading = HEADING.match(lines[i])
        if heading:
            headings.append(Heading(first_line + i, len(heading.group("level")), heading.group("text")))
        i += 1
    return Document(lines, first_line, tuple(blocks), tuple(headings))
