"""The lesson lint: a minimal lesson that meets the standard, and each way to break it."""

from __future__ import annotations

from pathlib import Path

import pytest
from roadmap.lint import lint_file
from roadmap.load import all_lesson_files
from roadmap_fixtures import lesson_text

DOCS = Path(__file__).resolve().parent.parent / "docs"


def exercise(n: int) -> str:
    return f'### Exercise {n}\n\nDo it.\n\n??? success "Solution"\n\n    Done.\n\n'


GOOD_BODY = (
    "## Why this matters\n\nBecause.\n\n"
    "## The idea\n\nAn idea.\n\n"
    "## Worked example\n\n```python\nx = 2\n```\n\n"
    "## Exercises\n\n" + "".join(exercise(n) for n in (1, 2, 3)) + "## Implement it\n\n"
    "```{.python .stub}\ndef f(x):\n    ...\n```\n\n"
    '??? success "Reference solution"\n\n    ```python\n    def f(x):\n        return 2 * x\n\n'
    "    assert f(x) == 4\n    ```\n\n"
    "## Study drills\n\n### Drill 1\n\nChange it.\n\n### Drill 2\n\nChange it again.\n\n"
    "## Check yourself\n\n" + "".join(f'??? question "Q{n}?"\n\n    A{n}.\n\n' for n in range(5)) + ""
    "## Common mistakes\n\n- A mistake.\n\n"
    "## Further reading\n\n- Goodfellow et al., *Deep Learning*, §6.5.\n- Strang, *Linear Algebra*, ch. 2.\n"
)


def lint(tmp_path: Path, body: str, **frontmatter: object) -> list[str]:
    docs = tmp_path / "docs"
    path = docs / "t0" / "lesson.md"
    path.parent.mkdir(parents=True)
    path.write_text(lesson_text(**frontmatter).replace("\nBody.\n", "\n" + body))
    return [str(p) for p in lint_file(path, docs)]


def test_a_complete_lesson_passes(tmp_path: Path) -> None:
    assert lint(tmp_path, GOOD_BODY) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b.replace("## Study drills", "## Drills"), "the section '## Study drills' is missing"),
        (lambda b: b.replace("## Drills", "## Study drills"), None),
        (lambda b: "# Title\n\n" + b, "the body has a '#' heading"),
        (
            lambda b: b.replace("## Why this matters\n\nBecause.\n\n", "").replace(
                "## Common mistakes", "## Why this matters\n\nBecause.\n\n## Common mistakes"
            ),
            "the sections are out of order",
        ),
        (lambda b: b + "\n## Extra\n\nMore.\n", "unexpected section '## Extra'"),
        (lambda b: b.replace(exercise(3), ""), "has 2 exercise(s); at least 3 are needed"),
        (
            lambda b: b.replace(exercise(2), "### Exercise 2\n\nDo it.\n\n"),
            "exercise 'Exercise 2' (line",
        ),
        (lambda b: b.replace("```{.python .stub}", "```python"), "has no starter stub"),
        (lambda b: b.replace('"Reference solution"', '"Solution"'), "has no reference solution"),
        (lambda b: b.replace("    assert f(x) == 4\n", ""), "reference solution has no Python block that checks"),
        (lambda b: b.replace("### Drill 2\n\nChange it again.\n\n", ""), "Study drills: has 1 drill(s)"),
        (lambda b: b.replace('??? question "Q4?"\n\n    A4.\n\n', ""), "has 4 question(s); at least 5"),
        (lambda b: b.replace("§6.5", "the whole book"), "does not point into the work"),
        (lambda b: b + "- https://example.org/\n", "does not point into the work: 'https://example.org/'"),
        (lambda b: b.split("- Goodfellow")[0], "has no list of readings"),
        (
            lambda b: b.replace("An idea.", "An idea.\n\n```mermaid\n%% a map\nmindmap\n  root\n```"),
            "the site's Mermaid build has no mindmaps ('mindmap')",
        ),
        (
            lambda b: b.replace("An idea.", "An idea.\n\n```mermaid\n---\ntitle: t\n---\narchitecture-beta\n```"),
            "has no architecture diagrams",
        ),
        (
            lambda b: b.replace("An idea.", 'An idea.\n\n```mermaid\ngraph TD\n  a["$$x^2$$"] --> b\n```'),
            "cannot hold KaTeX math",
        ),
        (lambda b: b.replace("An idea.", "An idea.\n\n```mermaid\ngraph TD\n  a --> b\n```"), None),
    ],
)
def test_each_rule_can_fail(tmp_path: Path, change, expected: str | None) -> None:  # type: ignore[no-untyped-def]
    problems = lint(tmp_path, change(GOOD_BODY))
    if expected is None:
        assert problems == []
        return
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(str(tmp_path / "docs" / "t0" / "lesson.md")) for p in problems)


def test_outcomes_are_checked(tmp_path: Path) -> None:
    problems = lint(tmp_path, GOOD_BODY, outcomes=["a", "b"])
    assert any("outcomes: has 2 outcomes" in p for p in problems)


def test_solution_outside_the_exercise_does_not_count(tmp_path: Path) -> None:
    body = GOOD_BODY.replace(exercise(1), "### Exercise 1\n\nDo it.\n\n")
    assert any("exercise 'Exercise 1'" in p for p in lint(tmp_path, body))


@pytest.mark.parametrize("path", all_lesson_files(DOCS), ids=lambda p: p.stem)
def test_every_lesson_in_docs_meets_the_standard(path: Path) -> None:
    problems = lint_file(path, DOCS)
    assert not problems, "\n".join(map(str, problems))
