"""Which data the course uses (process, environment, saved choice, sample) and the load cache."""

from __future__ import annotations

import os
import warnings

import pandas as pd
import pytest

from workshop_lib import data, workspace
from workshop_lib.data import DataError, DataWarning, scenario, sources


@pytest.fixture
def client(tmp_path, clean, write_csv):
    """A company folder whose regions differ from the sample's in one cell."""
    folder = tmp_path / "client"
    folder.mkdir()
    regions = clean["regions"].copy()
    regions.loc[0, "name_en"] = "Client City"
    write_csv(regions, folder / "regions.csv")
    return folder


def test_sample_by_default(clean):
    assert scenario.active_folder() is None
    pd.testing.assert_frame_equal(data.load("hcps"), clean["hcps"])


def test_use_in_process_then_back_to_sample(client, clean):
    assert data.use(client) == client.resolve()
    assert data.load("regions").loc[0, "name_en"] == "Client City"
    assert data.load_sample("regions").loc[0, "name_en"] == clean["regions"].loc[0, "name_en"]
    data.use(None)
    assert data.load("regions").loc[0, "name_en"] != "Client City"


def test_environment_variable(client, monkeypatch):
    monkeypatch.setenv(scenario.ENV_VAR, str(client))
    assert data.load("regions").loc[0, "name_en"] == "Client City"
    data.use(None)  # the process choice wins over the environment
    assert data.load("regions").loc[0, "name_en"] != "Client City"


def test_saved_choice_in_the_workspace(client, tmp_path):
    record = scenario.save_choice(client)
    assert record == workspace.home() / ".workshop" / "scenario.json"
    assert record.parent.parent == tmp_path / "home"  # WORKSHOP_HOME, set by the fixture
    assert scenario.active_folder() == client.resolve()
    scenario.save_choice(None)
    assert scenario.active_folder() is None


def test_saved_choice_of_another_workspace(client, tmp_path):
    other = tmp_path / "other"
    assert scenario.save_choice(client, other) == other / scenario.CHOICE_FILE
    assert scenario.active_folder(other) == client.resolve()
    assert scenario.active_folder() is None  # this process's workspace still uses the sample


def test_missing_table_falls_back_to_sample_with_a_warning(client, clean):
    data.use(client)
    with pytest.warns(DataWarning, match="hcps"):
        frame = data.load("hcps")
    pd.testing.assert_frame_equal(frame, clean["hcps"])


def test_use_of_a_missing_folder_raises(tmp_path):
    with pytest.raises(DataError):
        data.use(tmp_path / "nope")


def test_unknown_table_names_the_valid_ones():
    with pytest.raises(ValueError, match="regions"):
        data.load("doctors")


def test_broken_company_file_raises_data_error(client, clean, write_csv):
    frame = clean["hcps"].astype(object)
    frame.loc[0, "hcp_id"] = ""
    write_csv(frame, client / "hcps.csv")
    data.use(client)
    with pytest.raises(DataError) as caught:
        data.load("hcps")
    assert (caught.value.row, caught.value.column) == (2, "hcp_id")


def test_references_use_the_company_regions(client, clean, write_csv):
    hcps = clean["hcps"].copy()
    regions = clean["regions"].copy()
    regions.loc[0, "region_id"] = "X1"
    write_csv(regions, client / "regions.csv")
    write_csv(hcps, client / "hcps.csv")
    data.use(client)
    with pytest.raises(DataError, match="R01"):
        data.load("hcps")


def test_repeat_loads_are_cached_copies_and_see_file_changes(client, clean, write_csv):
    data.use(client)
    first = data.load("regions")
    first.loc[0, "name_en"] = "changed by the caller"
    assert data.load("regions").loc[0, "name_en"] == "Client City"
    key = next(k for k in scenario._cache if k[0] == str(client / "regions.csv"))
    cached = scenario._cache[key][1]
    assert data.load("regions") is not cached
    regions = clean["regions"].copy()
    regions.loc[0, "name_en"] = "Edited"
    path = write_csv(regions, client / "regions.csv")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert data.load("regions").loc[0, "name_en"] == "Edited"


def test_workbook_with_table_sheets_is_found(tmp_path, clean):
    folder = tmp_path / "book"
    folder.mkdir()
    with pd.ExcelWriter(folder / "company.xlsx") as writer:
        clean["regions"].to_excel(writer, sheet_name="区域", index=False)
        clean["hcps"].to_excel(writer, sheet_name="HCPs", index=False)
    found = sources.find_sources(folder)
    assert {k: v.sheet for k, v in found.items()} == {"regions": "区域", "hcps": "HCPs"}
    data.use(folder)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pd.testing.assert_frame_equal(data.load("hcps"), clean["hcps"])
