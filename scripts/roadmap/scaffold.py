"""A new lesson's file: frontmatter checked like every lesson's, and the nine sections to fill in.

Every place the author must write is marked PLACEHOLDER. The site builds with them (so
`mkdocs serve` previews the lesson while it is written), and the lesson lint reports each
one that is left, so an unfinished lesson cannot pass the tests.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from . import plain_yaml
from .graph import Roadmap
from .load import display_path, load_roadmap, parse_source
from .model import Lesson
from .problems import Problem, RoadmapError
from .validate import check_graph, did_you_mean, lesson_from_frontmatter

PLACEHOLDER = "FILL IN"


def frontmatter_data(title: str, priority: str, prerequisites: list[str], hours: float) -> dict[str, object]:
    return {
        "title": title,
        "priority": priority,
        "prerequisites": prerequisites,
        "estimated_hours": hours,
        "summary": f"{PLACEHOLDER}: one sentence on what the lesson teaches.",
        "outcomes": [
            f"{PLACEHOLDER}: Derive ... (a checkable outcome).",
            f"{PLACEHOLDER}: Implement ... from scratch and check it against ...",
            f"{PLACEHOLDER}: Explain why ...",
        ],
    }


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar; anything not printable is escaped, so it reads back as written."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def yaml_text(value: str) -> str:
    """Text as a YAML scalar: plain when plain text reads back the same, else double-quoted."""
    return value if plain_yaml.load(f"key: {value}") == {"key": value} else double_quoted(value)


def flow_item(value: str) -> str:
    """A lesson id inside [...]: plain unless YAML would read it as something else (yes, 1, null)."""
    return value if plain_yaml.load(f"key: [{value}]") == {"key": [value]} else double_quoted(value)


def number_text(value: float) -> str:
    """A number as YAML reads it back exactly: digits and a point, never an exponent."""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


def frontmatter_text(data: dict[str, object]) -> str:
    prerequisites = data["prerequisites"]
    outcomes = data["outcomes"]
    hours = data["estimated_hours"]
    assert isinstance(prerequisites, list) and isinstance(outcomes, list) and isinstance(hours, (int, float))
    lines = [
        "---",
        f"title: {yaml_text(str(data['title']))}",
        f"priority: {yaml_text(str(data['priority']))}",
        f"prerequisites: [{', '.join(flow_item(str(p)) for p in prerequisites)}]",
        f"estimated_hours: {number_text(hours)}",
        f"summary: {yaml_text(str(data['summary']))}",
        "outcomes:",
        *(f"  - {yaml_text(str(outcome))}" for outcome in outcomes),
        "---",
    ]
    return "\n".join(lines) + "\n"


def exercise(number: int, kind: str) -> str:
    return (
        f"### Exercise {number}: {PLACEHOLDER} ({kind})\n\n"
        f"{PLACEHOLDER}: the question, with every number the learner needs.\n\n"
        '??? success "Solution"\n\n'
        f"    {PLACEHOLDER}: the full working, every step shown.\n"
    )


def question(number: int) -> str:
    return f'??? question "{PLACEHOLDER}: question {number}?"\n\n    {PLACEHOLDER}: the answer, and why.\n'


BODY = f"""
## Why this matters

{PLACEHOLDER}: a concrete payoff, or a concrete failure that this idea explains.

## The idea

{PLACEHOLDER}: plain words first, then the math, then a picture or a table if it helps.
Define every symbol and give the shape of every vector and matrix.

## Worked example

{PLACEHOLDER}: by hand, on small numbers, with every intermediate value shown.

??? example "Check these numbers in code"

    ```python
    # {PLACEHOLDER}: recompute the example's numbers and pin each one with an assert.
    total = 1 + 2
    assert total == 3
    ```

## Exercises

{exercise(1, "a drill")}
{exercise(2, "a derivation")}
{exercise(3, "a proof, or an 'explain why'")}
## Implement it

{PLACEHOLDER}: the task, in plain Python and NumPy, and how the learner checks their answer.

```{{.python .stub}}
def solve():
    # {PLACEHOLDER}: the learner's starting point
    ...
```

??? success "Reference solution"

    ```python
    def solve():  # {PLACEHOLDER}: the reference solution
        return 3


    assert solve() == 3  # {PLACEHOLDER}: checks that a wrong solution would fail
    ```

## Study drills

### Drill 1: {PLACEHOLDER}

{PLACEHOLDER}: change one thing, predict what happens, then run it.

### Drill 2: {PLACEHOLDER}

{PLACEHOLDER}: change another thing, predict, run.

## Check yourself

{"".join(question(n) + chr(10) for n in range(1, 6))}## Common mistakes

- {PLACEHOLDER}: a mistake learners really make, and the symptom it shows.

## Further reading

- {PLACEHOLDER}: Author, *Title*, ch. 1 (name the chapter, section or pages).
"""


def new_lesson(
    docs_dir: Path, folder: str, lesson_id: str, title: str, priority: str, prerequisites: list[str], hours: float
) -> tuple[Path, str] | list[Problem]:
    """The new file's path and text, or every problem that stops it, checked like the build checks."""
    path = docs_dir / folder / f"{lesson_id}.md"
    file = display_path(path)
    try:
        roadmap = load_roadmap(docs_dir)
    except RoadmapError as error:
        return [
            *error.problems,
            Problem(file, "docs", "the existing lessons have problems.", "fix them first; they are listed above."),
        ]
    tier = next((t for t in roadmap.tiers if t.folder == folder), None)
    if tier is None:
        folders = [t.folder for t in roadmap.tiers]
        return [
            Problem(
                file,
                "tier",
                f"'{folder}' is not a tier folder.{did_you_mean(folder, folders)}",
                f"use one of {', '.join(folders)}.",
            )
        ]
    if path.exists():
        return [Problem(file, "file name", "the file exists already.", "choose another lesson id, or edit that file.")]
    # Check the text that will be written, read back the way the build reads it.
    data = frontmatter_data(title, priority, prerequisites, hours)
    text = frontmatter_text(data) + BODY
    source = parse_source(text, file)
    if isinstance(source, list):
        return source
    if source.data != data:
        fix = "simplify the title or ids; see docs/contributing.md."
        return [Problem(file, "frontmatter", "would not read back as given.", fix)]
    lesson = lesson_from_frontmatter(file, f"{folder}/{lesson_id}.md", tier.number, source.data)
    if isinstance(lesson, list):
        return lesson
    return graph_problems(roadmap, lesson, file) or (path, text)


def graph_problems(roadmap: Roadmap, lesson: Lesson, file: str) -> list[Problem]:
    """What the build would say about the roadmap with this lesson added, about this lesson."""
    lessons = [*roadmap.lessons.values(), lesson]
    file_of = {other.path: other.path for other in roadmap.lessons.values()} | {lesson.path: file}
    return [p for p in check_graph(lessons, {t.number: t for t in roadmap.tiers}, file_of) if p.file == file]
