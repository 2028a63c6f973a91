"""Shared fixtures: the real GiNZA model, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def extractor() -> quotes.Extractor:
    return quotes.Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / "000_79c1e7e875881228.txt").read_text(encoding="utf-8")
