"""Loading and validation: every problem is collected, one line each, naming file, field, value and fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from roadmap.load import load_roadmap
from roadmap.problems import RoadmapError
from roadmap_fixtures import DROP, lesson_text, write_docs


def problems_for(tmp_path: Path, lessons: dict[str, str | bytes], **kwargs: object) -> list[str]:
    docs = write_docs(tmp_path, lessons, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(RoadmapError) as error:
        load_roadmap(docs)
    return [str(p) for p in error.value.problems]


def only(problems: list[str]) -> str:
    assert len(problems) == 1, problems
    return problems[0]


def test_a_valid_roadmap_loads(tmp_path: Path) -> None:
    docs = write_docs(
        tmp_path,
        {"t0/a.md": lesson_text("A"), "t0/b.md": lesson_text("B", prerequisites=["a"]), "t1/c.md": lesson_text("C")},
    )
    roadmap = load_roadmap(docs)
    assert set(roadmap.lessons) == {"a", "b", "c"}
    assert roadmap.lessons["b"].tier == 0 and roadmap.lessons["c"].tier == 1
    assert roadmap.lessons["b"].prerequisites == ("a",)
    assert [t.title for t in roadmap.tiers] == ["Foundations", "Programming"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"Just text, no frontmatter.\n", "frontmatter: there is none"),
        (b"---\ntitle: [unclosed\n---\n", "the YAML does not parse at line"),
        (b"---\n- a\n- b\n---\n", "frontmatter: must be a mapping of fields, got list"),
        (b"---\ntitle: caf\xe9\n---\n", "is not UTF-8 (byte 0xe9"),
    ],
    ids=["empty", "blank", "no-frontmatter", "bad-yaml", "not-mapping", "not-utf8"],
)
def test_unreadable_files(tmp_path: Path, content: bytes, expected: str) -> None:
    problem = only(problems_for(tmp_path, {"t0/broken.md": content}))
    assert problem.startswith(f"{tmp_path / 'docs/t0/broken.md'}:") or problem.startswith("docs/")
    assert expected in problem
    assert "Fix:" in problem


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    content = b"---\ntitle: ok\npriority: essential\nsummary: a: b: c\n---\n"
    problem = only(problems_for(tmp_path, {"t0/x.md": content}))
    assert "at line 4" in problem


@pytest.mark.parametrize(
    ("fields", "field", "expected"),
    [
        ({"title": DROP}, "title", "is missing."),
        ({"priority": "esential"}, "priority", "unknown priority 'esential'. Did you mean 'essential'?"),
        ({"priority": "critical"}, "priority", "unknown priority 'critical'."),
        ({"estimated_hours": -1}, "estimated_hours", "greater than 0, got -1"),
        ({"estimated_hours": 0}, "estimated_hours", "greater than 0, got 0"),
        ({"estimated_hours": "three"}, "estimated_hours", "got 'three'"),
        ({"estimated_hours": True}, "estimated_hours", "got True"),
        ({"estimated_hours": 100}, "estimated_hours", "more than one lesson should take"),
        ({"prerequisites": "a"}, "prerequisites", "must be a list, got the string 'a'"),
        ({"prerequisites": {"a": 1}}, "prerequisites", "must be a list of lesson ids"),
        ({"prerequisites": [3]}, "prerequisites", "entry 3 is not a lesson id"),
        ({"title": 42}, "title", "must be a non-empty title, got 42"),
        ({"title": "  "}, "title", "must be a non-empty title"),
        ({"summary": ["a"]}, "summary", "must be a one-sentence summary"),
        ({"outcomes": ["one", "two"]}, "outcomes", "has 2 outcomes"),
        ({"outcomes": "Derive it."}, "outcomes", "must be a list of sentences"),
        ({"prerequisite": ["a"]}, "prerequisite", "unknown field 'prerequisite'. Did you mean 'prerequisites'?"),
    ],
)
def test_field_problems(tmp_path: Path, fields: dict[str, object], field: str, expected: str) -> None:
    problems = problems_for(tmp_path, {"t0/a.md": lesson_text("A"), "t0/x.md": lesson_text(**{"title": "X", **fields})})
    matching = [p for p in problems if f"t0/x.md: {field}: " in p]
    assert matching, problems
    assert expected in matching[0]
    assert "Fix: " in matching[0]


def test_prerequisites_as_string_suggests_a_list(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"t0/a.md": lesson_text("A"), "t0/x.md": lesson_text("X", prerequisites="a")})
    assert "Fix: write prerequisites: [a]" in only(problems)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        {
            "t0/x.md": lesson_text("X", priority="high", estimated_hours=-2, prerequisites=["nope"]),
            "t0/y.md": b"",
            "t1/z.md": lesson_text("Z", outcomes=[]),
        },
    )
    # x: priority and hours (its prerequisites are checked once its fields are valid); y; z.
    assert len(problems) == 4, problems
    assert len({p.split(":")[0] for p in problems}) == 3


def test_unknown_prerequisite_with_did_you_mean(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path, {"t0/derivatives.md": lesson_text("D"), "t0/x.md": lesson_text("X", prerequisites=["derivative"])}
    )
    problem = only(problems)
    assert "x.md: prerequisites: unknown lesson 'derivative'. Did you mean 'derivatives'?" in problem


def test_unknown_prerequisite_without_near_miss(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"t0/a.md": lesson_text("A"), "t0/x.md": lesson_text("X", prerequisites=["zzz"])})
    assert "Did you mean" not in only(problems)


def test_self_prerequisite(tmp_path: Path) -> None:
    problem = only(problems_for(tmp_path, {"t0/x.md": lesson_text("X", prerequisites=["x"])}))
    assert "the lesson 'x' lists itself" in problem


def test_cycle_is_printed_in_order(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        {
            "t0/a.md": lesson_text("A", prerequisites=["c"]),
            "t0/b.md": lesson_text("B", prerequisites=["a"]),
            "t0/c.md": lesson_text("C", prerequisites=["b"]),
            "t0/d.md": lesson_text("D", prerequisites=["a"]),
        },
    )
    assert "a -> c -> b -> a" in only(problems)


def test_two_cycles_are_two_problems(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        {
            "t0/a.md": lesson_text("A", prerequisites=["b"]),
            "t0/b.md": lesson_text("B", prerequisites=["a"]),
            "t0/c.md": lesson_text("C", prerequisites=["d"]),
            "t0/d.md": lesson_text("D", prerequisites=["c"]),
        },
    )
    assert sorted(p.split("cycle (-> means 'requires'): ")[1].split(".")[0] for p in problems) == [
        "a -> b -> a",
        "c -> d -> c",
    ]


def test_duplicate_ids_across_tiers(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"t0/same.md": lesson_text("A"), "t1/same.md": lesson_text("B")})
    assert len(problems) == 2
    assert all("the lesson id 'same' is used by 2 files" in p for p in problems)


def test_prerequisite_in_a_later_tier(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {"t0/a.md": lesson_text("A", prerequisites=["b"]), "t1/b.md": lesson_text("B")})
    assert "'b' is in tier 1 (Programming), after this lesson's tier 0" in only(problems)


def test_essential_lesson_cannot_require_an_optional_one(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        {"t0/a.md": lesson_text("A", priority="optional"), "t0/b.md": lesson_text("B", prerequisites=["a"])},
    )
    assert "this lesson is essential but its prerequisite 'a' is optional" in only(problems)


def test_bad_lesson_id(tmp_path: Path) -> None:
    problem = only(problems_for(tmp_path, {"t0/My_Lesson.md": lesson_text("A")}))
    assert "file name: the lesson id 'My_Lesson'" in problem
    assert "rename the file to my-lesson.md" in problem


def test_lesson_in_a_subfolder(tmp_path: Path) -> None:
    problem = only(problems_for(tmp_path, {"t0/deep/a.md": lesson_text("A")}))
    assert "location: lessons live directly in their tier folder" in problem


def test_problems_name_files_relative_to_the_working_directory(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    docs = write_docs(tmp_path, {"t0/a.md": lesson_text("A", priority="urgent"), "t0/deep/b.md": lesson_text("B")})
    tier = str(docs / "t0")
    for where, expected in [
        (tmp_path, ["docs/t0/a.md", "docs/t0/deep/b.md"]),
        (docs / "t0", ["a.md", "deep/b.md"]),
        (docs / "t0" / "deep", [f"{tier}/a.md", "b.md"]),  # outside the working directory: absolute
    ]:
        monkeypatch.chdir(where)
        with pytest.raises(RoadmapError) as error:
            load_roadmap(docs)
        assert sorted(p.file for p in error.value.problems) == sorted(expected)


def test_tier_problems(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {}, tiers={0: ("t0", "A"), 2: ("t2", "C")})
    assert "leaves a gap" in only(problems)


def test_no_tiers(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    with pytest.raises(RoadmapError, match="no tier folders found"):
        load_roadmap(tmp_path / "docs")


def test_error_message_is_one_line_per_problem(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, {"t0/x.md": lesson_text("X", priority="high", estimated_hours=-2)})
    with pytest.raises(RoadmapError) as error:
        load_roadmap(docs)
    lines = str(error.value).splitlines()
    assert lines[0] == "2 problems in the roadmap content:"
    assert len(lines) == 3
