"""scripts/new_lesson.py: a new lesson that the build accepts and the lint holds back until written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from roadmap.lint import lint_file
from roadmap.load import load_roadmap
from roadmap.problems import Problem
from roadmap.scaffold import PLACEHOLDER, new_lesson
from roadmap_fixtures import lesson_text, write_docs
from sitebuild import ROOT
from test_lesson_code import run_page

TITLE = 'Hessians: "curvature" & #second-order steps'


def docs_with_lessons(tmp_path: Path) -> Path:
    return write_docs(
        tmp_path,
        {
            "t0/derivatives.md": lesson_text("Derivatives"),
            "t0/taylor.md": lesson_text("Taylor", prerequisites=["derivatives"]),
            "t0/extra.md": lesson_text("Extra", priority="recommended"),
            "t1/loops.md": lesson_text("Loops"),
        },
    )


def request(docs: Path, folder: str, lesson_id: str, changes: dict[str, object]) -> tuple[Path, str] | list[Problem]:
    args: dict[str, object] = {"title": TITLE, "priority": "essential", "prerequisites": ["taylor"], "hours": 3.0}
    args.update(changes)
    return new_lesson(docs, folder, lesson_id, **args)  # type: ignore[arg-type]


def create(docs: Path, folder: str = "t0", lesson_id: str = "hessians", **changes: object) -> tuple[Path, str]:
    result = request(docs, folder, lesson_id, changes)
    assert not isinstance(result, list), "\n".join(map(str, result))
    return result


def problems_of(docs: Path, folder: str = "t0", lesson_id: str = "hessians", **changes: object) -> list[str]:
    result = request(docs, folder, lesson_id, changes)
    assert isinstance(result, list) and all(isinstance(p, Problem) for p in result)
    return [str(p) for p in result]


def test_a_new_lesson_joins_the_roadmap_and_runs(tmp_path: Path) -> None:
    docs = docs_with_lessons(tmp_path)
    path, text = create(docs)
    path.write_text(text, encoding="utf-8")
    roadmap = load_roadmap(docs)
    lesson = roadmap.lessons["hessians"]
    assert lesson.title == TITLE and lesson.prerequisites == ("taylor",) and lesson.tier == 0
    assert roadmap.unlocks["taylor"] == ("hessians",)
    assert run_page(path, "hessians") >= 2  # its example check and reference solution run and pass


def test_the_lint_lists_every_placeholder_and_nothing_else(tmp_path: Path) -> None:
    docs = docs_with_lessons(tmp_path)
    path, text = create(docs)
    path.write_text(text, encoding="utf-8")
    problems = lint_file(path, docs)
    body = text.split("\n---\n", 1)[1]
    lines = [line for line in body.splitlines() if PLACEHOLDER in line]
    assert len(problems) == len(lines) + 2  # one per body line, one for the summary, one for the outcomes
    assert all("placeholder" in p.message for p in problems)
    # Written out, the same skeleton meets the lesson standard.
    path.write_text(text.replace(PLACEHOLDER, "Written"), encoding="utf-8")
    assert lint_file(path, docs) == []


@pytest.mark.parametrize(
    ("folder", "lesson_id", "changes", "expected"),
    [
        ("t00", "hessians", {}, "'t00' is not a tier folder. Did you mean 't0'?"),
        ("t0", "Hessians", {}, "must be lowercase letters and digits"),
        ("t0", "taylor", {}, "the file exists already"),
        ("t0", "hessians", {"prerequisites": ["taylr"]}, "unknown lesson 'taylr'. Did you mean 'taylor'?"),
        ("t0", "hessians", {"prerequisites": ["loops"]}, "tier 1"),
        ("t0", "hessians", {"prerequisites": ["extra"]}, "essential"),
        ("t0", "hessians", {"priority": "esential"}, "Did you mean 'essential'?"),
        ("t0", "hessians", {"hours": 0.0}, "estimated_hours"),
    ],
)
def test_what_the_build_would_reject_is_refused(
    tmp_path: Path, folder: str, lesson_id: str, changes: dict[str, object], expected: str
) -> None:
    docs = docs_with_lessons(tmp_path)
    problems = problems_of(docs, folder, lesson_id, **changes)
    assert any(expected in p for p in problems), problems


def test_the_command_writes_the_file_or_says_why_not(tmp_path: Path) -> None:
    docs = docs_with_lessons(tmp_path)
    command = [sys.executable, str(ROOT / "scripts" / "new_lesson.py"), "--docs", str(docs)]
    ok = subprocess.run(
        [*command, "t0", "hessians", "--title", TITLE, "--prerequisites", "taylor"], text=True, capture_output=True
    )
    assert ok.returncode == 0, ok.stderr
    assert (docs / "t0" / "hessians.md").is_file() and "FILL IN" in ok.stdout
    bad = subprocess.run(
        [*command, "t0", "more", "--title", "More", "--prerequisites", "nope"], text=True, capture_output=True
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "prerequisites: unknown lesson 'nope'" in bad.stderr and not (docs / "t0" / "more.md").exists()


@pytest.mark.parametrize(
    "title",
    [
        "x\x85y",  # NEL, a line break to YAML
        "x\x7fy",  # DEL, not allowed raw in YAML
        "x\x9fy",
        "x\ufffey",
        "tab\there, new\nline",
        "emoji \U0001f600 and \u00a0 no-break space",
        "back\\slash and \"quotes\" and 'single'",
        "- leading dash",
        "[bracket",
        "yes",
        "~",
        "1.5",
        "key: value # comment",
    ],
)
def test_any_title_reads_back_as_given(tmp_path: Path, title: str) -> None:
    docs = docs_with_lessons(tmp_path)
    path, text = create(docs, title=title)
    path.write_text(text, encoding="utf-8")
    assert load_roadmap(docs).lessons["hessians"].title == title


def test_ids_and_hours_that_yaml_would_retype_read_back_as_given(tmp_path: Path) -> None:
    ids = ["yes", "on", "null", "1", "017", "2024-01-01"]
    docs = write_docs(tmp_path, {f"t0/{lid}.md": lesson_text(f"Lesson {lid}") for lid in ids})
    for hours in (0.00001, 2.3333333, 39.99999999):
        path, text = create(docs, prerequisites=ids, hours=hours)
        path.write_text(text, encoding="utf-8")
        lesson = load_roadmap(docs).lessons["hessians"]
        assert lesson.prerequisites == tuple(ids) and lesson.estimated_hours == hours, text.splitlines()[3:5]
        path.unlink()
