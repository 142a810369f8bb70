"""Shared fixtures: the ../shared reference data, skipped cleanly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """Path to ../shared; skips the test when it is not there."""
    if not (SHARED / "README.md").exists():
        pytest.skip("../shared is not available")
    return SHARED
