"""Shared fixtures: paths to the optional ../shared material, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder beside the clone; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this clone")
    return SHARED
