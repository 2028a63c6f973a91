"""The `quotes` command: formats, folders, stdin, and per-file errors that lose nothing else."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import cli

GOOD = "山田氏は「賛成だ」と述べた。"


def run(args: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(args)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text("川口氏は「反対だ」と語った。", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.md").write_text("「無視」", encoding="utf-8")
    return tmp_path


def test_folder_is_read_in_sorted_order_as_jsonl(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["extract", str(folder)], monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["doc"] for r in rows] == ["a.txt", "b.txt"]
    assert rows[0]["speaker"]["name"] == "山田"


def test_stdin_is_doc_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["extract", "-"], monkeypatch, stdin=GOOD)
    assert code == 0 and json.loads(out)["doc"] == "-"


@pytest.mark.parametrize("fmt,marker", [("json", "["), ("csv", "doc,kind"), ("markdown", "| doc |")])
def test_other_formats(folder: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, marker: str) -> None:
    code, out, _ = run(["extract", str(folder), "--format", fmt], monkeypatch)
    assert code == 0 and out.startswith(marker) and "反対だ" in out


def test_output_file(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(["extract", str(folder / "a.txt"), "-o", str(target)], monkeypatch)
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["text"] == "賛成だ"


def test_bad_files_fail_alone(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    code, out, err = run(
        ["extract", str(bad), str(folder / "a.txt"), str(tmp_path / "missing.txt"), str(empty)], monkeypatch
    )
    assert code == 1
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt"]
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert "not valid UTF-8" in lines[0] and "no such file" in lines[1] and "no *.txt" in lines[2]


def test_strict_turns_warnings_into_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "broken.txt").write_text("彼は「終わらない。", encoding="utf-8")
    (tmp_path / "fine.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(["extract", str(tmp_path)], monkeypatch)
    assert code == 0 and "W001" in err and "fine.txt" in out
    code, out, err = run(["extract", str(tmp_path), "--strict"], monkeypatch)
    assert code == 1 and "broken.txt" in err and "W001" in err
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["fine.txt"]


def test_crlf_file_offsets_index_the_file_as_python_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = "前置き。\r\n" * 3 + GOOD
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    _, out, _ = run(["extract", str(path)], monkeypatch)
    row = json.loads(out)
    text = path.read_text(encoding="utf-8")  # universal newlines, as the gold scorer reads
    assert text[row["start"] : row["end"]] == row["text"] == "賛成だ"


def test_console_script_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotes.cli", "extract", "-"],
        input=GOOD,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cue"]["text"] == "述べた"
