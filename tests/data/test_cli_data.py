"""``workshop data generate|template|check|use`` through the real command line entry point."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from openpyxl import load_workbook

from workshop_lib import cli, i18n, workspace
from workshop_lib.data import TABLES, load, read_table
from workshop_lib.data.scenario import CHOICE_FILE, sample_folder
from workshop_lib.data.schema import CATEGORIES
from workshop_lib.data.template import DICTIONARY_SHEET, TEMPLATE_NAME


def run(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *args])
    return code, capsys.readouterr().out


def test_generate_writes_the_committed_sample_byte_for_byte(capsys, tmp_path):
    code, out = run(capsys, "data", "generate", "--out", str(tmp_path))
    assert code == 0 and "wrote 8 files" in out
    for name in [*TABLES, "data_dictionary"]:
        assert (tmp_path / f"{name}.csv").read_bytes() == (
            sample_folder() / f"{name}.csv"
        ).read_bytes(), name


def test_generate_with_another_seed_differs(capsys, tmp_path):
    assert run(capsys, "data", "generate", "--seed", "5", "--out", str(tmp_path))[0] == 0
    assert (tmp_path / "hcps.csv").read_bytes() != (sample_folder() / "hcps.csv").read_bytes()
    assert read_table(tmp_path / "hcps.csv", "hcps").shape == (1200, 12)


def test_template_has_a_sheet_per_table_with_chinese_headers(capsys, tmp_path):
    code, out = run(capsys, "data", "template", str(tmp_path))
    assert code == 0 and TEMPLATE_NAME in out
    book = load_workbook(tmp_path / TEMPLATE_NAME)
    assert book.sheetnames == [t.label_zh for t in TABLES.values()] + [DICTIONARY_SHEET]
    for spec in TABLES.values():
        header = [c.value for c in book[spec.label_zh][1]]
        assert header == [c.label_zh for c in spec.columns]
    dictionary = book[DICTIONARY_SHEET]
    assert dictionary.max_row == 1 + sum(len(t.columns) for t in TABLES.values())
    stage_rules = [v for v in book["医生"].data_validations.dataValidation]
    assert any("倡导" in (v.formula1 or "") for v in stage_rules)


def test_filled_template_checks_clean_and_loads(capsys, tmp_path, clean):
    run(capsys, "data", "template", str(tmp_path))
    path = tmp_path / TEMPLATE_NAME
    book = load_workbook(path)
    for spec in TABLES.values():
        sheet = book[spec.label_zh]
        frame = clean[spec.name].astype(object)
        for column in spec.columns:  # the way a client fills it: Chinese labels from the list
            if column.dtype == "category":
                labels = {k: zh for k, (zh, _) in CATEGORIES[column.category].items()}
                frame[column.key] = frame[column.key].map(labels)
            elif column.dtype == "bool":
                frame[column.key] = frame[column.key].map({True: "是", False: "否"})
        for row in frame.itertuples(index=False):
            sheet.append([None if pd.isna(v) else v for v in row])
    book.save(path)
    code, out = run(capsys, "data", "check", str(tmp_path))
    assert code == 0, out
    assert "all 7 tables passed" in out
    code, out = run(capsys, "data", "use", str(tmp_path))
    assert code == 0
    for name in TABLES:
        pd.testing.assert_frame_equal(load(name), clean[name])


def test_check_lists_every_problem_as_a_table(capsys, tmp_path, clean, write_csv):
    hcps = clean["hcps"].astype(object)
    hcps.loc[0, "brand_rx"] = 10**6
    hcps.loc[4, "region_id"] = "R77"
    write_csv(hcps, tmp_path / "医生.csv", "gbk")
    write_csv(clean["regions"], tmp_path / "regions.csv")
    rx = clean["rx_monthly"].assign(note="x")
    rx.loc[3, "trx"] = -1
    rx.to_excel(tmp_path / "rx_monthly.xlsx", index=False)
    code, out = run(capsys, "data", "check", str(tmp_path))
    assert code == 1
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("file"))
    assert lines[header].split() == ["file", "row", "column", "problem"]
    body = "\n".join(lines[header + 2 :])
    assert "医生.csv" in body and "brand_rx" in body and "R77" in body
    assert "rx_monthly.xlsx [Sheet1]" in body and " 5 " in body and "negative" in body
    assert "3 problem(s) in all" in out
    assert "✓ regions" in out and "note" in out  # the ignored column is named
    assert "no file for the table patients" in out


def test_check_reports_two_files_for_one_table(capsys, tmp_path, clean, write_csv):
    write_csv(clean["regions"], tmp_path / "regions.csv")
    write_csv(clean["regions"], tmp_path / "区域.csv")
    code, out = run(capsys, "data", "check", str(tmp_path))
    assert code == 1 and "more than one file" in out


def test_use_records_the_choice_and_sample_clears_it(capsys, tmp_path, clean, write_csv):
    folder = tmp_path / "client"
    folder.mkdir()
    regions = clean["regions"].copy()
    regions.loc[0, "adult_pop"] = 123
    write_csv(regions, folder / "regions.csv")
    code, out = run(capsys, "data", "use", str(folder))
    assert code == 0 and str(folder) in out
    record = json.loads((workspace.home() / CHOICE_FILE).read_text(encoding="utf-8"))
    assert record == {"data": str(folder.resolve())}
    assert load("regions").loc[0, "adult_pop"] == 123
    code, out = run(capsys, "data", "use", "--sample")
    assert code == 0 and "built-in sample" in out
    assert load("regions").loc[0, "adult_pop"] == clean["regions"].loc[0, "adult_pop"]


@pytest.mark.parametrize("args", [["use"], ["use", "x", "--sample"]])
def test_use_needs_exactly_one_of_dir_or_sample(capsys, args):
    code, out = run(capsys, "data", *args)
    assert code == 2 and "--sample" in out


def test_use_of_a_missing_folder_fails_with_a_message(capsys, tmp_path):
    code, out = run(capsys, "data", "use", str(tmp_path / "nope"))
    assert code == 1 and "does not exist" in out


def test_check_output_in_chinese(capsys, tmp_path, clean, write_csv):
    frame = clean["regions"].astype(object)
    frame.loc[1, "prevalence"] = "130%"
    write_csv(frame, tmp_path / "regions.csv")
    with i18n.language("zh"):
        code = cli.main(["data", "check", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1 and "文件" in out and "问题" in out and "比例应在 0 到 1 之间" in out


def test_use_outside_a_course_records_in_the_workspace_lab_serves(capsys, tmp_path, monkeypatch):
    from workshop_lib import servers
    from workshop_lib.data import scenario

    monkeypatch.delenv(workspace.HOME_ENV_VAR)
    here = tmp_path / "class"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out = run(capsys, "data", "use", str(tmp_path))
    root = here / workspace.DEFAULT_DIRNAME
    assert code == 0 and out.startswith(f"Workspace: {root};")
    assert (root / CHOICE_FILE).is_file() and not (here / CHOICE_FILE).exists()
    # a kernel of `workshop lab` gets WORKSHOP_HOME and runs beside its notebook
    monkeypatch.setenv(workspace.HOME_ENV_VAR, servers.environment(root)[workspace.HOME_ENV_VAR])
    monkeypatch.chdir(tmp_path)
    assert scenario.active_folder() == tmp_path


def test_use_in_a_named_workspace_and_check_its_data(capsys, tmp_path, clean, write_csv):
    client = tmp_path / "client"
    client.mkdir()
    write_csv(clean["regions"], client / "regions.csv")
    ws = tmp_path / "acme-2026"
    code, out = run(capsys, "data", "use", str(client), "--workspace", str(ws))
    assert code == 0 and out.startswith(f"Workspace: {ws};")
    assert json.loads((ws / CHOICE_FILE).read_text(encoding="utf-8")) == {"data": str(client)}
    code, out = run(capsys, "data", "check", "--workspace", str(ws))
    assert code == 0
    assert out.splitlines()[1] == f"Checking the data the workspace uses: {client}"
    assert "all 1 tables passed" in out
    shutil.rmtree(client)
    code, out = run(capsys, "data", "check", "--workspace", str(ws))
    assert code == 1 and "does not exist" in out


def test_an_environment_choice_is_pointed_out(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKSHOP_DATA", str(tmp_path))
    code, out = run(capsys, "data", "use", "--sample")
    assert code == 0 and f"WORKSHOP_DATA is set to {tmp_path}" in out
