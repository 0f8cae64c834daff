"""Read tiers and lessons from docs/ and hand them to validation.

`load_roadmap(docs_dir)` is the entry point: it returns a Roadmap or raises one
RoadmapError that lists every problem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import plain_yaml
from .graph import Roadmap
from .model import Lesson, Tier
from .problems import Problem, RoadmapError
from .speed import gc_paused
from .validate import check_graph, check_tiers, lesson_from_frontmatter, tier_from_frontmatter

# The same shape MkDocs accepts: '---' on the first line, YAML, then '---' or '...'.
FRONTMATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.DOTALL)
INDEX = "index.md"
# libyaml's safe loader when PyYAML was built with it (its wheels are): same result, many times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Source:
    """One Markdown file: its frontmatter and body, or the problems reading it."""

    data: dict[str, Any]
    body: str
    body_line: int  # the file line on which the body starts


def display_path(path: Path) -> str:
    """How problems name a file: relative to the working directory when inside it."""
    text, here = str(path), os.getcwd() + os.sep
    return (text[len(here) :] if text.startswith(here) else text).replace(os.sep, "/")


def read_source(path: Path | str, file: str | None = None) -> Source | list[Problem]:
    """Split a file into frontmatter and body; every failure becomes a Problem.

    `file` is how problems name the file (default: `display_path(path)`).
    """
    file = file or display_path(Path(path))
    with open(path, "rb") as handle:
        raw = handle.read()
    if not raw.strip():
        return [Problem(file, "", "the file is empty.", "start it with frontmatter between '---' lines.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [
            Problem(
                file,
                "",
                f"is not UTF-8 (byte {raw[error.start]:#04x} at offset {error.start}).",
                "save the file as UTF-8.",
            )
        ]
    return parse_source(text, file)


def parse_source(text: str, file: str) -> Source | list[Problem]:
    """Split a file's text into frontmatter and body; every failure becomes a Problem."""
    match = FRONTMATTER.match(text)
    if not match:
        return [
            Problem(
                file,
                "frontmatter",
                "there is none: the file must start with a '---' line, the YAML fields, then '---'.",
                "add frontmatter; see docs/contributing.md.",
            )
        ]
    frontmatter = match.group(1) or ""
    try:
        data = plain_yaml.load(frontmatter)
        if data is None:
            data = yaml.load(frontmatter, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return [
            Problem(
                file,
                "frontmatter",
                f"the YAML does not parse{where}: {reason}.",
                "fix the YAML; quote text that contains ': ' or starts with a special character.",
            )
        ]
    if not isinstance(data, dict):
        return [
            Problem(
                file,
                "frontmatter",
                f"must be a mapping of fields, got {type(data).__name__} {data!r:.40}.",
                "write one 'field: value' per line.",
            )
        ]
    body_line = text.count("\n", 0, match.end()) + 1
    return Source({str(k): v for k, v in data.items()}, text[match.end() :], body_line)


def find_tiers(docs_dir: Path) -> tuple[list[Tier], list[Problem]]:
    """Tier folders are top-level folders whose index.md has a `tier` field."""
    tiers: list[Tier] = []
    problems: list[Problem] = []
    for folder in sorted(p for p in docs_dir.iterdir() if p.is_dir()):
        index = folder / INDEX
        if not index.is_file():
            continue
        source = read_source(index)
        if isinstance(source, list):
            problems += source
            continue
        if "tier" not in source.data:
            continue
        tier = tier_from_frontmatter(display_path(index), folder.name, source.data)
        if isinstance(tier, list):
            problems += tier
        else:
            tiers.append(tier)
    file_of = {t.folder: display_path(docs_dir / t.index_path) for t in tiers}
    return tiers, problems + check_tiers(tiers, file_of)


def tier_files(docs_dir: Path, tier: Tier) -> tuple[list[str], list[str]]:
    """The tier folder's Markdown files: names directly inside it (not index.md), and paths in subfolders.

    Paths in subfolders are relative to the tier folder, with '/' separators. Both lists are sorted.
    Works on strings: thousands of files make pathlib's per-path objects a measurable cost.
    """
    folder = os.path.join(docs_dir, tier.folder)
    names: list[str] = []
    nested: list[str] = []
    for root, _dirs, files in os.walk(folder):
        inside = os.path.relpath(root, folder).replace(os.sep, "/")
        for name in files:
            if not name.endswith(".md"):
                continue
            if inside == ".":
                if name != INDEX:
                    names.append(name)
            else:
                nested.append(f"{inside}/{name}")
    return sorted(names), sorted(nested)


def lesson_files(docs_dir: Path, tier: Tier) -> list[Path]:
    folder = docs_dir / tier.folder
    names, nested = tier_files(docs_dir, tier)
    return [folder / name for name in sorted(names + nested)]


def all_lesson_files(docs_dir: Path) -> list[Path]:
    """Every lesson file in every tier folder that reads as a tier."""
    tiers, _ = find_tiers(docs_dir)
    return [path for tier in tiers for path in lesson_files(docs_dir, tier)]


def shown_in(folder: Path, shown: str, inner: str) -> str:
    """display_path(folder / inner), given `shown` = display_path(folder): no pathlib in the common case."""
    return f"{shown}/{inner}" if not os.path.isabs(shown) else display_path(folder / inner)


def load_lessons(docs_dir: Path, tiers: list[Tier], file_of: dict[str, str]) -> tuple[list[Lesson], list[Problem]]:
    """Every lesson that reads and validates, and the problems of the rest.

    Fills `file_of`: docs-relative path -> how problems name the file.
    """
    lessons: list[Lesson] = []
    problems: list[Problem] = []
    for tier in tiers:
        folder = docs_dir / tier.folder
        shown = display_path(folder)
        names, nested = tier_files(docs_dir, tier)
        for inner in nested:
            problems.append(
                Problem(
                    shown_in(folder, shown, inner),
                    "location",
                    "lessons live directly in their tier folder, not in a subfolder.",
                    f"move it to {shown_in(folder, shown, inner.rsplit('/', 1)[-1])}.",
                )
            )
        for name in names:
            file = shown_in(folder, shown, name)
            relative = f"{tier.folder}/{name}"
            source = read_source(os.path.join(folder, name), file)
            if isinstance(source, list):
                problems += source
                continue
            lesson = lesson_from_frontmatter(file, relative, tier.number, source.data)
            file_of[relative] = file
            if isinstance(lesson, list):
                problems += lesson
            else:
                lessons.append(lesson)
    return lessons, problems


def load_roadmap(docs_dir: Path) -> Roadmap:
    """Load and validate everything, or raise one RoadmapError listing every problem."""
    with gc_paused():
        return _load_roadmap(docs_dir)


def _load_roadmap(docs_dir: Path) -> Roadmap:
    tiers, problems = find_tiers(docs_dir)
    if not tiers and not problems:
        problems.append(
            Problem(
                display_path(docs_dir),
                "tiers",
                "no tier folders found.",
                "add folders whose index.md has 'tier: <number>' and 'title: <title>'.",
            )
        )
    file_of: dict[str, str] = {}
    lessons, lesson_problems = load_lessons(docs_dir, tiers, file_of)
    problems += lesson_problems
    tier_map = {t.number: t for t in tiers}
    problems += check_graph(lessons, tier_map, file_of)
    if problems:
        raise RoadmapError(problems)
    return Roadmap.build(tiers, lessons)
