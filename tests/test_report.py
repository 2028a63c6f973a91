"""Reports: the seed's Markdown pinned by a golden file, escaping, merging, and a real browser.

Regenerate the golden file after an intended change with

    QUOTES_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py

and review its diff (docs/reports.md).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotes
from quotes import cli, progress
from quotes.errors import InputValueError
from quotes.records import Affiliation, Cue, Quotation, Speaker
from quotes.report import build, md_escape, render_html, render_markdown

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "seed_report.md"
SEED = "000_79c1e7e875881228.txt"
#: the browser the README's test command installs when `chromium` is not on the PATH
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


@pytest.fixture(scope="module")
def seed_records(extractor: quotes.Extractor, seed_text: str) -> list[Quotation]:
    return extractor.extract(seed_text, doc_id=SEED)


def quotation(doc: str, source: str, content: str, *, speaker: str | None = None, **fields: Any) -> Quotation:
    """A record for `content` in `source` (its first occurrence), with offsets that fit."""
    start = source.index(content)
    sp = None
    if speaker is not None:
        at = source.index(speaker)
        sp = Speaker(start=at, end=at + len(speaker), text=speaker, **fields)
    kind = "direct" if sp is not None else "term"
    return Quotation(doc=doc, kind=kind, start=start, end=start + len(content), text=content, speaker=sp)


def with_affiliation(q: Quotation, source: str, name: str) -> Quotation:
    at = source.index(name)
    return attrs.evolve(q, affiliation=Affiliation(start=at, end=at + len(name), text=name))


def distinct_speakers(records: list[Quotation]) -> int:
    """Speakers as the report should count them: one per name, one per anonymous source and document."""
    keys = set()
    for q in records:
        if q.speaker is None:
            continue
        if q.speaker.name and not q.speaker.anonymous:
            keys.add(("named", q.speaker.name))
        else:
            keys.add((q.doc, q.affiliation.text if q.affiliation else None, q.speaker.text))
    return len(keys)


# -- the golden Markdown report -------------------------------------------------------------


def test_seed_markdown_report_matches_golden_file(seed_records: list[Quotation], seed_text: str) -> None:
    rendered = render_markdown(seed_records, {SEED: seed_text})
    if os.environ.get("QUOTES_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN}; review its diff")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert rendered == expected, (
        "The seed report changed. If the change is intended, regenerate the golden file with "
        "QUOTES_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py and review the diff."
    )


def test_markdown_marks_every_quotation(seed_records: list[Quotation], seed_text: str) -> None:
    rendered = render_markdown(seed_records, {SEED: seed_text})
    for q in seed_records:
        marker = "*" if q.kind == "term" else "**"
        assert f"{marker}{md_escape(q.text)}{marker}" in rendered


# -- escaping -----------------------------------------------------------------------------

HOSTILE = '山田<b>氏は「<script>alert("x")</script> & *ok* | [link](http://x)」と述べた。「A&B」'


def hostile_records() -> list[Quotation]:
    speech = quotation(
        "a.txt", HOSTILE, '<script>alert("x")</script> & *ok* | [link](http://x)', speaker="山田<b>氏"
    )
    return [speech, quotation("a.txt", HOSTILE, "A&B")]


def test_html_escapes_source_text_and_names() -> None:
    page = render_html(hostile_records(), {"a.txt": HOSTILE}, title="<i>title</i> & co")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; *ok*" in page
    assert "山田&lt;b&gt;氏" in page
    assert "&lt;i&gt;title&lt;/i&gt; &amp; co" in page
    assert ">A&amp;B<" in page


def test_markdown_escapes_source_text_and_names() -> None:
    text = render_markdown(hostile_records(), {"a.txt": HOSTILE})
    assert "<script>" not in text and "<b>" not in text
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; \\*ok\\* \\| \\[link\\](http://x)' in text
    assert "山田&lt;b&gt;氏" in text


def test_markdown_escape_at_line_start() -> None:
    assert md_escape("# 見出し", line_start=True) == "\\# 見出し"
    assert md_escape("1. 項目", line_start=True) == "1\\. 項目"
    assert md_escape("- 項目", line_start=True) == "\\- 項目"
    assert md_escape("- 項目") == "- 項目"


@pytest.mark.parametrize(
    "name",
    [
        "x\n# owned\n- item.txt",
        "x\r\n1. item.txt",
        "## a ##.txt",
        "<b>bold</b>\n---.txt",
        "a | b\n> quote.txt",
    ],
)
def test_markdown_report_keeps_file_names_on_their_heading(name: str) -> None:
    text = "山田氏は「<img src=x onerror=alert(1)>」と述べた。"
    record = quotation(name, text, "<img src=x onerror=alert(1)>", speaker="山田氏", name="山田")
    page = render_markdown([record], {name: text, "b.txt": "「語」"}, title="見出し\n# 別の見出し")
    lines = page.splitlines()
    assert [line for line in lines if line.startswith("#")] == [
        "# 見出し \\# 別の見出し",
        f"## {md_escape(' '.join(name.splitlines()))}",
        "## b.txt",
        "## Speakers",
        "## Organisations",
    ]
    assert not any(line.startswith(("- item", "1. item", "---", "> quote", "<b>")) for line in lines)
    assert "<img" not in page and "<b>" not in page


def test_report_command_escapes_a_hostile_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    (tmp_path / "x\n# owned\n- item.txt").write_text("山田氏は「<script>」と述べた。", encoding="utf-8")
    code, out, _ = run(["report", str(tmp_path), "--format", "markdown"], monkeypatch, extractor)
    assert code == 0 and "<script>" not in out
    assert "\n# owned" not in out and "\n- item" not in out and "## x \\# owned - item.txt" in out


# -- content ------------------------------------------------------------------------------


def test_same_name_is_merged_across_documents_and_anonymous_sources_are_not() -> None:
    a = "外務省の当局者は「注視する」と述べた。山田太郎氏は「賛成だ」と語った。"
    b = "外務省の当局者は「静観する」と述べた。山田太郎氏は「反対だ」と語った。"
    records = []
    for doc, text, said in (("a.txt", a, "注視する"), ("b.txt", b, "静観する")):
        anon = quotation(doc, text, said, speaker="当局者", anonymous=True)
        records.append(with_affiliation(anon, text, "外務省"))
        named = quotation(
            doc, text, "賛成だ" if doc == "a.txt" else "反対だ", speaker="山田太郎氏", name="山田太郎"
        )
        records.append(named)
    report = build(records, {"a.txt": a, "b.txt": b})
    assert [(s.name, s.anonymous, len(s.said), s.docs) for s in report.speakers] == [
        ("山田太郎", False, 2, ("a.txt", "b.txt")),
        ("当局者", True, 1, ("a.txt",)),
        ("当局者", True, 1, ("b.txt",)),
    ]
    assert [(o.name, o.quotations, o.speakers) for o in report.organisations] == [("外務省", 2, ("当局者",))]
    page = render_html(records, {"a.txt": a, "b.txt": b})
    assert page.count('<span class="badge">anonymous</span>') == 2
    assert page.count('class="q term') == 0 and page.count('class="q direct') == 4


def test_nested_and_crossing_spans_get_one_element_each() -> None:
    text = "関係者によると、山田氏は「賛成だ」と述べたという。"
    outer = Quotation(doc="t", kind="indirect", start=8, end=21, text=text[8:21])
    inner = quotation("t", text, "賛成だ", speaker="山田氏", name="山田")
    crossing = Quotation(doc="t", kind="term", start=15, end=23, text=text[15:23])
    page = render_html([inner, crossing, outer], {"t": text})
    counts = count_elements(page)
    assert counts.marks == 3 and counts.max_depth == 3
    assert counts.text == text  # the source, character for character, labels aside


def test_terms_are_styled_apart_and_unattributed_speech_is_flagged() -> None:
    text = "「核の傘」について「反対だ」と述べた。"
    term = Quotation(doc="t", kind="term", start=1, end=4, text="核の傘")
    speech = Quotation(
        doc="t",
        kind="direct",
        start=10,
        end=13,
        text="反対だ",
        cue=Cue(start=15, end=18, text="述べた", lemma="述べる"),
    )
    page = render_html([term, speech], {"t": text})
    assert 'class="q term"' in page and "speaker unknown" in page
    markdown = render_markdown([term, speech], {"t": text})
    assert "「*核の傘*」" in markdown and "「**反対だ**」〔speaker unknown〕" in markdown


def test_records_must_fit_their_texts() -> None:
    record = quotation("a.txt", "「賛成だ」", "賛成だ")
    with pytest.raises(InputValueError, match="no text was given for it"):
        render_html([record], {"b.txt": "「賛成だ」"})
    with pytest.raises(InputValueError, match="does not fit the text"):
        render_html([record], {"a.txt": "「反対だ」"})


# -- the command --------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("山田氏は「賛成だ」と述べた。", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("川口氏は「反対だ」と語った。", encoding="utf-8")
    return tmp_path / "in"


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor, tty: bool = False
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    err.isatty = lambda: tty  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(cli, "Extractor", lambda *args, **kwargs: extractor)  # reuse the loaded model
    return cli.main(args), out.getvalue(), err.getvalue()


def test_report_format_follows_the_suffix(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    code, _, _ = run(["report", str(folder), "-o", str(tmp_path / "r.md")], monkeypatch, extractor)
    assert code == 0 and (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Who said what")
    code, _, _ = run(["report", str(folder), "-o", str(tmp_path / "r.html")], monkeypatch, extractor)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert code == 0 and page.startswith("<!DOCTYPE html>") and "a.txt" in page and "b.txt" in page
    code, out, _ = run(["report", str(folder / "a.txt"), "--format", "markdown"], monkeypatch, extractor)
    assert code == 0 and out.startswith("# Who said what")
    code, _, err = run(["report", str(folder), "-o", str(tmp_path / "r.txt")], monkeypatch, extractor)
    assert code == 2 and "name it .html or .md" in err


def test_progress_bar_only_on_a_terminal(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    target = str(tmp_path / "r.html")
    _, _, err = run(["report", str(folder), "-o", target], monkeypatch, extractor, tty=True)
    assert "documents" in err and "/2" in err
    _, _, err = run(["report", str(folder), "-o", target, "--quiet"], monkeypatch, extractor, tty=True)
    assert err == ""
    _, _, err = run(["report", str(folder), "-o", target], monkeypatch, extractor, tty=False)
    assert err == ""
    code, out, err = run(["extract", str(folder)], monkeypatch, extractor, tty=True)
    assert code == 0 and "documents" in err and out.count("\n") == 2
    assert not progress.wanted(io.StringIO(), total=5)


# -- in a browser -------------------------------------------------------------------------


class Counter(HTMLParser):
    """Counts quotation highlights and speaker rows, and collects the text outside labels."""

    def __init__(self) -> None:
        super().__init__()
        self.marks = self.speaker_rows = self.depth = self.max_depth = 0
        self.label_depth = 0
        self.in_text = 0
        self.chunks: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "mark" and "q" in classes:
            self.marks += 1
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag == "tr" and "speaker" in classes:
            self.speaker_rows += 1
        if tag == "span" and ("q-label" in classes or self.label_depth):
            self.label_depth += 1
        if tag == "div" and "text" in classes:
            self.in_text += 1
        if tag in ("script", "link", "img", "iframe") or any(k == "src" for k in a):
            self.external.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.depth:
            self.depth -= 1
        if tag == "span" and self.label_depth:
            self.label_depth -= 1
        if tag == "div" and self.in_text:
            self.in_text -= 1

    def handle_data(self, data: str) -> None:
        if self.in_text and not self.label_depth:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return "".join(self.chunks)


def count_elements(page: str) -> Counter:
    counter = Counter()
    counter.feed(page)
    counter.close()
    return counter


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install it (apt-get install -y chromium) to run the browser test; "
            "the README's test command (and .ci/run) installs it."
        )
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_seed_html_report_in_headless_chromium(
    seed_records: list[Quotation], seed_text: str, tmp_path: Path
) -> None:
    page = render_html(seed_records, {SEED: seed_text})
    source = count_elements(page)
    assert source.external == [] and "url(" not in page and "@import" not in page
    assert '<meta name="viewport"' in page and "@media print" in page
    html = tmp_path / "seed.html"
    html.write_text(page, encoding="utf-8")
    url = html.as_uri()

    shot = tmp_path / "seed.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,1600", url)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000

    dom = count_elements(chromium(tmp_path, "--dump-dom", url).stdout)
    assert dom.marks == len(seed_records)
    assert dom.speaker_rows == distinct_speakers(seed_records)
    assert dom.text == seed_text
