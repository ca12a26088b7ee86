"""Readable tables of units 4 and 5: the communication step table and the KPIs per channel."""

from __future__ import annotations

import pandas as pd

from workshop_lib import tables

STEPS = [
    {
        "stage": "Aware",
        "desired": "Knows the evidence",
        "message": "Outcome data",
        "proof": "Trial",
    },
    {"stage": "Trial", "desired": "Tries it", "message": "Easy to start"},
]


def test_communication_table_has_one_row_per_step_and_the_strategy_as_caption():
    styled = tables.communication_table({"strategy": "First choice", "steps": STEPS}, lang="en")
    table = styled.data
    assert table["Behaviour-change step"].tolist() == ["Aware", "Trial"]
    assert table.loc[1, "Key message"] == "Easy to start"
    assert table.loc[1, "Proof"] == ""
    assert styled.caption == "Communication strategy: First choice"
    assert "First choice" in styled.to_html()


def test_communication_table_speaks_chinese_and_accepts_an_empty_plan():
    styled = tables.communication_table({"strategy": "", "steps": []}, lang="zh")
    assert styled.data.empty
    assert styled.data.columns.tolist() == ["行为改变步骤", "期望的行为", "关键信息", "支持证据"]
    assert styled.caption.startswith("品牌沟通策略")


def _activities() -> pd.DataFrame:
    rows = []
    for year, new in (("2023", 2), ("2024", 3)):
        for month in range(1, 13):
            rows.append((f"{year}-{month:02d}", "wecom", 1000, 40, 4, 0))
            rows.append((f"{year}-{month:02d}", "rep_visit", 100, 50, 10, new))
    columns = ["month", "channel", "reached", "responded", "converted", "new_prescribers"]
    return pd.DataFrame(rows, columns=columns).assign(target_segment="all")


def test_channel_table_reads_the_unit_5_kpis_per_channel_in_dictionary_order():
    table = tables.channel_table(data={"activities": _activities()}, lang="en")
    assert table.index.name == "Channel"
    assert table.index.tolist() == ["Rep visit", "WeCom"]
    assert table.columns.tolist() == [
        "Activity response rate",
        "Sales conversion",
        "Acquisition growth",
    ]
    assert table.loc["Rep visit"].tolist() == ["50.0%", "20.0%", "+50.0%"]
    assert table.loc["WeCom"].tolist() == ["4.0%", "10.0%", "—"]


def test_channel_table_in_chinese_names_the_channels_from_the_data_dictionary():
    table = tables.channel_table(data={"activities": _activities()}, lang="zh")
    assert table.index.tolist() == ["代表拜访", "企业微信"]
    assert table.columns.tolist() == ["活动响应率", "销售转化率", "获客增长率"]
