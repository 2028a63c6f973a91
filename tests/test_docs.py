"""The documentation runs as written: every Python snippet, the test command CI runs, the error codes.

Each ```python block of README.md and docs/*.md is run as a script of its own from
the repository root, the way a reader pastes it into a file (`python snippet.py`),
unless the line before it says `<!-- not run: why -->`. The scripts start together
and each test waits for its own, so the model loads overlap.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from quotes.errors import Errors, Warnings

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_NOT_RUN = "<!-- not run:"


@attrs.frozen
class Snippet:
    """A fenced block of a Markdown file: where it is, its language and its code."""

    path: Path
    line: int
    language: str
    code: str
    run: bool

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def snippets(path: Path) -> list[Snippet]:
    text = path.read_text(encoding="utf-8")
    found = []
    for m in _FENCE.finditer(text):
        before = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
        line = text.count("\n", 0, m.start()) + 1
        found.append(Snippet(path, line, m.group(1), m.group(2), not before.startswith(_NOT_RUN)))
    return found


PYTHON = [s for path in DOCS for s in snippets(path) if s.language == "python" and s.run]


def _mirror(folder: Path) -> Path:
    """A folder that shows the checkout's files through symlinks, so that the paths the docs
    use (seeds/, docs/examples/) resolve while what a snippet writes (archive.db) stays out
    of the checkout."""
    for entry in ROOT.iterdir():
        if entry.name not in (".git", ".venv") and entry.suffix not in (".db", ".jsonl"):
            (folder / entry.name).symlink_to(entry)
    return folder


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.Popen[str]]:
    """Every runnable snippet, started as a script (all at once; each test waits for one)."""
    folder = tmp_path_factory.mktemp("snippets")
    work = _mirror(tmp_path_factory.mktemp("checkout"))
    running = {}
    for n, snippet in enumerate(PYTHON):
        script = folder / f"snippet_{n}.py"
        script.write_text(snippet.code, encoding="utf-8")
        running[snippet.id] = subprocess.Popen(
            [sys.executable, str(script)],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    return running


def finished(started: dict[str, subprocess.Popen[str]], snippet: Snippet) -> tuple[int, str, str]:
    process = started[snippet.id]
    out, err = process.communicate(timeout=600)
    return process.returncode, out, err


def test_there_are_python_snippets_to_run() -> None:
    assert len(PYTHON) >= 8
    assert any(s.path.name == "README.md" and "extract_bag" in s.code for s in PYTHON)


@pytest.mark.parametrize("snippet", PYTHON, ids=lambda s: s.id)
def test_python_snippet_runs_as_a_script(started: dict[str, subprocess.Popen[str]], snippet: Snippet) -> None:
    code, _, err = finished(started, snippet)
    assert code == 0, f"{snippet.id} failed:\n{snippet.code}\n{err[-3000:]}"


def test_readme_example_prints_what_its_comment_says(started: dict[str, subprocess.Popen[str]]) -> None:
    first = next(s for s in PYTHON if s.path.name == "README.md")
    expected = re.search(r"^    print\(.*\n# (.*)$", first.code, re.MULTILINE)
    assert expected is not None
    code, out, _ = finished(started, first)
    assert code == 0 and out.splitlines()[0] == expected.group(1)


def test_readme_loop_survives_terms_without_a_speaker(started: dict[str, subprocess.Popen[str]]) -> None:
    """The seed holds terms (no speaker, cue or affiliation): the README's loops print them."""
    first = next(s for s in PYTHON if s.path.name == "README.md")
    code, out, err = finished(started, first)
    assert code == 0, err[-2000:]
    assert any(line.startswith("term ") and line.endswith(" -") for line in out.splitlines())


def test_every_readme_snippet_is_run() -> None:
    left_out = [s.id for path in DOCS for s in snippets(path) if s.language == "python" and not s.run]
    assert [i for i in left_out if i.startswith("README.md")] == []


# -- the test command ---------------------------------------------------------------------


def readme_test_command() -> list[str]:
    """The lines of the README's test command (the block after "Set up and run the tests")."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = _FENCE.search(text, text.index("Set up and run the tests"))
    assert block is not None and block.group(1) == "bash"
    return block.group(2).strip().splitlines()


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = [line for line in ci if line and not line.startswith(("#", "set ", "cd "))]
    assert steps == readme_test_command()


FAKES = {
    "apt-get": 'echo "apt-get $*" >> "$LOG"',
    "sudo": 'echo "sudo $*" >> "$LOG"',
}


@pytest.mark.parametrize(
    "uid,has_chromium,expected",
    [
        ("1000", False, ["sudo apt-get update -qq", "sudo apt-get install -y -qq chromium"]),
        ("0", False, ["apt-get update -qq", "apt-get install -y -qq chromium"]),
        ("0", True, []),
        ("1000", True, []),
    ],
)
def test_readme_test_command_installs_chromium_when_missing(
    tmp_path: Path, uid: str, has_chromium: bool, expected: list[str]
) -> None:
    """The first line, in a shell whose PATH holds only fakes: apt-get (with sudo unless root)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fakes = {**FAKES, "id": f"echo {uid}"}
    if has_chromium:
        fakes["chromium"] = "true"
    for name, body in fakes.items():
        fake = bin_dir / name
        fake.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        fake.chmod(0o755)
    log = tmp_path / "log"
    log.touch()
    first_line = readme_test_command()[0]
    env = {"PATH": str(bin_dir), "LOG": str(log)}
    bash = "/bin/bash"
    done = subprocess.run(
        [bash, "-c", f"set -euo pipefail; {first_line}"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").splitlines() == expected


# -- error codes --------------------------------------------------------------------------


def test_every_catalogue_code_is_documented() -> None:
    documented = set(
        re.findall(r"^\| ([EW]\d{3})[ |]", (ROOT / "docs" / "errors.md").read_text(), re.MULTILINE)
    )
    codes = {name for name in vars(Errors) | vars(Warnings) if re.fullmatch(r"[EW]\d{3}", name)}
    assert codes - documented == set()
    assert documented - codes == {"W005"}  # retired, documented as such
