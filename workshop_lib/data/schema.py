"""The single source of truth for the scenario tables: columns, labels, types, ranges, rules.

Every other part of :mod:`workshop_lib.data` (generator, reader, validator, data dictionary,
Excel template) reads the definitions here. Column and table keys follow ``DOMAIN.md``.
Category values are lowercase English keys; each carries a Chinese and an English label, and a
client's file may use any of the three.

Examples
--------
>>> from workshop_lib.data.schema import TABLES
>>> TABLES["hcps"].column("adoption_stage").allowed
('unaware', 'aware', 'trial', 'adopter', 'advocate')
>>> [c.key for c in TABLES["regions"].columns][:3]
['region_id', 'name_zh', 'name_en']
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- value types -------------------------------------------------------------------------------

DTYPES = ("string", "int", "float", "rate", "category", "bool", "month")
"""Value types: free text, whole number, number, fraction 0–1, one of a list, yes/no, YYYY-MM."""


# --- the fictional market ----------------------------------------------------------------------

COMPANY = {"zh": "华岳制药", "en": "Huayue Pharma"}
"""Our (fictional) company."""

PRODUCTS: dict[str, dict[str, str]] = {
    "glyvora": {
        "zh": "格维乐",
        "en": "Glyvora",
        "drug_class": "sglt2",
        "company_zh": "华岳制药",
        "company_en": "Huayue Pharma",
    },
    "renaflo": {
        "zh": "瑞纳福",
        "en": "Renaflo",
        "drug_class": "sglt2",
        "company_zh": "东衡生物",
        "company_en": "Dongheng Bio",
    },
    "gliptara": {
        "zh": "格立泰",
        "en": "Gliptara",
        "drug_class": "dpp4",
        "company_zh": "北辰药业",
        "company_en": "Beichen Pharmaceuticals",
    },
    "metformin_generic": {
        "zh": "二甲双胍（仿制药）",
        "en": "Metformin (generic)",
        "drug_class": "metformin",
        "company_zh": "多家仿制药企业",
        "company_en": "several generic makers",
    },
}
"""The sample market's products: our SGLT2 brand first, then its competitors."""

BRAND = "glyvora"
"""Key of our brand in :data:`PRODUCTS`."""


# --- categories --------------------------------------------------------------------------------

CATEGORIES: dict[str, dict[str, tuple[str, str]]] = {
    "city_tier": {
        "tier1": ("一线城市", "tier-1 city"),
        "tier2": ("二线城市", "tier-2 city"),
        "tier3": ("三线及以下", "tier-3 and below"),
    },
    "stage": {
        "population": ("成年人口", "adult population"),
        "diabetic": ("糖尿病患者", "people with diabetes"),
        "diagnosed": ("已诊断（知晓）", "diagnosed (aware)"),
        "treated": ("已治疗", "treated"),
        "sglt2": ("SGLT2 类治疗", "treated with an SGLT2"),
        "brand": ("本品治疗", "treated with our brand"),
    },
    "basis": {
        "initial": ("占首阶段", "share of the first stage"),
        "previous": ("占上一阶段", "share of the previous stage"),
    },
    "hospital_tier": {
        "tertiary": ("三级医院", "tertiary hospital"),
        "secondary": ("二级医院", "secondary hospital"),
        "community": ("基层/社区", "community clinic"),
    },
    "department": {
        "endocrinology": ("内分泌科", "endocrinology"),
        "cardiology": ("心内科", "cardiology"),
        "nephrology": ("肾内科", "nephrology"),
        "general_practice": ("全科", "general practice"),
    },
    "title": {
        "chief": ("主任医师", "chief physician"),
        "associate_chief": ("副主任医师", "associate chief physician"),
        "attending": ("主治医师", "attending physician"),
        "resident": ("住院医师", "resident"),
    },
    "adoption_stage": {
        "unaware": ("未知", "unaware"),
        "aware": ("知晓", "aware"),
        "trial": ("试用", "trial"),
        "adopter": ("采用", "adopter"),
        "advocate": ("倡导", "advocate"),
    },
    "digital_affinity": {
        "low": ("低", "low"),
        "medium": ("中", "medium"),
        "high": ("高", "high"),
    },
    "drug_class": {
        "metformin": ("二甲双胍", "metformin"),
        "dpp4": ("DPP-4 抑制剂", "DPP-4 inhibitor"),
        "sglt2": ("SGLT2 抑制剂", "SGLT2 inhibitor"),
        "glp1": ("GLP-1 受体激动剂", "GLP-1 receptor agonist"),
        "sulfonylurea": ("磺脲类", "sulfonylurea"),
        "insulin": ("胰岛素", "insulin"),
        "other": ("其他", "other"),
    },
    "channel": {
        "rep_visit": ("代表拜访", "rep visit"),
        "department_meeting": ("科室会", "department meeting"),
        "city_meeting": ("城市会", "city meeting"),
        "online_meeting": ("线上会议", "online meeting"),
        "wecom": ("企业微信", "WeCom"),
        "patient_education": ("患教会", "patient education"),
        "dtp_pharmacy": ("DTP药房", "DTP pharmacy"),
    },
    "respondent_type": {
        "hcp": ("医生", "HCP"),
        "patient": ("患者", "patient"),
    },
}
"""Allowed values of each category, in their natural order, with (zh, en) labels."""

UNITS: dict[str, tuple[str, str]] = {
    "": ("", ""),
    "people": ("人", "people"),
    "hcps": ("名医生", "HCPs"),
    "fraction": ("比例（0–1）", "fraction (0–1)"),
    "rx": ("张处方/月", "prescriptions a month"),
    "patients_month": ("名患者/月", "patients a month"),
    "packs": ("盒", "packs"),
    "rmb": ("元", "RMB"),
    "months": ("月", "months"),
    "month": ("年-月（YYYY-MM）", "year-month (YYYY-MM)"),
    "year": ("年", "year"),
    "score5": ("分（1–5）", "points (1–5)"),
    "score10": ("分（0–10）", "points (0–10)"),
    "decile": ("等分（1–10）", "decile (1–10)"),
    "contacts": ("人次", "contacts"),
}
"""Unit keys used by columns, with (zh, en) labels."""


# --- definitions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes
    ----------
    key : str
        The column key used in code and in the sample CSVs.
    label_zh, label_en : str
        Headers a spreadsheet may use instead of the key.
    dtype : str
        One of :data:`DTYPES`.
    description_zh, description_en : str
        What the column holds.
    required : bool
        Whether the column must be present and every cell filled.
    unit : str
        A key of :data:`UNITS`.
    min, max : float, optional
        Inclusive bounds for numbers.
    category : str, optional
        For ``dtype="category"``, the key of :data:`CATEGORIES` listing the allowed values.
    references : str, optional
        ``"table.column"`` whose values this column must match (e.g. ``"regions.region_id"``).
    """

    key: str
    label_zh: str
    label_en: str
    dtype: str
    description_zh: str
    description_en: str
    required: bool = True
    unit: str = ""
    min: float | None = None
    max: float | None = None
    category: str | None = None
    references: str | None = None

    def __post_init__(self) -> None:
        if self.dtype not in DTYPES:
            raise ValueError(f"column {self.key!r}: unknown dtype {self.dtype!r}")
        if (self.dtype == "category") != (self.category is not None):
            raise ValueError(f"column {self.key!r}: a category column names its category")
        if self.unit not in UNITS:
            raise ValueError(f"column {self.key!r}: unknown unit {self.unit!r}")

    @property
    def allowed(self) -> tuple[str, ...] | None:
        """The allowed category keys in order, or None for other types."""
        return tuple(CATEGORIES[self.category]) if self.category else None

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """``(min, max)`` including the 0–1 range implied by ``dtype="rate"``."""
        if self.dtype == "rate":
            return (0.0 if self.min is None else self.min, 1.0 if self.max is None else self.max)
        return (self.min, self.max)

    def label(self, lang: str) -> str:
        """The header label in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.label_zh if lang == "zh" else self.label_en

    def description(self, lang: str) -> str:
        """The description in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.description_zh if lang == "zh" else self.description_en


@dataclass(frozen=True)
class Rule:
    """A cross-column rule on each row: ``left <= right`` where both cells are filled."""

    left: str
    right: str


@dataclass(frozen=True)
class Table:
    """One scenario table.

    Attributes
    ----------
    name : str
        The table key (file stem of the sample CSV).
    label_zh, label_en : str
        Names a client's file or Excel sheet may use instead of the key.
    columns : tuple of Column
    key : tuple of str
        Columns that identify a row; no two rows may share them.
    rules : tuple of Rule
        Row-wise ``left <= right`` rules.
    non_increasing : tuple of (group columns, order column, value column), optional
        Within each group, ``value`` must never grow along the category order of ``order``.
    """

    name: str
    label_zh: str
    label_en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rules: tuple[Rule, ...] = ()
    non_increasing: tuple[tuple[str, ...], str, str] | None = None
    _index: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.key: c for c in self.columns})
        names = [*self.key, *(n for r in self.rules for n in (r.left, r.right))]
        if self.non_increasing:
            names += [*self.non_increasing[0], *self.non_increasing[1:]]
        unknown = [n for n in names if n not in self._index]
        if unknown:
            raise ValueError(f"table {self.name!r}: rules name unknown columns {unknown}")

    def column(self, key: str) -> Column:
        """Return the column called ``key``."""
        return self._index[key]

    @property
    def keys(self) -> list[str]:
        """The column keys in order."""
        return [c.key for c in self.columns]

    def label(self, lang: str) -> str:
        """The table's name in ``lang``."""
        return self.label_zh if lang == "zh" else self.label_en


def _col(key, zh, en, dtype, dzh, den, **kws) -> Column:
    return Column(key, zh, en, dtype, dzh, den, **kws)


def _count(key, zh, en, dzh, den, unit="people", **kws) -> Column:
    return Column(key, zh, en, "int", dzh, den, unit=unit, min=0, **kws)


def _rate(key, zh, en, dzh, den, **kws) -> Column:
    return Column(key, zh, en, "rate", dzh, den, unit="fraction", **kws)


def _cat(key, zh, en, dzh, den, category=None, **kws) -> Column:
    return Column(key, zh, en, "category", dzh, den, category=category or key, **kws)


def _score(key, zh, en, dzh, den, low=1, high=5, **kws) -> Column:
    unit = "score5" if (low, high) == (1, 5) else "score10"
    return Column(key, zh, en, "int", dzh, den, unit=unit, min=low, max=high, **kws)


_REGION_REF = _col(
    "region_id",
    "区域编号",
    "region ID",
    "string",
    "区域编号，须出现在区域表（regions）中",
    "region code; must appear in the regions table",
    references="regions.region_id",
)

REGIONS = Table(
    "regions",
    "区域",
    "regions",
    (
        _col(
            "region_id", "区域编号", "region ID", "string", "区域的唯一编号", "unique region code"
        ),
        _col(
            "name_zh", "中文名称", "Chinese name", "string", "区域中文名", "region name in Chinese"
        ),
        _col(
            "name_en", "英文名称", "English name", "string", "区域英文名", "region name in English"
        ),
        _cat("tier", "城市级别", "city tier", "城市级别", "city tier", category="city_tier"),
        _count("adult_pop", "成年人口", "adult population", "18 岁及以上人口", "people aged 18+"),
        _rate(
            "prevalence",
            "患病率",
            "prevalence",
            "成人中 2 型糖尿病患者的比例",
            "share of adults with type 2 diabetes",
        ),
        _rate(
            "aware_rate",
            "知晓率",
            "awareness rate",
            "患者中知道自己患病（已诊断）的比例",
            "share of people with diabetes who know they have it (diagnosed)",
        ),
        _rate(
            "treated_rate",
            "治疗率",
            "treatment rate",
            "患者中正在接受治疗的比例（占全部患者）",
            "share of all people with diabetes who are treated",
        ),
        _rate(
            "control_of_treated",
            "控制率（治疗者）",
            "control rate (treated)",
            "已治疗患者中 HbA1c < 7% 的比例",
            "share of treated patients with HbA1c < 7%",
        ),
    ),
    key=("region_id",),
    rules=(Rule("treated_rate", "aware_rate"),),
)

PATIENT_FUNNEL = Table(
    "patient_funnel",
    "患者漏斗",
    "patient funnel",
    (
        _REGION_REF,
        _col(
            "period",
            "期间",
            "period",
            "string",
            "统计期间，如 2024",
            "period, e.g. 2024",
            unit="year",
        ),
        _cat(
            "stage",
            "阶段",
            "stage",
            "诊疗流程的阶段：成年人口 → 患者 → 已诊断 → 已治疗 → SGLT2 类 → 本品",
            "step of the care flow: adults → diabetic → diagnosed → treated → SGLT2 → our brand",
        ),
        _count("patients", "人数", "patients", "处于该阶段的人数", "people at this stage"),
        _cat(
            "basis",
            "比例口径",
            "share basis",
            "该阶段的比例按上一阶段（previous）还是按首阶段（initial）计算",
            "whether this stage's share is read against the previous stage or the first stage",
        ),
    ),
    key=("region_id", "period", "stage"),
    non_increasing=(("region_id", "period"), "stage", "patients"),
)

HCPS = Table(
    "hcps",
    "医生",
    "HCPs",
    (
        _col("hcp_id", "医生编号", "HCP ID", "string", "医生的唯一编号", "unique HCP code"),
        _REGION_REF,
        _cat(
            "hospital_tier", "医院级别", "hospital tier", "执业医院的级别", "tier of the hospital"
        ),
        _cat("department", "科室", "department", "所在科室", "department"),
        _cat("title", "职称", "title", "职称", "professional title"),
        _count(
            "monthly_patients",
            "月 2 型糖尿病患者数",
            "monthly T2D patients",
            "每月接诊的 2 型糖尿病患者数",
            "type 2 diabetes patients seen a month",
            unit="patients_month",
        ),
        _count(
            "category_rx",
            "品类处方量",
            "category Rx",
            "每月开出的口服降糖药处方数",
            "oral antidiabetic prescriptions a month",
            unit="rx",
        ),
        _count(
            "brand_rx",
            "本品处方量",
            "brand Rx",
            "每月开出的本品处方数，不超过品类处方量",
            "prescriptions of our brand a month; at most the category Rx",
            unit="rx",
        ),
        _col(
            "volume_decile",
            "处方量十分位",
            "volume decile",
            "int",
            "按品类处方量排序的十分位，10 为最高",
            "decile by category Rx, 10 is the highest",
            unit="decile",
            min=1,
            max=10,
        ),
        _cat(
            "adoption_stage",
            "采纳阶段",
            "adoption stage",
            "对本品的采纳阶段",
            "stage of adoption of our brand",
        ),
        _col("kol", "是否 KOL", "KOL", "bool", "是否为关键意见领袖", "key opinion leader or not"),
        _cat(
            "digital_affinity",
            "数字化偏好",
            "digital affinity",
            "对线上渠道的偏好程度",
            "how much the HCP uses digital channels",
        ),
    ),
    key=("hcp_id",),
    rules=(Rule("brand_rx", "category_rx"),),
)

RX_MONTHLY = Table(
    "rx_monthly",
    "月度处方",
    "monthly Rx",
    (
        _col("month", "月份", "month", "month", "月份", "month", unit="month"),
        _REGION_REF,
        _col("product", "产品", "product", "string", "产品（品牌）名", "product (brand) name"),
        _cat("drug_class", "药物类别", "drug class", "药物类别", "drug class"),
        _count(
            "trx", "总处方数", "TRx", "当月总处方数", "total prescriptions in the month", unit="rx"
        ),
        _count(
            "nbrx",
            "新处方数",
            "NBRx",
            "当月新患者处方数，不超过总处方数",
            "new-to-brand prescriptions in the month; at most TRx",
            unit="rx",
        ),
        _count("units", "销量（盒）", "units", "当月销量", "packs sold in the month", unit="packs"),
        Column(
            "value_rmb",
            "销售额（元）",
            "sales (RMB)",
            "float",
            "当月销售额",
            "sales in the month",
            unit="rmb",
            min=0,
        ),
    ),
    key=("month", "region_id", "product"),
    rules=(Rule("nbrx", "trx"),),
)

ACTIVITIES = Table(
    "activities",
    "营销活动",
    "activities",
    (
        _col("month", "月份", "month", "month", "活动月份", "month of the activity", unit="month"),
        _cat("channel", "渠道", "channel", "推广渠道", "promotion channel"),
        _col("activity", "活动", "activity", "string", "活动名称", "activity name"),
        _col(
            "target_segment",
            "目标细分",
            "target segment",
            "string",
            "目标客户细分",
            "target customer segment",
        ),
        _count(
            "invited",
            "邀约数",
            "invited",
            "邀约或触达计划的人数",
            "contacts invited",
            unit="contacts",
        ),
        _count(
            "reached",
            "到达数",
            "reached",
            "实际到达的人数，不超过邀约数",
            "contacts actually reached; at most invited",
            unit="contacts",
        ),
        _count(
            "responded",
            "响应数",
            "responded",
            "有响应的人数，不超过到达数",
            "contacts who responded; at most reached",
            unit="contacts",
        ),
        _count(
            "engaged",
            "互动数",
            "engaged",
            "深度互动的人数，不超过到达数",
            "contacts who engaged; at most reached",
            unit="contacts",
        ),
        _count(
            "converted",
            "转化数",
            "converted",
            "响应后转化的人数，不超过响应数",
            "responders who converted; at most responded",
            unit="contacts",
        ),
        _count(
            "new_prescribers",
            "新处方医生数",
            "new prescribers",
            "活动后首次开出本品的医生数，不超过转化数",
            "HCPs prescribing our brand for the first time; at most converted",
            unit="hcps",
        ),
        Column(
            "cost_rmb",
            "费用（元）",
            "cost (RMB)",
            "float",
            "活动费用",
            "cost of the activity",
            unit="rmb",
            min=0,
        ),
    ),
    key=("month", "channel", "activity"),
    rules=(
        Rule("reached", "invited"),
        Rule("responded", "reached"),
        Rule("engaged", "reached"),
        Rule("converted", "responded"),
        Rule("new_prescribers", "converted"),
    ),
)

SURVEYS = Table(
    "surveys",
    "调研",
    "surveys",
    (
        _col(
            "respondent_id",
            "受访者编号",
            "respondent ID",
            "string",
            "受访者编号",
            "respondent code",
        ),
        _cat("respondent_type", "受访者类型", "respondent type", "医生或患者", "HCP or patient"),
        _col("wave", "调研轮次", "wave", "int", "第几轮调研", "survey wave", min=1),
        _col("segment", "细分", "segment", "string", "受访者所属细分", "respondent's segment"),
        _col(
            "aware_unaided",
            "无提示知晓",
            "unaided awareness",
            "bool",
            "不经提示能说出本品",
            "names our brand without prompting",
        ),
        _col(
            "aware_aided",
            "提示后知晓",
            "aided awareness",
            "bool",
            "经提示后知道本品（无提示知晓者也算）",
            "knows our brand when prompted (unaided counts too)",
        ),
        _score("csat", "满意度", "CSAT", "满意度评分 1–5", "satisfaction rating 1–5"),
        _score(
            "nps",
            "推荐意愿",
            "NPS rating",
            "推荐意愿 0–10",
            "likelihood to recommend 0–10",
            low=0,
            high=10,
        ),
        _score(
            "attractiveness",
            "吸引力",
            "attractiveness",
            "品牌吸引力评分",
            "rating of the brand's attractiveness",
        ),
        _score(
            "differentiation",
            "差异性",
            "differentiation",
            "品牌差异性评分",
            "rating of the brand's differentiation",
        ),
        _score(
            "implementability",
            "可被实施",
            "implementability",
            "品牌可实施性评分",
            "rating of the brand's implementability",
        ),
        _score(
            "sustainability",
            "可持续性",
            "sustainability",
            "品牌可持续性评分",
            "rating of the brand's sustainability",
        ),
        _score(
            "intent_to_prescribe",
            "处方意愿",
            "intent to prescribe",
            "医生的处方意愿 1–5；患者留空",
            "HCP's intent to prescribe 1–5; blank for patients",
            required=False,
        ),
    ),
    key=("respondent_id", "wave"),
    rules=(Rule("aware_unaided", "aware_aided"),),
)

PATIENTS = Table(
    "patients",
    "患者队列",
    "patients",
    (
        _col(
            "patient_id",
            "患者编号",
            "patient ID",
            "string",
            "患者的唯一编号",
            "unique patient code",
        ),
        _REGION_REF,
        _col(
            "start_month",
            "起始月份",
            "start month",
            "month",
            "开始治疗的月份",
            "month the therapy started",
            unit="month",
        ),
        _col("product", "产品", "product", "string", "起始治疗的产品", "product started on"),
        _count(
            "months_on_therapy",
            "持续治疗月数",
            "months on therapy",
            "从起始到停药或数据截止的月数",
            "months from start to stop or to the data end",
            unit="months",
        ),
        _rate(
            "pdc_12m",
            "12 个月 PDC",
            "PDC 12 months",
            "起始后 12 个月内的用药覆盖天数比例",
            "proportion of days covered in the 12 months after the start",
        ),
        _col(
            "persistent",
            "12 个月持续治疗",
            "persistent at 12 months",
            "bool",
            "起始 12 个月后是否仍在治疗",
            "still on therapy 12 months after the start",
        ),
        _col(
            "churn_month",
            "停药月份",
            "churn month",
            "month",
            "停药的月份；仍在治疗则留空",
            "month the patient stopped; blank if still on therapy",
            unit="month",
            required=False,
        ),
    ),
    key=("patient_id",),
    rules=(Rule("start_month", "churn_month"),),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (REGIONS, PATIENT_FUNNEL, HCPS, RX_MONTHLY, ACTIVITIES, SURVEYS, PATIENTS)
}
"""Every scenario table by key, in the order of ``DOMAIN.md``."""


def get_table(table: str) -> Table:
    """Return the definition of ``table``.

    Raises
    ------
    ValueError
        If ``table`` is not one of :data:`TABLES`, naming the valid keys.
    """
    from ..i18n import t

    if table not in TABLES:
        raise ValueError(t("data.unknown_table", table=table, tables=", ".join(TABLES)))
    return TABLES[table]


def category_label(category: str, key: str, lang: str) -> str:
    """The ``lang`` label of a category value, e.g. ``category_label("channel", "wecom", "zh")``.

    >>> category_label("channel", "wecom", "zh")
    '企业微信'
    """
    zh, en = CATEGORIES[category][key]
    return zh if lang == "zh" else en
