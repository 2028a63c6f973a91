"""The archive index: incremental and crash-safe indexing, people across documents, search, checks, bad files.

Every test works on a real SQLite file under a temporary folder, with the real
GiNZA model (the session's `extractor`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import quotes
from quotes import cli
from quotes.archive import Document, Index, analyzer, index_files, parquet, schema
from quotes.archive.check import comparable, similarity
from quotes.archive.people import family_forms, is_full_name, normalise_name
from quotes.errors import ArchiveAccessError, ArchiveError, ArchiveFormatError, InputValueError

ROOT = Path(__file__).parent.parent
SEED = "000_79c1e7e875881228.txt"
SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev"]

#: one sentence of the seed (車斗鉉 at the Asan Institute), the same under another speaker, and reworded
KURSK = "こうしたクルスク攻防戦で武器支援の制限を設けないという意志を米国が明確にした"
KURSK_REWORDED = "こうしたクルスク攻防戦で武器支援に制限を設けないという意思を米国が明確に示した"
ARTICLES = {
    "a.txt": f"峨山政策研究院の車斗鉉(チャ・ドゥヒョン)首席研究委員は「{KURSK}」と強調した。",
    "b.txt": f"アサン政策研究院のチャ・ドゥヒョン首席研究委員は「{KURSK_REWORDED}」と述べた。",
    "c.txt": "峨山政策研究院の車首席研究委員は「北朝鮮の派兵は戦争の性格そのものを変えた」と話した。",
    "d.txt": f"世宗研究所のキム・ジョンソプ首席研究委員は「{KURSK}」と分析した。",
    "e.txt": "峨山政策研究院の車明浩研究委員は「制裁の効果はまだ見えていない」と述べた。",
    "f.txt": "外務省の田中一郎報道官は「強い遺憾の意を表明する」と述べた。",
    "g.txt": "文部科学省の田中花子課長は「教員の負担を減らす方針だ」と述べた。",
    "h.txt": "林選手は「最後まで諦めずに走り切りました」と話した。",
    "i.txt": "林選手は「来年はもっと上を目指したいです」と話した。",
    "j.txt": "韓国外交部の当局者は「関連動向を注視している状況である」と明らかにした。",
    "k.txt": "米国務省の当局者は「関連動向を注視している状況である」と明らかにした。",
}


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def source_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in folder.glob("*.txt"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, extractor: quotes.Extractor) -> Path:
    """An index of the seed and the constructed articles, added in the order of ARTICLES."""
    folder = write_articles(tmp_path_factory.mktemp("articles"), ARTICLES)
    db = folder / "archive.db"
    with Index.open(db, write=True) as index:
        summary = index_files(
            index, [ROOT / "seeds" / SEED, *sorted(folder.glob("*.txt"))], analyzer(extractor)
        )
    assert summary.added == len(ARTICLES) + 1 and not summary.failures
    return db


def docs_of(hits: list) -> set[str]:
    return {h.doc for h in hits}


# -- indexing -------------------------------------------------------------------


def test_indexing_the_seed_and_dev_texts_twice_adds_nothing_the_second_time(
    tmp_path: Path, extractor: quotes.Extractor
) -> None:
    db = tmp_path / "archive.db"
    expected = {p.name: len(extractor.extract(p.read_text(encoding="utf-8"))) for p in source_files()}
    with Index.open(db, write=True) as index:
        first = index_files(index, SOURCES, analyzer(extractor))
        counts = index.counts()
        second = index_files(index, SOURCES, analyzer(extractor))
        assert index.counts() == counts
        stored = {s.document.name: s.records for s in index.documents()}
    assert (first.added, first.skipped) == (len(expected), 0)
    assert (second.added, second.skipped, second.records) == (0, len(expected), 0)
    assert stored == expected
    assert counts["records"] == sum(expected.values())


def test_a_second_run_without_new_documents_loads_no_model(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    folder = write_articles(tmp_path / "docs", {"a.txt": "本文のみ。"})
    with Index.open(db, write=True) as index:
        index.add(Document.of("a.txt", "本文のみ。"), [])

        def refuse(items: Iterator[tuple[str, str]]) -> list:
            raise AssertionError("nothing new: nothing to analyse")

        summary = index_files(index, [folder], refuse)
    assert (summary.added, summary.skipped) == (0, 1)


def test_the_same_text_under_two_names_is_stored_once(tmp_path: Path, extractor: quotes.Extractor) -> None:
    text = "山田氏は「賛成だ」と述べた。"
    folder = write_articles(tmp_path / "docs", {"a.txt": text, "copy.txt": text})
    with Index.open(tmp_path / "x.db", write=True) as index:
        summary = index_files(index, [folder], analyzer(extractor))
        assert [s.document.name for s in index.documents()] == ["a.txt"]
    assert (summary.added, summary.skipped) == (1, 1)


def test_unreadable_files_are_reported_and_the_others_indexed(
    tmp_path: Path, extractor: quotes.Extractor
) -> None:
    folder = write_articles(tmp_path / "docs", {"good.txt": "山田氏は「賛成だ」と述べた。"})
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    with Index.open(tmp_path / "x.db", write=True) as index:
        summary = index_files(index, [folder, tmp_path / "missing.txt"], analyzer(extractor))
        assert [s.document.name for s in index.documents()] == ["good.txt"]
    assert len(summary.failures) == 2
    assert any("not valid UTF-8" in f for f in summary.failures)
    assert any("no such file" in f for f in summary.failures)


def test_a_failing_document_leaves_nothing_of_itself(
    tmp_path: Path, extractor: quotes.Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quotes.archive.people import Registry

    text = "山田氏は「賛成だ」と述べた。川口氏は「反対だ」と語った。"
    records = extractor.extract(text, doc_id="a.txt")
    calls = {"n": 0}
    real = Registry.person

    def fail_on_second(self: Registry, *args: object) -> int | None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk on fire")
        return real(self, *args)  # type: ignore[arg-type]

    with Index.open(tmp_path / "x.db", write=True) as index:
        monkeypatch.setattr(Registry, "person", fail_on_second)
        with pytest.raises(RuntimeError):
            index.add(Document.of("a.txt", text), records)
        assert index.counts() == {"documents": 0, "records": 0, "people": 0, "orgs": 0}
        monkeypatch.setattr(Registry, "person", real)
        assert index.add(Document.of("a.txt", text), records) is not None
        assert index.counts()["records"] == 2


def _count_documents(db: Path) -> int:
    try:
        with contextlib.closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created yet, or mid-commit
        return 0


def test_a_killed_run_resumes_with_no_duplicate_and_no_lost_document(
    tmp_path: Path, extractor: quotes.Extractor
) -> None:
    names = ["山田", "川口", "佐藤", "鈴木", "高橋"]
    articles = {
        f"{n:04d}.txt": f"{names[n % 5]}太郎氏は「第{n}回の会合で賛成した」と述べた。記事{n}。"
        for n in range(400)
    }
    folder = write_articles(tmp_path / "docs", articles)
    db = tmp_path / "archive.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "quotes.cli", "index", str(folder), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 180
        while _count_documents(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with Index.open(db, write=True) as index:  # a hot journal from the kill is rolled back here
        before = index.counts()["documents"]
        assert 20 <= before < len(articles)
        assert index.counts()["records"] == before  # every stored document is whole: one record each
        summary = index_files(index, [folder], analyzer(extractor))
        stored = index.documents()
        (fts,) = index.conn.execute("SELECT count(*) FROM records_fts").fetchone()
        index.conn.execute("INSERT INTO records_fts (records_fts) VALUES ('integrity-check')")
    assert (summary.added, summary.skipped) == (len(articles) - before, before)
    assert sorted(s.document.name for s in stored) == sorted(articles)
    assert all(s.records == 1 for s in stored)
    assert fts == len(articles)


@pytest.mark.parametrize(
    "files,expected",
    [
        ({"a.txt": "本文。", "a.meta.json": '{"date": "2024-11-18", "outlet": "x"}'}, "2024-11-18"),
        ({"a.txt": "date: 2024-11-17\n本文。"}, "2024-11-17"),
        ({"a.txt": "date: 2024-11-17\n本文。", "a.meta.json": '{"date": "2024-11-18"}'}, "2024-11-18"),
        (
            {"a.txt": "本文。", "a.meta.json": '{"date": "2024-11-18T09:30:00+09:00"}'},
            "2024-11-18T09:30:00+09:00",
        ),
        ({"a.txt": "本文。date: 2024-11-17"}, None),
        ({"a.txt": "本文。"}, None),
    ],
)
def test_a_documents_date_comes_from_its_sidecar_or_front_matter(
    tmp_path: Path, extractor: quotes.Extractor, files: dict[str, str], expected: str | None
) -> None:
    folder = write_articles(tmp_path / "docs", files)
    with Index.open(tmp_path / "x.db", write=True) as index:
        index_files(index, [folder / "a.txt"], analyzer(extractor))
        (stored,) = index.documents()
    assert stored.document.date == expected
    assert stored.document.size == len(files["a.txt"].encode("utf-8"))


@pytest.mark.parametrize(
    "files,code",
    [
        ({"a.txt": "date: 18 November\n本文。"}, "W010"),
        ({"a.txt": "本文。", "a.meta.json": "[1, 2]"}, "W011"),
        ({"a.txt": "本文。", "a.meta.json": "{not json"}, "W011"),
    ],
)
def test_a_bad_date_or_sidecar_is_a_warning_and_the_document_is_indexed(
    tmp_path: Path,
    extractor: quotes.Extractor,
    files: dict[str, str],
    code: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="quotes")
    folder = write_articles(tmp_path / "docs", files)
    with Index.open(tmp_path / "x.db", write=True) as index:
        summary = index_files(index, [folder / "a.txt"], analyzer(extractor))
        (stored,) = index.documents()
    assert summary.added == 1 and stored.document.date is None
    assert [r.getMessage()[:4] for r in caplog.records] == [code]


# -- people and organisations across documents ----------------------------------


def person_of(db: Path, doc: str) -> int | None:
    with Index.open(db) as index:
        (hit,) = index.search(doc=doc, kind="direct")
    return hit.person


def test_name_reading_and_surname_with_the_same_institute_are_one_person(archive: Path) -> None:
    seed = {h.person for h in Index.open(archive).search(doc=SEED, speaker="車斗鉉")}
    assert len(seed) == 1
    assert {person_of(archive, d) for d in ("a.txt", "b.txt", "c.txt")} == seed


@pytest.mark.parametrize(
    "one,other",
    [
        ("a.txt", "e.txt"),  # 車斗鉉 and 車明浩: one surname, one institute
        ("f.txt", "g.txt"),  # 田中一郎 and 田中花子
        ("h.txt", "i.txt"),  # 林選手 twice, no affiliation: nothing says they are one person
        ("a.txt", "d.txt"),  # two institutes
    ],
)
def test_people_who_only_share_a_surname_stay_apart(archive: Path, one: str, other: str) -> None:
    assert person_of(archive, one) != person_of(archive, other)


def test_a_surname_two_people_share_joins_neither(
    archive: Path, tmp_path: Path, extractor: quotes.Extractor
) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(archive, db)
    text = "峨山政策研究院の車研究委員は「交渉の余地はある」と述べた。"
    with Index.open(db, write=True) as index:
        index.add(Document.of("z.txt", text), extractor.extract(text, doc_id="z.txt"))
    assert person_of(db, "z.txt") not in {person_of(db, "a.txt"), person_of(db, "e.txt")}


def test_anonymous_sources_are_no_person(archive: Path) -> None:
    assert person_of(archive, "j.txt") is None


@pytest.mark.parametrize(
    "name,reading,full,family",
    [
        ("車斗鉉", "チャ・ドゥヒョン", True, {"車", "車斗", "チャ"}),
        ("キム・ジョンソプ", None, True, {"キム"}),
        ("車", None, False, set()),
        ("キム", None, False, set()),
        ("佐藤", None, False, {"佐"}),
        ("ブラウン", None, False, set()),
    ],
)
def test_full_names_and_their_family_forms(
    name: str, reading: str | None, full: bool, family: set[str]
) -> None:
    assert is_full_name(name, reading) is full
    assert family_forms(name, reading) == family


def test_names_are_compared_without_separators_and_in_katakana() -> None:
    assert normalise_name("チャ・ドゥヒョン") == normalise_name("チャ ドゥヒョン") == "チャドゥヒョン"
    assert normalise_name("たかそう・のりこ") == "タカソウノリコ"


# -- search ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query,expected",
    [
        ({"speaker": "車斗鉉"}, {"a.txt", "b.txt", "c.txt", SEED}),
        ({"speaker": "チャ・ドゥヒョン"}, {"a.txt", "b.txt", "c.txt", SEED}),
        ({"speaker": "車"}, {"a.txt", "b.txt", "c.txt", "e.txt", SEED}),
        ({"speaker": "当局者"}, {"j.txt", "k.txt", SEED}),
        ({"org": "アサン政策研究院"}, {"a.txt", "b.txt", "c.txt", "e.txt", SEED}),
        ({"org": "峨山政策研究院"}, {"a.txt", "b.txt", "c.txt", "e.txt", SEED}),
        ({"org": "asan institute for policy studies"}, {"a.txt", "b.txt", "c.txt", "e.txt", SEED}),
        ({"org": "世宗研究所"}, {"d.txt", SEED}),
        ({"org": "どこにもない研究所"}, set()),
        ({"words": "クルスク攻防戦"}, {"a.txt", "b.txt", "d.txt", SEED}),
        ({"words": ["武器支援", "意思"]}, {"b.txt"}),
        ({"words": "クルスク攻防戦", "org": "Sejong Institute"}, {"d.txt"}),
        ({"words": "核", "kind": "term"}, {SEED}),
        ({"words": "ＡＴＡＣＭＳ"}, {SEED}),
        ({"speaker": "車斗鉉", "doc": "[ab].txt"}, {"a.txt", "b.txt"}),
        ({"speaker": "車斗鉉", "kind": "indirect"}, set()),
    ],
)
def test_search_returns_the_expected_records(archive: Path, query: dict, expected: set[str]) -> None:
    with Index.open(archive) as index:
        hits = index.search(**query)
    assert docs_of(hits) == expected
    for hit in hits:  # every hit's record slices back to its document
        source = (ROOT / "seeds" / SEED).read_text(encoding="utf-8") if hit.doc == SEED else ARTICLES[hit.doc]
        assert source[hit.quotation.start : hit.quotation.end] == hit.quotation.text


def test_search_by_words_finds_the_quotation_itself(archive: Path) -> None:
    with Index.open(archive) as index:
        (hit,) = index.search("意思を米国が明確に示した")
    assert hit.doc == "b.txt" and hit.quotation.text == KURSK_REWORDED
    assert hit.quotation.speaker is not None and hit.quotation.speaker.name == "チャ・ドゥヒョン"
    assert hit.organisation == "Asan Institute for Policy Studies"


def test_an_unknown_kind_is_refused(archive: Path) -> None:
    with Index.open(archive) as index, pytest.raises(InputValueError, match="kind must be one of"):
        index.search(kind="quote")


# -- checks ---------------------------------------------------------------------


def test_one_sentence_under_two_speakers_is_flagged(archive: Path) -> None:
    with Index.open(archive) as index:
        findings = [f for f in index.check() if f.kind == "different-speakers"]
    sides = [({o.doc for o in f.left}, {o.doc for o in f.right}) for f in findings]
    # the seed and a.txt give the sentence to 車斗鉉, d.txt to キム・ジョンソプ; b.txt rewords it
    assert sides == [({SEED, "a.txt"}, {"d.txt"}), ({"b.txt"}, {"d.txt"})]
    exact = findings[0]
    assert exact.similarity == 100 and 90 <= findings[1].similarity < 100
    assert {o.name for o in exact.left} == {"車斗鉉"} and {o.name for o in exact.right} == {
        "キム・ジョンソプ"
    }
    for o in (*exact.left, *exact.right):
        source = (ROOT / "seeds" / SEED).read_text(encoding="utf-8") if o.doc == SEED else ARTICLES[o.doc]
        assert source[o.start : o.end] == o.text == KURSK


def test_a_changed_wording_is_flagged(archive: Path) -> None:
    with Index.open(archive) as index:
        findings = [f for f in index.check() if f.kind == "changed-wording"]
    assert [({o.doc for o in f.left}, {o.doc for o in f.right}) for f in findings] == [
        ({SEED, "a.txt"}, {"b.txt"})
    ]
    (finding,) = findings
    assert (finding.left[0].text, finding.right[0].text) == (KURSK, KURSK_REWORDED)
    assert finding.left[0].person == finding.right[0].person
    assert 90 <= finding.similarity < 100


def test_what_is_not_flagged(archive: Path) -> None:
    with Index.open(archive) as index:
        findings = index.check()
    flagged = {o.doc for f in findings for o in (*f.left, *f.right)}
    # the same words by the same person (seed and a.txt) are no finding by themselves,
    # and anonymous sources (j.txt, k.txt: one sentence, two ministries' officials) are not compared
    assert not any({o.doc for o in (*f.left, *f.right)} == {SEED, "a.txt"} for f in findings)
    assert flagged.isdisjoint({"j.txt", "k.txt", "c.txt", "e.txt", "h.txt", "i.txt"})


@pytest.mark.parametrize(
    "a,b,low,high",
    [
        (KURSK, KURSK, 100, 100),
        (KURSK, KURSK_REWORDED, 90, 99),
        (KURSK, KURSK[8:], 100, 100),  # a part of it (partial_ratio)
        ("米国の意志は明確だ", "米国の意思は明確だ", 85, 95),
        (KURSK, "北朝鮮の派兵は戦争の性格そのものを変えた", 0, 40),
    ],
)
def test_similarity_of_quotations(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(comparable(a), comparable(b)) <= high


def test_thresholds_are_checked(archive: Path) -> None:
    with Index.open(archive) as index, pytest.raises(InputValueError, match="from 0 to 100"):
        index.check(same=120)


# -- bad files --------------------------------------------------------------------


def _other_version(path: Path) -> None:
    with Index.open(path, write=True):
        pass
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")


def _other_application(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('keep me')")
        conn.commit()


@pytest.mark.parametrize(
    "make,code,error",
    [
        (
            lambda p: p.write_text("date,speaker\n2024-11-18,車斗鉉\n", encoding="utf-8"),
            "E041",
            ArchiveFormatError,
        ),
        (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(200)), "E041", ArchiveFormatError),
        (_other_application, "E042", ArchiveFormatError),
        (_other_version, "E043", ArchiveFormatError),
        (lambda p: p.mkdir(), "E047", ArchiveAccessError),
    ],
)
@pytest.mark.parametrize("write", [True, False])
def test_a_file_that_is_no_index_of_this_version_is_refused_and_kept(
    tmp_path: Path, make, code: str, error: type, write: bool
) -> None:
    path = tmp_path / "archive.db"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(error) as caught:
        Index.open(path, write=write)
    assert caught.value.code == code and str(caught.value).startswith(code)
    assert (path.read_bytes() if path.is_file() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive.db"]


def test_a_missing_index_is_not_created_by_reading(tmp_path: Path) -> None:
    with pytest.raises(ArchiveAccessError) as caught:
        Index.open(tmp_path / "none.db")
    assert caught.value.code == "E045" and not (tmp_path / "none.db").exists()


def test_sqlite_without_trigram_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "trigram_available", lambda: False)
    with pytest.raises(ArchiveError) as caught:
        Index.open(tmp_path / "new.db", write=True)
    assert caught.value.code == "E040" and not (tmp_path / "new.db").exists()


@contextlib.contextmanager
def unprivileged() -> Iterator[None]:
    """Run the block as `nobody` when the tests run as root, who may write anywhere."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(65534)
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder `nobody` can reach (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="quotes-archive-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for p in (folder, *folder.iterdir()):
            p.chmod(0o777)
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    "file_mode,dir_mode,existing",
    [
        (0o444, 0o777, True),  # a read-only file
        (0o666, 0o555, True),  # a writable file in a read-only folder (no room for the journal)
        (None, 0o555, False),  # a new index in a read-only folder
    ],
)
def test_a_read_only_location_is_refused_and_nothing_is_lost(
    shared_dir: Path, file_mode: int | None, dir_mode: int, existing: bool
) -> None:
    db = shared_dir / "archive.db"
    text = "山田氏は「賛成だ」と述べた。"
    if existing:
        with Index.open(db, write=True) as index:
            index.add(Document.of("a.txt", text), [])
        db.chmod(file_mode or 0o666)
    before = db.read_bytes() if existing else None
    shared_dir.chmod(dir_mode)
    with unprivileged(), pytest.raises(ArchiveAccessError) as caught:
        Index.open(db, write=True)
    assert caught.value.code == "E044"
    assert (db.read_bytes() if db.exists() else None) == before
    if existing:
        with unprivileged(), Index.open(db) as index:  # reading from there still works
            assert [s.document.name for s in index.documents()] == ["a.txt"]


def test_a_read_only_index_refuses_to_add(archive: Path) -> None:
    with Index.open(archive) as index, pytest.raises(ArchiveAccessError) as caught:
        index.add(Document.of("new.txt", "新しい。"), [])
    assert caught.value.code == "E048"


# -- the Dask path: a Parquet dataset, and the index built from it -------------------


def test_a_parquet_dataset_from_dask_builds_the_same_index(
    tmp_path: Path, extractor: quotes.Extractor
) -> None:
    import dask
    import dask.bag as db
    import pyarrow.dataset

    names = ["a.txt", "d.txt", "j.txt"]
    items = [(ARTICLES[n], n) for n in names[:2]] + [(ARTICLES["j.txt"], "j.txt", "2024-11-18")]
    with dask.config.set(scheduler="synchronous"):
        written = parquet.write_dataset(db.from_sequence(items, npartitions=2), tmp_path / "ds")
    assert written == 3
    records = pyarrow.dataset.dataset(tmp_path / "ds" / "records").to_table().to_pylist()
    assert sorted({r["doc"] for r in records}) == names
    assert {r["speaker_name"] for r in records if r["doc"] == "a.txt"} == {"車斗鉉"}
    with Index.open(tmp_path / "from-parquet.db", write=True) as index:
        first = index_files(index, [tmp_path / "ds"])  # a dataset as a PATH: nothing to extract
        again = index_files(index, [tmp_path / "ds"])
        from_parquet = {n: index.records(n) for n in names}
        dates = {s.document.name: s.document.date for s in index.documents()}
    assert (first.added, again.added, again.skipped) == (3, 0, 3)
    assert dates == {"a.txt": None, "d.txt": None, "j.txt": "2024-11-18"}
    for name in names:
        assert from_parquet[name] == extractor.extract(ARTICLES[name], doc_id=name)


def test_a_folder_that_is_no_dataset_is_refused(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "part-00000.parquet").write_bytes(b"not parquet")
    with Index.open(tmp_path / "x.db", write=True) as index, pytest.raises(ArchiveFormatError) as caught:
        parquet.add_dataset(index, tmp_path)
    assert caught.value.code == "E049"


# -- the commands -------------------------------------------------------------------


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "fmt,check",
    [
        ("table", lambda out: "a.txt" in out and "車斗鉉" in out and out.endswith("5 records\n")),
        (
            "jsonl",
            lambda out: (
                [json.loads(x)["doc"] for x in out.splitlines()] == [SEED, SEED, "a.txt", "b.txt", "c.txt"]
            ),
        ),
        ("csv", lambda out: out.startswith("record_id,doc,date,kind") and len(out.splitlines()) == 6),
    ],
)
def test_search_command_formats(archive: Path, capsys: pytest.CaptureFixture[str], fmt: str, check) -> None:
    code, out, _ = run(["search", "--db", str(archive), "--speaker", "車斗鉉", "--format", fmt], capsys)
    assert code == 0 and check(out)


def test_search_command_words_and_org(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["search", "クルスク攻防戦", "--db", str(archive), "--org", "世宗研究所", "--format", "jsonl"], capsys
    )
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and [(r["doc"], r["organisation"]) for r in rows] == [("d.txt", "Sejong Institute")]
    assert set(rows[0]) >= {"kind", "text", "start", "end", "speaker", "record_id", "person", "date"}


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_check_command_writes_an_html_report(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run(["check", "--db", str(archive), "-o", str(target)], capsys)
    page = target.read_text(encoding="utf-8")
    parsed = _Collect()
    parsed.feed(page)
    text = "".join(parsed.text)
    assert code == 0 and out == "" and page.startswith("<!DOCTYPE html>")
    assert "script" not in parsed.tags and {"del", "ins", "article"} <= set(parsed.tags)
    assert "a.txt" in text and "d.txt" in text and "キム・ジョンソプ" in text
    start = ARTICLES["a.txt"].index(KURSK)
    assert f"{start}–{start + len(KURSK)}" in text


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_check_command_formats(archive: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(["check", "--db", str(archive), "--format", fmt], capsys)
    assert code == 0 and "d.txt" in out and "b.txt" in out
    if fmt == "jsonl":
        kinds = [json.loads(x)["kind"] for x in out.splitlines()]
        assert kinds[0] == "different-speakers" and "changed-wording" in kinds


@pytest.mark.parametrize(
    "args,code",
    [
        (["search", "--db", "{missing}"], "E045"),
        (["check", "--db", "{text}"], "E041"),
        (["check", "--db", "{archive}", "-o", "report.pdf"], "E052"),
    ],
)
def test_commands_fail_with_the_catalogues_error(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("これは索引ではない", encoding="utf-8")
    paths = {"missing": tmp_path / "missing.db", "text": text, "archive": archive}
    status, _, err = run([a.format(**paths) for a in args], capsys)
    assert status == 2 and err.startswith(f"quotes: error: {code} ")
    assert text.read_text(encoding="utf-8") == "これは索引ではない"


_KILLED_WRITER = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # spill the changes into the file before the commit
conn.execute("BEGIN IMMEDIATE")
for n in range(5000):
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (f"junk{n}", "x" * 500))
os.kill(os.getpid(), 9)
"""


def test_reading_after_a_killed_write_sees_the_whole_documents(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    with Index.open(db, write=True) as index:
        index.add(Document.of("a.txt", "本文。"), [])
    proc = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(db)], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert (tmp_path / "archive.db-journal").exists()  # a hot journal
    with Index.open(db) as index:
        assert [s.document.name for s in index.documents()] == ["a.txt"]
        assert index.conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'junk%'").fetchone() == (0,)


def test_index_command_reports_what_it_added_and_skipped(
    tmp_path: Path,
    extractor: quotes.Extractor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotes.archive import ingest

    monkeypatch.setattr(ingest, "Extractor", lambda **options: extractor)
    folder = write_articles(tmp_path / "docs", {k: ARTICLES[k] for k in ("a.txt", "d.txt")})
    db = tmp_path / "archive.db"
    first = run(["index", str(folder), "--db", str(db)], capsys)
    second = run(["index", str(folder), str(tmp_path / "missing.txt"), "--db", str(db)], capsys)
    assert first[0] == 0 and "2 added (2 records), 0 already indexed" in first[2]
    assert second[0] == 1 and "0 added (0 records), 2 already indexed" in second[2]
    assert "quotes: error: " in second[2] and "missing.txt: no such file" in second[2]


def test_ctrl_c_keeps_the_documents_already_added(
    tmp_path: Path,
    extractor: quotes.Extractor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quotes.archive import commands

    def interrupted(**options: object):
        def analyze(items):
            for text, name in items:
                if name == "d.txt":
                    raise KeyboardInterrupt
                yield extractor.analyze(text, doc_id=name), name

        return analyze

    monkeypatch.setattr(commands, "analyzer", interrupted)
    folder = write_articles(tmp_path / "docs", {k: ARTICLES[k] for k in ("a.txt", "d.txt")})
    db = tmp_path / "archive.db"
    code, _, err = run(["index", str(folder), "--db", str(db)], capsys)
    assert code == commands.INTERRUPTED and "run again to resume" in err
    with Index.open(db) as index:
        assert [s.document.name for s in index.documents()] == ["a.txt"]


def test_a_progress_bar_is_drawn_on_a_terminal_only(tmp_path: Path, extractor: quotes.Extractor) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    folder = write_articles(tmp_path / "docs", {k: ARTICLES[k] for k in ("a.txt", "d.txt")})
    streams = {"terminal": Terminal(), "pipe": io.StringIO()}
    for kind, stream in streams.items():
        with Index.open(tmp_path / f"{kind}.db", write=True) as index:
            index_files(index, [folder], analyzer(extractor), stream=stream)
    assert "indexing:" in streams["terminal"].getvalue() and "/2 " in streams["terminal"].getvalue()
    assert streams["pipe"].getvalue() == ""


@pytest.mark.parametrize("org", ["峨山研究院", "Asan Institute", "アサン政策研究院"])
def test_search_by_an_alias_the_article_never_writes(
    archive: Path, capsys: pytest.CaptureFixture[str], org: str
) -> None:
    code, out, _ = run(["search", "--db", str(archive), "--org", org, "--format", "jsonl"], capsys)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and rows and {r["organisation"] for r in rows} == {"Asan Institute for Policy Studies"}
