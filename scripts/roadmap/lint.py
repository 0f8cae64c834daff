"""The lesson lint: the structure LESSON_STANDARD.md asks of every lesson.

Each rule is a small function from a parsed lesson to a list of Problems, so each
error names the lesson, the section, and what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .figures import FigureError, find_figures
from .load import Source, display_path, read_source
from .markdown import Document, parse
from .problems import Problem
from .scaffold import PLACEHOLDER
from .validate import lesson_from_frontmatter

SECTIONS = (
    "Why this matters",
    "The idea",
    "Worked example",
    "Exercises",
    "Implement it",
    "Study drills",
    "Check yourself",
    "Common mistakes",
    "Further reading",
)
MIN_EXERCISES = 3
DRILLS_RANGE = (2, 4)
MIN_QUESTIONS = 5
SOLUTION = re.compile(r'^\s*\?\?\?\+?\s+success\s+"Solution"\s*$')
REFERENCE = re.compile(r'^(?P<indent>\s*)\?\?\?\+?\s+success\s+"Reference solution"\s*$')
QUESTION = re.compile(r'^\s*\?\?\?\+?\s+question\s+"[^"]+"\s*$')
LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(?P<text>.*)$")
# A citation pins a place in a work: a section, chapter, page, lecture, appendix or equation.
LOCATOR = re.compile(
    r"§|\bch(?:apter|s?\.)\s*\d|\bchapters?\s+\d|\bsec(?:tion|s?\.)\s*\d|\bsections?\s+\d|\bpp?\.\s*\d"
    r"|\blecture\s+\d|\bappendix\b|\bpart\s+[IVX\d]|\beq(?:uation|\.)\s*\(?\d",
    re.IGNORECASE,
)
BARE_URL = re.compile(r"^<?https?://\S+>?$|^\[[^\]]*\]\(https?://[^)]*\)$")

Rule = Callable[[str, Document], list[Problem]]


def check_h1(file: str, doc: Document) -> list[Problem]:
    return [
        Problem(
            file,
            f"line {h.line}",
            f"the body has a '#' heading ({h.text!r}).",
            "remove it; the page title comes from the frontmatter's title.",
        )
        for h in doc.headings
        if h.level == 1
    ]


def check_sections(file: str, doc: Document) -> list[Problem]:
    found = [h for h in doc.headings if h.level == 2]
    names = [h.text for h in found]
    problems = [
        Problem(file, f"line {h.line}", f"unexpected section '## {h.text}'.", _section_fix())
        for h in found
        if h.text not in SECTIONS
    ]
    problems += [
        Problem(file, "sections", f"the section '## {name}' is missing.", _section_fix())
        for name in SECTIONS
        if name not in names
    ]
    present = [name for name in names if name in SECTIONS]
    expected = [name for name in SECTIONS if name in present]
    if present != expected:
        problems.append(
            Problem(
                file,
                "sections",
                f"the sections are out of order: {', '.join(present)}.",
                _section_fix(),
            )
        )
    problems += [
        Problem(file, "sections", f"the section '## {name}' appears {names.count(name)} times.", _section_fix())
        for name in SECTIONS
        if names.count(name) > 1
    ]
    return problems


def _section_fix() -> str:
    return "use exactly these '##' sections, in order: " + "; ".join(SECTIONS) + "."


def check_exercises(file: str, doc: Document) -> list[Problem]:
    span = doc.section("Exercises")
    if span is None:
        return []
    exercises = doc.headings_in(span, 3)
    problems = []
    if len(exercises) < MIN_EXERCISES:
        problems.append(
            Problem(
                file,
                "Exercises",
                f"has {len(exercises)} exercise(s); at least {MIN_EXERCISES} are needed.",
                "add exercises, each under its own '###' heading, from drill to derivation to proof.",
            )
        )
    bounds = [h.line for h in exercises] + [span[1]]
    for heading, end in zip(exercises, bounds[1:], strict=False):
        if not any(SOLUTION.match(line) for line in doc.text((heading.line, end))):
            problems.append(
                Problem(
                    file,
                    "Exercises",
                    f"exercise '{heading.text}' (line {heading.line}) has no hidden solution.",
                    'add a collapsed block `??? success "Solution"` with the full working.',
                )
            )
    return problems


def check_implementation(file: str, doc: Document) -> list[Problem]:
    span = doc.section("Implement it")
    if span is None:
        return []
    problems = []
    blocks = doc.blocks_in(span)
    if not any(b.is_python and b.is_stub for b in blocks):
        problems.append(
            Problem(
                file,
                "Implement it",
                "has no starter stub.",
                "add the learner's starter code as a ```{.python .stub} block.",
            )
        )
    lines = doc.text(span)
    starts = [i for i, line in enumerate(lines) if REFERENCE.match(line)]
    if not starts:
        return [
            *problems,
            Problem(
                file,
                "Implement it",
                "has no reference solution.",
                'add a collapsed `??? success "Reference solution"` block holding Python code with asserts.',
            ),
        ]
    reference_blocks = [b for b in blocks if b.runs and _inside(lines, starts[0], b.line - span[0])]
    if not any(re.search(r"^\s*assert\b", b.code, re.MULTILINE) for b in reference_blocks):
        problems.append(
            Problem(
                file,
                "Implement it",
                "the reference solution has no Python block that checks itself.",
                "inside the reference solution, add a ```python block with `assert`s against a known answer.",
            )
        )
    return problems


def _inside(lines: list[str], start: int, index: int) -> bool:
    """Is line `index` inside the indented block opened at `start`?"""
    indent = len(lines[start]) - len(lines[start].lstrip())
    for line in lines[start + 1 : index + 1]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            return False
    return index > start


def check_drills(file: str, doc: Document) -> list[Problem]:
    span = doc.section("Study drills")
    if span is None:
        return []
    count = len(doc.headings_in(span, 3))
    low, high = DRILLS_RANGE
    if low <= count <= high:
        return []
    return [
        Problem(
            file,
            "Study drills",
            f"has {count} drill(s).",
            f"give {low} to {high} drills, each under a '###' heading: change this, predict, then run it.",
        )
    ]


def check_questions(file: str, doc: Document) -> list[Problem]:
    span = doc.section("Check yourself")
    if span is None:
        return []
    count = sum(1 for line in doc.text(span) if QUESTION.match(line))
    if count >= MIN_QUESTIONS:
        return []
    return [
        Problem(
            file,
            "Check yourself",
            f"has {count} question(s); at least {MIN_QUESTIONS} are needed.",
            'add questions as collapsed blocks `??? question "..."` whose body is the answer.',
        )
    ]


def check_reading(file: str, doc: Document) -> list[Problem]:
    span = doc.section("Further reading")
    if span is None:
        return []
    items = [(span[0] + i, m.group("text")) for i, line in enumerate(doc.text(span)) if (m := LIST_ITEM.match(line))]
    if not items:
        return [
            Problem(
                file,
                "Further reading",
                "has no list of readings.",
                "list readings as '- Author, *Title*, §3.2' items.",
            )
        ]
    problems = []
    for line, text in items:
        if BARE_URL.match(text.strip()) or not LOCATOR.search(text):
            problems.append(
                Problem(
                    file,
                    "Further reading",
                    f"line {line} does not point into the work: {text.strip()[:70]!r}.",
                    "name the chapter, section, pages or lecture, e.g. '§6.5' or 'ch. 5'; no bare homepages.",
                )
            )
    return problems


def check_figures(file: str, doc: Document) -> list[Problem]:
    try:
        find_figures(file, "\n".join(doc.lines), doc.first_line)
    except FigureError as error:
        return [Problem(file, f"line {error.line}", error.message, error.fix)]
    return []


def check_placeholders(file: str, doc: Document) -> list[Problem]:
    """Text that scripts/new_lesson.py left for the author to write."""
    return [
        Problem(
            file,
            f"line {doc.first_line + i}",
            f"still holds a placeholder: {line.strip()[:70]!r}.",
            "replace it with the lesson's own text.",
        )
        for i, line in enumerate(doc.lines)
        if PLACEHOLDER in line
    ]


# The site vendors Mermaid's tiny build (scripts/vendor_assets.py), which leaves these out.
MERMAID_MISSING = {"mindmap": "mindmaps", "architecture-beta": "architecture diagrams"}


def mermaid_kind(code: str) -> str:
    """The diagram type a Mermaid source declares: its first word after any config and comments."""
    lines = [line.strip() for line in code.splitlines()]
    if lines and lines[0] == "---":  # a YAML config block comes first
        closing = lines.index("---", 1) if "---" in lines[1:] else len(lines)
        lines = lines[closing + 1 :]
    words = [line.split()[0] for line in lines if line and not line.startswith("%%")]
    return words[0] if words else ""


def check_diagrams(file: str, doc: Document) -> list[Problem]:
    problems = []
    for block in doc.blocks:
        if block.language != "mermaid":
            continue
        kind = mermaid_kind(block.code)
        if kind in MERMAID_MISSING:
            problems.append(
                Problem(
                    file,
                    f"line {block.line}",
                    f"the site's Mermaid build has no {MERMAID_MISSING[kind]} ('{kind}').",
                    "draw it as a flowchart (graph TD), or as a figure from code.",
                )
            )
        if "$$" in block.code:
            problems.append(
                Problem(
                    file,
                    f"line {block.line}",
                    "Mermaid labels cannot hold KaTeX math ('$$') in the site's Mermaid build.",
                    "write the label in plain text or Unicode (x², ∂L/∂w), and the math in the prose.",
                )
            )
    return problems


RULES: tuple[Rule, ...] = (
    check_h1,
    check_sections,
    check_exercises,
    check_implementation,
    check_drills,
    check_questions,
    check_reading,
    check_figures,
    check_diagrams,
    check_placeholders,
)


def lint_source(file: str, path: str, source: Source) -> list[Problem]:
    """Every lint problem of one lesson, frontmatter included."""
    lesson = lesson_from_frontmatter(file, path, 0, source.data)
    problems = lesson if isinstance(lesson, list) else []
    for field in ("summary", "outcomes"):
        if PLACEHOLDER in str(source.data.get(field, "")):
            problems.append(Problem(file, field, "still holds a placeholder.", "write the lesson's own text."))
    doc = parse(source.body, source.body_line)
    for rule in RULES:
        problems += rule(file, doc)
    return problems


def lint_file(path: Path, docs_dir: Path) -> list[Problem]:
    source = read_source(path)
    if isinstance(source, list):
        return source
    return lint_source(display_path(path), path.relative_to(docs_dir).as_posix(), source)
