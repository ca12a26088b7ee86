"""Inputs shared by the diagram tests: short realistic ones and deliberately long ones."""

from __future__ import annotations

import pandas as pd

from workshop_lib.analysis.segmentation import framework

FUNNEL = {
    "population": 20_000_000,
    "diabetic": 2_480_000,
    "diagnosed": 910_000,
    "treated": 820_000,
    "sglt2": 90_000,
    "brand": 14_000,
}

LONG_STAGES = {
    "zh": [
        "全国范围内所有年满十八周岁并常住于本地区的成年居民人口总数",
        "经社区筛查或体检发现血糖异常且符合诊断标准的二型糖尿病患者",
        "已经在二级及以上医院内分泌科明确诊断并建立随访档案的患者",
        "正在接受任何一种口服降糖药物或胰岛素规范治疗的患者",
        "使用钠-葡萄糖协同转运蛋白2抑制剂类药物治疗的患者",
        "在过去十二个月内持续使用本品并按时复诊取药的患者",
    ],
    "en": [
        "Adult residents of the six regions aged eighteen and over, whole population",
        "People living with type 2 diabetes, whether or not they know it yet",
        "Patients with a confirmed diagnosis recorded by an endocrinology department",
        "Patients on any guideline-recommended glucose-lowering treatment today",
        "Patients whose treatment includes a sodium-glucose cotransporter-2 inhibitor",
        "Patients who kept taking our brand without interruption for twelve months",
    ],
}


def long_funnel(lang: str) -> dict[str, int]:
    return dict(zip(LONG_STAGES[lang], FUNNEL.values(), strict=True))


def small_segmentation(priority=2):
    hcps = pd.DataFrame(
        {
            "monthly_patients": [20, 80, 150, 300, 40, 220, 90, 35],
            "adoption_stage": [
                "aware",
                "trial",
                "adopter",
                "adopter",
                "unaware",
                "trial",
                "aware",
                "advocate",
            ],
            "category_rx": [10, 40, 90, 200, 15, 120, 50, 12],
        }
    )
    return framework(
        hcps,
        "monthly_patients",
        "adoption_stage",
        row_cuts=[60, 160],
        col_levels=["unaware", "aware", "trial", "adopter", "advocate"],
        priority=priority,
    )


def long_segmentation(lang: str):
    words = {
        "zh": [
            "尚未听说过本品的医生群体",
            "知道本品但尚未开始处方的医生",
            "已经小范围试用本品的医生",
            "把本品作为常规选择的医生",
        ],
        "en": [
            "Doctors who have not yet heard of the brand at all",
            "Doctors aware of the brand but not prescribing it",
            "Doctors trying the brand on a few patients so far",
            "Doctors who prescribe the brand as a routine choice",
        ],
    }[lang]
    table = pd.DataFrame(
        {
            "potential_of_practice_measured_monthly": [10, 20, 30, 40, 50, 60, 70, 80],
            "stage_of_adoption_of_the_brand": words * 2,
            "category_rx": [1_234_567, 2, 3, 4, 5, 6, 7, 8],
        }
    )
    return framework(
        table,
        "potential_of_practice_measured_monthly",
        "stage_of_adoption_of_the_brand",
        row_cuts=[45],
        col_levels=words,
        priority=[(("high"), words[3]), ("low", words[0])],
    )


SCORES = {
    "A": {
        "size": 5,
        "growth": 4,
        "value": 4,
        "unmet_need": 3,
        "competition": 4,
        "access": 4,
        "fit": 5,
    },
    "B": {
        "size": 2,
        "growth": 5,
        "value": 3,
        "unmet_need": 5,
        "competition": 1,
        "access": 3,
        "fit": 4,
    },
    "C": {
        "size": 3,
        "growth": 2,
        "value": 2,
        "unmet_need": 2,
        "competition": 5,
        "access": 2,
        "fit": 2,
    },
}


def long_scores(lang: str) -> tuple[dict, dict]:
    names = {
        "zh": [
            "三级医院内分泌科高潜力且已经开始试用本品的主任医师群体",
            "基层社区全科医生中每月接诊糖尿病患者较多但尚未知晓本品的群体",
            "二级医院心内科合并心血管风险患者较多的医生群体",
        ],
        "en": [
            "Tertiary endocrinology chiefs with high potential already trying the brand",
            "Community GPs who see many diabetic patients but do not know the brand",
            "Secondary-hospital cardiologists treating many patients at cardiac risk",
        ],
    }[lang]
    scores = dict(zip(names, SCORES.values(), strict=True))
    return scores, dict(zip(names, (300, 1200, 450), strict=True))


def tiles(lang: str, long: bool = False) -> list[dict]:
    name = {
        "zh": "本品在已确诊并接受规范治疗的二型糖尿病患者中的渗透率（按地区加权）",
        "en": "Brand penetration among diagnosed and treated type 2 patients, region-weighted",
    }[lang]
    note = {
        "zh": "数据来源：医院处方数据与患者登记，统计口径为最近十二个月",
        "en": "Source: hospital prescriptions and patient registry, last twelve months",
    }[lang]
    rows = [
        {
            "kpi": "penetration",
            "value": 0.11,
            "target": 0.12,
            "previous": 0.074,
            "format": "percent",
        },
        {
            "kpi": "cac",
            "value": 1850.0,
            "target": 1500.0,
            "previous": 2100.0,
            "format": "money",
            "higher_is_better": False,
        },
        {"kpi": "nps", "value": -31, "target": -20, "previous": -48},
        {
            "kpi": "response_rate",
            "value": 0.119,
            "target": 0.125,
            "previous": 0.127,
            "format": "percent",
        },
    ]
    if long:
        rows[0] = {**rows[0], "name": name, "note": note}
        rows[2] = {**rows[2], "name": name * 2, "note": note}
    return rows
