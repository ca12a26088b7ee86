"""The generator is deterministic; the schema, data dictionary and catalog agree."""

from __future__ import annotations

import pandas as pd
import pytest

from workshop_lib import i18n
from workshop_lib.data import TABLES, generate, schema
from workshop_lib.data.dictionary import dictionary
from workshop_lib.data.schema import CATEGORIES, DTYPES, PRODUCTS


def test_same_seed_same_bytes(tmp_path):
    a = generate.write(tmp_path / "a", seed=11)
    b = generate.write(tmp_path / "b", seed=11)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b, strict=True))


def test_sample_csvs_are_small_utf8_with_unix_line_ends(sample_dir):
    files = sorted(sample_dir.glob("*.csv"))
    assert len(files) == len(TABLES) + 1
    total = sum(p.stat().st_size for p in files)
    assert total < 5 * 2**20
    for path in files:
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("table", list(TABLES))
def test_sample_columns_are_exactly_the_schema_keys(table, sample_dir):
    header = pd.read_csv(sample_dir / f"{table}.csv", nrows=0).columns.tolist()
    assert header == TABLES[table].keys


def test_domain_column_keys():
    assert TABLES["rx_monthly"].keys == [
        "month",
        "region_id",
        "product",
        "drug_class",
        "trx",
        "nbrx",
        "units",
        "value_rmb",
    ]
    assert TABLES["patient_funnel"].keys == ["region_id", "period", "stage", "patients", "basis"]
    assert list(CATEGORIES["stage"]) == [
        "population",
        "diabetic",
        "diagnosed",
        "treated",
        "sglt2",
        "brand",
    ]
    assert list(CATEGORIES["adoption_stage"]) == [
        "unaware",
        "aware",
        "trial",
        "adopter",
        "advocate",
    ]


def test_data_dictionary_csv_matches_the_schema(sample_dir):
    on_disk = pd.read_csv(sample_dir / "data_dictionary.csv", keep_default_na=False)
    assert len(on_disk) == sum(len(t.columns) for t in TABLES.values())
    assert set(on_disk["table"]) == set(TABLES)
    assert (on_disk["label_zh"] != "").all() and (on_disk["label_en"] != "").all()
    assert (on_disk["description_zh"] != "").all() and (on_disk["description_en"] != "").all()
    assert set(on_disk["dtype"]) <= set(DTYPES)
    stages = on_disk.query("table == 'hcps' and column == 'adoption_stage'")["allowed"].item()
    assert stages == "unaware|aware|trial|adopter|advocate"
    rate = on_disk.query("table == 'regions' and column == 'prevalence'")
    assert (rate["min"].item(), rate["max"].item()) == ("0.0", "1.0")
    assert len(dictionary()) == len(on_disk)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_schema_frame_in_each_language(lang):
    frame = schema("activities", lang=lang)
    needed = {
        "column",
        "label_zh",
        "label_en",
        "dtype",
        "required",
        "unit",
        "description",
        "min",
        "max",
        "allowed",
    }
    assert needed <= set(frame.columns)
    row = frame.set_index("column").loc["cost_rmb"]
    assert row["unit"] == ("元" if lang == "zh" else "RMB")
    assert row["description"] == ("活动费用" if lang == "zh" else "cost of the activity")
    with i18n.language(lang):
        assert schema("activities")["description"].tolist() == frame["description"].tolist()


def test_every_category_has_both_labels_and_products_have_known_classes():
    for values in CATEGORIES.values():
        assert all(zh and en for zh, en in values.values())
    assert {p["drug_class"] for p in PRODUCTS.values()} <= set(CATEGORIES["drug_class"])
    assert next(iter(PRODUCTS)) == generate.BRAND
