"""The command line on a new user's and a hostile input's paths (issue 14).

Options checked before the work, outputs that cannot be written, inputs without end,
FIFOs, Ctrl-C and unreachable schedulers: each ends in one line on stderr and an exit
status, never a traceback, and loses nothing already written.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quotes
from quotes import cli
from quotes.errors import InputValueError
from quotes.inputs import read_stream

GOOD = "山田氏は「賛成だ」と述べた。"
OTHER = "川口氏は「反対だ」と語った。"
UNCLOSED = "鈴木氏は「終わらない。"
COMMAND = [sys.executable, "-m", "quotes.cli"]


class Unwanted:
    """Stands in for the Extractor where the command must stop before loading the model."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("the model was loaded before the command checked its arguments")


def run(
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    extractor: quotes.Extractor | None = None,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    """`quotes ARGS` in this process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(cli, "Extractor", Unwanted if extractor is None else lambda *a, **k: extractor)
    try:
        code = cli.main(args)
    except SystemExit as exc:  # argparse: --version, --help, usage errors
        code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def command(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *args], capture_output=True, text=True, check=False, **kwargs)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "in"
    docs.mkdir()
    (docs / "a.txt").write_text(GOOD, encoding="utf-8")
    (docs / "b.txt").write_text(OTHER, encoding="utf-8")
    return docs


# -- 4. --version, help with defaults, counts checked before the work ---------------------------


def test_version_prints_the_package_version(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["--version"], monkeypatch)
    assert code == 0 and out.strip() == f"quotes {quotes.__version__}"


@pytest.mark.parametrize(
    "subcommand,expected",
    [
        ("extract", "(default: jsonl)"),
        ("extract", "(default: 64)"),
        ("extract", "(default: utf-8)"),
        ("extract", "(default: 10000000)"),
        ("extract", "(default: 5.0)"),
        ("report", "(default: 64)"),
        ("evaluate", "(default: 64)"),
    ],
)
def test_help_shows_each_default(monkeypatch: pytest.MonkeyPatch, subcommand: str, expected: str) -> None:
    code, out, _ = run([subcommand, "--help"], monkeypatch)
    assert code == 0 and expected in " ".join(out.split())


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "a.txt", "--batch-size", "0"],
        ["extract", "a.txt", "--batch-size", "-3"],
        ["extract", "a.txt", "--batch-size", "many"],
        ["extract", "a.txt", "--n-process", "0"],
        ["extract", "a.txt", "--max-bytes", "0"],
        ["extract", "a.txt", "--scheduler", "tcp://127.0.0.1:1", "--batch-size", "0"],
        ["extract", "a.txt", "--scheduler-timeout", "0"],
        ["report", "a.txt", "--batch-size", "0"],
        ["evaluate", "gold", "--batch-size", "0"],
    ],
)
def test_bad_counts_are_refused_before_any_work(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    code, out, err = run(args, monkeypatch)
    assert code == 2 and out == ""
    assert "must be a positive" in err.splitlines()[-1]


# -- 5. CSV for Excel -------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,bom", [("utf-8-sig", True), ("utf-8", False)])
def test_utf8_sig_starts_the_file_with_a_byte_order_mark(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    extractor: quotes.Extractor,
    encoding: str,
    bom: bool,
) -> None:
    target = tmp_path / "out.csv"
    args = ["extract", str(folder), "--format", "csv", "--encoding", encoding, "-o", str(target)]
    code, _, _ = run(args, monkeypatch, extractor)
    data = target.read_bytes()
    assert code == 0 and data.startswith(b"\xef\xbb\xbf") == bom
    assert data.decode("utf-8-sig").startswith("doc,kind,text") and "賛成だ" in data.decode("utf-8-sig")


def test_utf8_sig_on_standard_output(folder: Path) -> None:
    done = subprocess.run(
        [*COMMAND, "extract", str(folder / "a.txt"), "--format", "csv", "--encoding", "utf-8-sig"],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith(b"\xef\xbb\xbfdoc,kind,text")


# -- 11. outputs that cannot be written ---------------------------------------------------------


def unwritable(tmp_path: Path, case: str) -> Path:
    if case == "missing folder":
        return tmp_path / "nowhere" / "out.jsonl"
    if case == "a folder":
        return tmp_path
    if case == "under a file":
        (tmp_path / "plain").write_text("x", encoding="utf-8")
        return tmp_path / "plain" / "out.jsonl"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return locked / "out.jsonl"


CASES = ["missing folder", "a folder", "under a file", "read-only folder"]


@contextlib.contextmanager
def unprivileged(active: bool) -> Iterator[None]:
    """Run the block as `nobody` when the tests run as root, who may write anywhere."""
    if not active or os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("subcommand", ["extract", "report"])
def test_unwritable_output_fails_before_the_work(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, subcommand: str
) -> None:
    target = unwritable(tmp_path, case)
    if subcommand == "report":
        target = target.with_suffix(".html") if target.suffix else target
    with unprivileged(case == "read-only folder"):
        code, out, err = run(
            [subcommand, str(folder), "-o", str(target), "--format", "markdown"], monkeypatch
        )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"quotes: error: cannot write {target}")


@pytest.mark.parametrize("subcommand", ["extract", "report"])
@pytest.mark.parametrize("to", ["-o", "stdout"])
def test_a_full_disk_is_one_line_not_a_traceback(folder: Path, subcommand: str, to: str) -> None:
    if to == "-o":
        done = command([subcommand, str(folder), "-o", "/dev/full", "--format", "markdown"])
    else:
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [*COMMAND, subcommand, str(folder), "--format", "markdown"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "No space left on device" in done.stderr, done.stderr


# -- 12. a size limit on every input ------------------------------------------------------------


class Endless(io.RawIOBase):
    """A stream of zeros without end that counts what was read from it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        buffer[:size] = b"\0" * size
        self.given += size
        return size


def test_an_endless_stream_is_refused_after_the_limit() -> None:
    stream = Endless()
    with pytest.raises(InputValueError, match="larger than 1,000,000 bytes"):
        read_stream(stream, max_bytes=1_000_000, name="-")
    assert stream.given <= 1_000_001


@pytest.mark.parametrize(
    "data,limit,expected",
    [
        (b"abc", 3, "abc"),
        ("前置き。\r\n本文。\r終わり".encode(), 100, "前置き。\n本文。\n終わり"),
        ("山田".encode(), 6, "山田"),
    ],
)
def test_streams_read_as_files_are(data: bytes, limit: int, expected: str) -> None:
    assert read_stream(io.BytesIO(data), max_bytes=limit, name="-") == expected


def test_standard_input_without_end_is_refused_in_one_line() -> None:
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [*COMMAND, "extract", "-", "--max-bytes", "2000000"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "quotes: error: -: larger than 2,000,000 bytes (the --max-bytes limit); "
        "split it, or raise the limit with --max-bytes.\n"
    )


def test_a_file_over_the_limit_fails_alone(
    folder: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    (folder / "big.txt").write_text(GOOD * 100, encoding="utf-8")
    code, out, err = run(["extract", str(folder), "--max-bytes", "1000"], monkeypatch, extractor)
    assert code == 1 and [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "b.txt"]
    assert err.count("\n") == 1 and "big.txt: larger than 1,000 bytes" in err


# -- 17. FIFOs ----------------------------------------------------------------------------------


def test_a_fifo_named_as_a_path_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=(GOOD,), kwargs={"encoding": "utf-8"})
    writer.start()
    code, out, err = run(["extract", str(fifo)], monkeypatch, extractor)
    writer.join(timeout=30)
    assert code == 0 and err == ""
    assert json.loads(out)["doc"] == "pipe.txt" and json.loads(out)["text"] == "賛成だ"


@pytest.mark.parametrize("kind", ["fifo", "dangling link"])
def test_an_odd_entry_in_a_folder_is_reported_not_skipped(
    folder: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor, kind: str
) -> None:
    odd = folder / "odd.txt"
    if kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.symlink_to(folder / "gone.txt")
    code, out, err = run(["extract", str(folder)], monkeypatch, extractor)
    assert code == 1 and [json.loads(line)["doc"] for line in out.splitlines()] == ["a.txt", "b.txt"]
    assert err.count("\n") == 1 and f"{odd}: a " in err and "not a regular file" in err
    assert "no such file" not in err


def test_a_file_name_with_a_newline_is_reported_on_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    code, _, err = run(["extract", str(tmp_path / "x\n# owned.txt")], monkeypatch, extractor)
    assert code == 1 and err.count("\n") == 1 and "x\\n# owned.txt" in err


# -- 17. Ctrl-C ---------------------------------------------------------------------------------


def interrupted_after(analyses: list[Any]) -> Iterator[Any]:
    yield from analyses
    raise KeyboardInterrupt


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown"])
def test_ctrl_c_keeps_the_documents_written_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor, fmt: str
) -> None:
    done = [
        (extractor.analyze(text, doc_id=name), name) for text, name in ((GOOD, "a.txt"), (OTHER, "b.txt"))
    ]
    monkeypatch.setattr(cli, "_analyses", lambda args, failures: interrupted_after(done))
    target = tmp_path / f"out.{fmt}"
    code, _, err = run(
        ["extract", "a.txt", "b.txt", "c.txt", "--format", fmt, "-o", str(target)], monkeypatch
    )
    assert code == 130
    assert (
        err == "quotes: interrupted: the documents written so far are whole; the others were not processed.\n"
    )
    written = target.read_text(encoding="utf-8")
    if fmt == "json":
        assert [r["doc"] for r in json.loads(written)] == ["a.txt", "b.txt"]
    elif fmt == "jsonl":
        assert [json.loads(line)["doc"] for line in written.splitlines()] == ["a.txt", "b.txt"]
    else:
        assert written.count("a.txt") == 1 and written.count("b.txt") == 1 and written.endswith("\n")


@pytest.mark.parametrize("n_process", ["1", "2"])
def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path, n_process: str) -> None:
    """A real SIGINT to the process group, as a terminal sends it, while the command waits on stdin.

    b.txt's warning shows that a.txt was written before the signal (with two workers
    too: they take two inputs at a time); standard input never ends, so the command is
    still running when it comes, and every worker gets the signal as well.
    """
    for name, text in (("a.txt", GOOD), ("b.txt", UNCLOSED), ("c.txt", OTHER)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    args = ["extract", *(str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")), "-"]
    args += ["-o", str(target), "--batch-size", "1", "--n-process", n_process]
    process = subprocess.Popen(
        [*COMMAND, *args],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdin is not None and process.stderr is not None
    warning = process.stderr.readline()  # a.txt is written before b.txt's warning
    assert "b.txt: W001" in warning
    os.killpg(process.pid, signal.SIGINT)
    err = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert (
        err == "quotes: interrupted: the documents written so far are whole; the others were not processed.\n"
    )
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "a.txt" in {json.loads(line)["doc"] for line in lines}  # whole lines, a.txt among them


# -- 3. an unreachable scheduler ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "address,expected",
    [
        (f"tcp://127.0.0.1:{free_port()}", "cannot reach the Dask scheduler"),
        ("http://127.0.0.1:8786", "is not a Dask scheduler address"),
        ("localhost", "is not a Dask scheduler address"),
    ],
)
def test_unreachable_scheduler_fails_fast_in_one_line(folder: Path, address: str, expected: str) -> None:
    started = time.monotonic()
    done = command(["extract", str(folder), "--scheduler", address, "--scheduler-timeout", "2"], timeout=120)
    assert time.monotonic() - started < 30
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr
