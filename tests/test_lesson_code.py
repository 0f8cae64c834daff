"""Every runnable Python block of every lesson, in page order, sharing one namespace per page.

Blocks marked `{.python .stub}` are the learner's starter code and are not run.
A failure names the lesson file and the line of the block that failed.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

import pytest
from roadmap.load import all_lesson_files, read_source
from roadmap.markdown import CodeBlock, parse

DOCS = Path(__file__).resolve().parent.parent / "docs"
os.environ.setdefault("MPLBACKEND", "Agg")  # figure blocks draw off screen


def runnable_blocks(path: Path) -> list[CodeBlock]:
    source = read_source(path)
    assert not isinstance(source, list), "\n".join(map(str, source))
    return [b for b in parse(source.body, source.body_line).blocks if b.runs]


def run_page(path: Path, label: str) -> int:
    """Run a page's blocks like notebook cells; raise naming the failing block's line."""
    namespace: dict[str, object] = {"__name__": "__lesson__"}
    blocks = runnable_blocks(path)
    for block in blocks:
        # Pad with newlines so tracebacks show the block's real line numbers in the file.
        code = compile("\n" * (block.line - 1) + block.code, str(path), "exec")
        try:
            exec(code, namespace)
        except Exception:
            detail = traceback.format_exc(limit=-3)
            pytest.fail(f"{label}: the Python block at line {block.line} failed:\n{detail}", pytrace=False)
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    return len(blocks)


LESSONS = all_lesson_files(DOCS)


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_code_runs(path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # a lesson that writes files writes them here
    label = path.relative_to(DOCS.parent).as_posix()
    assert run_page(path, label) > 0, f"{label} has no Python block to run"


def test_there_are_lessons() -> None:
    assert LESSONS, "no lessons found under docs/"


def test_a_failing_block_names_the_lesson_and_line(tmp_path: Path) -> None:
    lesson = tmp_path / "broken.md"
    lesson.write_text(
        "---\ntitle: t\n---\n\nText.\n\n```python\nx = 1\n```\n\n"
        "??? success \"Solution\"\n\n    ```python\n    assert x == 2, 'x is 1'\n    ```\n\n"
        "```{.python .stub}\nraise SystemExit('stubs never run')\n```\n"
    )
    with pytest.raises(pytest.fail.Exception) as failure:
        run_page(lesson, "docs/x/broken.md")
    message = str(failure.value)
    assert "docs/x/broken.md: the Python block at line 14 failed" in message
    assert "x is 1" in message
    assert f'File "{lesson}", line 14' in message


def test_stub_blocks_are_skipped_and_blocks_share_state(tmp_path: Path) -> None:
    lesson = tmp_path / "ok.md"
    lesson.write_text(
        "---\ntitle: t\n---\n```python\ny = 41\n```\n"
        "```{.python .stub}\ny = None\n```\n"
        '??? example "Check"\n\n    ```python\n    assert y + 1 == 42\n    ```\n'
    )
    assert run_page(lesson, "ok.md") == 2
