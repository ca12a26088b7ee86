"""Fixtures for the data tests: an isolated scenario choice and the sample's clean tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workshop_lib import data, workspace
from workshop_lib.data import scenario


@pytest.fixture(autouse=True)
def _isolated_scenario(monkeypatch, tmp_path):
    """No company folder leaks in from the environment, a saved choice or another test."""
    monkeypatch.delenv(scenario.ENV_VAR, raising=False)
    monkeypatch.setenv(workspace.HOME_ENV_VAR, str(tmp_path / "home"))
    scenario.reset()
    yield
    scenario.reset()


@pytest.fixture(scope="session")
def clean() -> dict[str, pd.DataFrame]:
    """Every sample table as read by the library (the reference for read-back tests)."""
    return {name: data.load_sample(name) for name in data.TABLES}


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The built-in sample folder."""
    return scenario.sample_folder()


def _write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8", **kws) -> Path:
    path.write_bytes(frame.to_csv(index=False, **kws).encode(encoding))
    return path


@pytest.fixture(scope="session")
def write_csv():
    """``write_csv(frame, path, encoding="utf-8", **to_csv_kws)``: real bytes in that encoding."""
    return _write_csv
