"""The records of the gold texts stay as pinned in tests/data/golden (see tests/golden_pin.py).

A refactor must not change a single record; a deliberate rule change re-pins them
(`python -m tests.golden_pin`) so that the diff shows what changed.
"""

from __future__ import annotations

import difflib

import pytest
from golden_pin import DATA, GOLDEN, SETS, records_of

import quotes


@pytest.mark.parametrize("name", SETS)
def test_records_of_gold_texts_are_as_pinned(extractor: quotes.Extractor, name: str) -> None:
    pinned = (GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    now = records_of(extractor, DATA / name)
    if now != pinned:
        diff = "\n".join(difflib.unified_diff(pinned, now, "pinned", "now", lineterm="", n=0))
        hint = "re-pin with python -m tests.golden_pin if deliberate"
        pytest.fail(f"records of {name} changed ({hint}):\n{diff}")
