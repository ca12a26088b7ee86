"""A group's brand plan: everything the group decides in the exercises, saved as JSON.

One :class:`BrandPlan` per group holds a section per exercise. The canvases write into it as
participants type, the report and the gallery read it, and it survives a crashed kernel or a
closed laptop because :meth:`BrandPlan.save` replaces the file atomically and keeps the previous
version beside it as ``<name>.json.bak``.

The sections' shapes are the diagrams' inputs: ``plan.persona.model_dump()`` can be handed to
:func:`workshop_lib.diagrams.persona_card` as it is.

Examples
--------
>>> plan = BrandPlan(group="第一组", members=["王芳", "李雷"])
>>> plan.purchase_flow.leverage_points.append(LeveragePoint(step="diagnosed", idea="筛查"))
>>> BrandPlan.from_dict(plan.to_dict()).purchase_flow.leverage_points[0].idea
'筛查'
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
import secrets
import typing
from collections.abc import Iterator
from datetime import UTC, datetime
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from .files import write_atomic
from .i18n import get_language, t

SCHEMA_VERSION = 3
"""The version of the file format written by this release; older files are migrated on load."""

MAX_TEXT = 20_000
"""The longest text a field keeps (about ten pages of Chinese)."""

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Score = Annotated[int, Field(ge=1, le=5)]
Count = Annotated[float, Field(ge=0, allow_inf_nan=False)]
ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,32}$")]
"""An item's id: short, URL-safe text."""


class Section(BaseModel):
    """Base of every part of the plan: unknown keys are dropped, assignments are validated."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)


def new_id() -> str:
    """A fresh random item id: 8 hexadecimal digits, e.g. ``"9f86d081"``."""
    return secrets.token_hex(4)


class Item(Section):
    """Base of every item of a list in the plan (a pool level, a stage, an activity row, ...).

    Its ``id`` is given when the item is made and never changes when the item is edited or
    moved, so two copies of a plan can tell which row a change belongs to.
    """

    id: ItemId = Field(default_factory=new_id)


class PoolLevel(Item):
    """One level of the market pool, e.g. ``("diagnosed", 910000)``."""

    label: Text = ""
    count: Count | None = None


class MarketScope(Section):
    """Unit 1: the market the brand plays in, from the whole population to the brand."""

    definition: Text = ""
    levels: list[PoolLevel] = Field(default_factory=list)
    notes: Text = ""


class FlowStep(Item):
    """One step of the purchase (diagnosis and treatment) flow with its patient count."""

    name: Text = ""
    count: Count | None = None


class LeveragePoint(Item):
    """A step where the brand can change the flow, with the group's idea and reason."""

    step: Text = ""
    idea: Text = ""
    rationale: Text = ""


class PurchaseFlow(Section):
    """Unit 1: the quantified flow and up to three prioritised leverage points."""

    steps: list[FlowStep] = Field(default_factory=list)
    leverage_points: list[LeveragePoint] = Field(default_factory=list)


class SegmentVariable(Item):
    """A segmentation variable (a column of the customer table) and its cut points."""

    key: Text = ""
    label: Text = ""
    cut_points: list[float] = Field(default_factory=list)


class Segmentation(Section):
    """Unit 2: two variables, their cut points and the priority segments in order."""

    variables: list[SegmentVariable] = Field(default_factory=list, max_length=2)
    priority_segments: list[Text] = Field(default_factory=list)
    notes: Text = ""


class Criterion(Item):
    """One of the attractiveness criteria with its weight (weights sum to 1)."""

    key: Text = ""
    label: Text = ""
    weight: float = Field(default=0.0, ge=0, le=1)
    inverse: bool = False


class Attractiveness(Section):
    """Unit 3: criteria, weights and each segment's 1–5 score per criterion."""

    criteria: list[Criterion] = Field(default_factory=list)
    scores: dict[str, dict[str, Score]] = Field(default_factory=dict)


class Fact(Item):
    """A labelled fact on the persona card, e.g. ``("月门诊量", "约 300 名 2 型糖尿病患者")``."""

    label: Text = ""
    value: Text = ""


class Persona(Section):
    """Unit 3: the customer portrait of one segment."""

    name: Text = ""
    role: Text = ""
    segment: Text = ""
    facts: list[Fact] = Field(default_factory=list)
    portrait: Text = ""
    needs: list[Text] = Field(default_factory=list)
    drivers: list[Text] = Field(default_factory=list)
    barriers: list[Text] = Field(default_factory=list)
    quote: Text = ""


class BehaviourStage(Item):
    """One stage of the behaviour-change map: from current to desired behaviour."""

    stage: Text = ""
    current: Text = ""
    desired: Text = ""
    drivers: list[Text] = Field(default_factory=list)
    barriers: list[Text] = Field(default_factory=list)
    activities: list[Text] = Field(default_factory=list)
    kpis: list[Text] = Field(default_factory=list)


class BehaviourMap(Section):
    """Unit 3: the behaviour-change map of the chosen segment."""

    title: Text = ""
    stages: list[BehaviourStage] = Field(default_factory=list)


class LadderLine(Item):
    """One line on a rung of the benefit ladder; plain text is taken as a new line."""

    text: Text = ""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data


class LadderLink(Item):
    """A line of the lower rung (``lower``, its id) that supports one of the upper rung."""

    lower: Text = ""
    upper: Text = ""


class LadderLinks(Section):
    """Which rung line supports which: from attributes to functional, functional to emotional."""

    functional: list[LadderLink] = Field(default_factory=list)
    emotional: list[LadderLink] = Field(default_factory=list)


RUNGS = ("attributes", "functional", "emotional")
"""The benefit ladder's rungs from the bottom up."""

SIMILAR = 0.5
"""How alike (0–1, :class:`difflib.SequenceMatcher`) an edited ladder line must be to a line
that is gone to keep its id."""


class BenefitLadder(Section):
    """Unit 4: product attributes → functional benefits → emotional benefits."""

    brand: Text = ""
    attributes: list[LadderLine] = Field(default_factory=list)
    functional: list[LadderLine] = Field(default_factory=list)
    emotional: list[LadderLine] = Field(default_factory=list)
    links: LadderLinks = Field(default_factory=LadderLinks)

    def texts(self, rung: str) -> list[str]:
        """The texts of a rung's lines, in order."""
        return [line.text for line in getattr(self, rung)]

    def retyped(self, rung: str, texts: list[str]) -> list[LadderLine]:
        """The rung's lines after it was typed again as ``texts``, keeping ids.

        A line whose text is unchanged keeps its id wherever it moved; an edited line keeps
        the id of the most similar line that is gone (at least half alike); the rest are new.
        """
        old = getattr(self, rung)
        unused = list(range(len(old)))
        kept: list[LadderLine | None] = []
        for text in texts:
            same = next((i for i in unused if old[i].text == text), None)
            if same is not None:
                unused.remove(same)
            kept.append(old[same] if same is not None else None)
        lines = []
        for text, line in zip(texts, kept, strict=True):
            if line is None:
                alike = {i: SequenceMatcher(None, old[i].text, text).ratio() for i in unused}
                nearest = max(unused, key=alike.__getitem__, default=None)
                if nearest is not None and alike[nearest] >= SIMILAR:
                    unused.remove(nearest)
                    line = LadderLine(id=old[nearest].id, text=text)
            lines.append(line or LadderLine(text=text))
        return lines


class BrandItem(Item):
    """A brand strength or weakness scored 1–5 on the four dimensions."""

    statement: Text = ""
    kind: Literal["strength", "weakness"] = "strength"
    attractiveness: Score | None = None
    differentiation: Score | None = None
    implementability: Score | None = None
    sustainability: Score | None = None


class BrandAssessment(Section):
    """Unit 4: the brand's strengths and weaknesses on the four dimensions."""

    brand: Text = ""
    items: list[BrandItem] = Field(default_factory=list)


class CommunicationStep(Item):
    """One row of the behaviour-change step table behind the communication strategy."""

    stage: Text = ""
    desired: Text = ""
    message: Text = ""
    proof: Text = ""


class Communication(Section):
    """Unit 4: the brand communication strategy statement and its step table."""

    strategy: Text = ""
    steps: list[CommunicationStep] = Field(default_factory=list)


class Activity(Item):
    """One activity of the plan: who, where, what, which message, which KPI and target."""

    target_group: Text = ""
    channel: Text = ""
    activity: Text = ""
    message: Text = ""
    kpi: Text = ""
    target: Text = ""


class ActivityPlan(Section):
    """Unit 5: the activation plan for a target customer group."""

    title: Text = ""
    rows: list[Activity] = Field(default_factory=list)


class QuizAnswer(Section):
    """A learner's latest answer to one checked question."""

    answer: Any = None
    attempts: int = Field(default=0, ge=0)
    hints: int = Field(default=0, ge=0)
    correct: bool = False
    score: float = Field(default=0.0, ge=0, le=1)


class Quiz(Section):
    """Answers to the checked questions, by question id."""

    answers: dict[str, QuizAnswer] = Field(default_factory=dict)


SECTIONS = (
    "market_scope",
    "purchase_flow",
    "segmentation",
    "attractiveness",
    "persona",
    "behaviour_map",
    "benefit_ladder",
    "brand_assessment",
    "communication",
    "activity_plan",
    "quiz",
)
"""The plan's sections, in course order."""


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class BrandPlan(Section):
    """A group's brand plan.

    Parameters
    ----------
    group : str
        The group's name as participants typed it (any text; file names are derived safely).
    members : list of str
        Participants' names.
    """

    schema_version: int = SCHEMA_VERSION
    group: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    members: list[Annotated[str, StringConstraints(max_length=200)]] = Field(default_factory=list)
    language: Literal["zh", "en"] = Field(default_factory=get_language)
    scenario: Text = "sample"
    created: datetime = Field(default_factory=_now)
    updated: datetime = Field(default_factory=_now)

    market_scope: MarketScope = Field(default_factory=MarketScope)
    purchase_flow: PurchaseFlow = Field(default_factory=PurchaseFlow)
    segmentation: Segmentation = Field(default_factory=Segmentation)
    attractiveness: Attractiveness = Field(default_factory=Attractiveness)
    persona: Persona = Field(default_factory=Persona)
    behaviour_map: BehaviourMap = Field(default_factory=BehaviourMap)
    benefit_ladder: BenefitLadder = Field(default_factory=BenefitLadder)
    brand_assessment: BrandAssessment = Field(default_factory=BrandAssessment)
    communication: Communication = Field(default_factory=Communication)
    activity_plan: ActivityPlan = Field(default_factory=ActivityPlan)
    quiz: Quiz = Field(default_factory=Quiz)

    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        """The file this plan was loaded from or last saved to (None for a new plan)."""
        return self._path

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(t("plan.newer_version", found=value, supported=SCHEMA_VERSION))
        return SCHEMA_VERSION

    @model_validator(mode="after")
    def _unique_ids(self) -> BrandPlan:
        """Give a fresh id to an item whose id an earlier item of the plan already has."""
        seen: set[str] = set()
        for _path, item in self.items():
            while item.id in seen:
                item.id = new_id()
            seen.add(item.id)
        return self

    def items(self) -> Iterator[tuple[str, Item]]:
        """Every list item of the plan with the dotted path of its list, in course order.

        >>> plan = BrandPlan.from_dict({"group": "G", "persona": {"facts": [{"label": "a"}]}})
        >>> [(path, item.label) for path, item in plan.items()]
        [('persona.facts', 'a')]
        """
        for path in item_lists():
            yield from ((path, item) for item in _at(self, path))

    def item(self, path: str, item_id: str) -> Item:
        """The item with id ``item_id`` in the list at ``path``, e.g. ``"behaviour_map.stages"``.

        Raises
        ------
        ValueError
            If ``path`` is not a list of items of the plan or no item there has that id.
        """
        if path not in item_lists():
            raise ValueError(t("plan.no_list", path=path, paths=", ".join(item_lists())))
        for item in _at(self, path):
            if item.id == item_id:
                return item
        raise ValueError(t("plan.no_item", path=path, id=item_id))

    def to_dict(self) -> dict[str, Any]:
        """The plan as plain JSON-ready data (dates as ISO 8601 text)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Any, *, source: str | os.PathLike | None = None) -> BrandPlan:
        """Validate ``data`` (older versions are migrated) and build a plan.

        Raises
        ------
        ValueError
            Naming the field and the problem, and ``source`` when given.
        """
        if not isinstance(data, dict):
            raise ValueError(t("plan.not_a_plan", source=source or "?"))
        try:
            return cls.model_validate(given_ids(migrate(data)))
        except ValidationError as err:
            raise ValueError(describe(err, source)) from None

    def touch(self) -> None:
        """Mark the plan as changed now."""
        self.updated = _now()

    def save(self, path: str | os.PathLike) -> Path:
        """Write the plan to ``path`` atomically, keeping the previous file as ``.bak``.

        Returns
        -------
        Path
            The path written.
        """
        path = Path(path)
        self.touch()
        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")
        if path.exists():
            write_atomic(backup_path(path), path.read_bytes())
        write_atomic(path, data)
        self._path = path
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> BrandPlan:
        """Read and validate a saved plan.

        Raises
        ------
        ValueError
            If the file is missing, unreadable, not JSON (e.g. cut off by a crash) or not a
            valid plan; the message names the file and, when one exists, the ``.bak`` copy
            to restore from.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except FileNotFoundError:
            raise ValueError(t("plan.missing", path=path)) from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ValueError(_with_backup(t("plan.corrupt", path=path, error=err), path)) from None
        try:
            plan = cls.from_dict(data, source=path)
        except ValueError as err:
            raise ValueError(_with_backup(str(err), path)) from None
        plan._path = path
        return plan


def _list_paths(model: type[BaseModel], prefix: str) -> Iterator[str]:
    for name, info in model.model_fields.items():
        annotation = info.annotation
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is list and args and _is_model(args[0], Item):
            yield prefix + name
        elif _is_model(annotation, Section):
            yield from _list_paths(annotation, f"{prefix}{name}.")


def _is_model(annotation: Any, base: type) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, base)


@functools.cache
def item_lists() -> tuple[str, ...]:
    """Dotted paths of the plan's lists of items, in course order (read from the model).

    >>> item_lists()[:3]
    ('market_scope.levels', 'purchase_flow.steps', 'purchase_flow.leverage_points')
    """
    return tuple(_list_paths(BrandPlan, ""))


def _at(root: Any, path: str) -> Any:
    """What ``path`` leads to from ``root`` (attributes of models, keys of plain data)."""
    for name in path.split("."):
        root = root.get(name) if isinstance(root, dict) else getattr(root, name, None)
    return root


def stable_id(path: str, place: int, taken: set[str]) -> str:
    """The id an item without one gets from where it is: the same for the same file."""
    salt = 0
    while True:
        text = f"{path}:{place}" + (f":{salt}" if salt else "")
        found = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
        if found not in taken:
            return found
        salt += 1


def given_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Give every item of plain plan data that has no id one derived from its place.

    Loading the same old file twice gives the same ids, and the worked example the same ids
    every time; an item made in a canvas gets a random one (:func:`new_id`).
    """
    lists = [(path, _at(data, path)) for path in item_lists()]
    lists = [(path, found) for path, found in lists if isinstance(found, list)]
    taken = {
        item["id"]
        for _, found in lists
        for item in found
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    for path, found in lists:
        for place, item in enumerate(found):
            if isinstance(item, dict) and not item.get("id"):
                item["id"] = stable_id(path, place, taken)
                taken.add(item["id"])
    return data


def file_name(group: str) -> str:
    """A safe file name for a group's plan, e.g. ``"第一组.json"``.

    Letters (Chinese included) and digits are kept; anything else, path separators and dots
    included, becomes ``_``. Names that had to change get a short hash, so that two groups whose
    names differ only in punctuation never share a file.

    >>> file_name("第一组"), file_name("../../x")
    ('第一组.json', 'x-9cdf6a.json')
    """
    stem = "".join(c if c.isalnum() else "_" for c in group.strip())[:60].strip("_")
    if stem != group.strip() or not stem:
        digest = hashlib.sha256(group.encode("utf-8")).hexdigest()[:6]
        stem = f"{stem}-{digest}" if stem else f"group-{digest}"
    return f"{stem}.json"


def backup_path(path: Path) -> Path:
    """Where :meth:`BrandPlan.save` keeps the previous version of ``path``."""
    return path.with_name(path.name + ".bak")


def _with_backup(message: str, path: Path) -> str:
    backup = backup_path(path)
    return message + (" " + t("plan.use_backup", backup=backup) if backup.exists() else "")


def _problem(item: dict[str, Any]) -> str:
    """What was wrong with one field, in the active language where the catalog knows it."""
    key = f"plan.err.{item['type']}"
    try:
        return t(key, **(item.get("ctx") or {}))
    except (KeyError, IndexError):
        return item["msg"]


def describe(err: ValidationError, source: Any = None) -> str:
    """Explain a validation error: each field's dotted path, the problem, the value given.

    Parameters
    ----------
    err : pydantic.ValidationError
        Raised by building a plan or assigning to one of its fields.
    source : str or Path, optional
        The file the data came from, named in the message.
    """
    problems = []
    for item in err.errors()[:10]:
        field = ".".join(str(p) for p in item["loc"]) or "plan"
        value = item.get("input")
        shown = repr(value)[:60] if not isinstance(value, dict | list) else type(value).__name__
        problems.append(t("plan.field_problem", field=field, problem=_problem(item), value=shown))
    where = t("plan.in_file", source=source) if source else ""
    return t("plan.invalid", where=where, problems="; ".join(problems))


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1, the format's first draft, called the pool levels ``layers`` and kept the KPI
    of a behaviour stage as one text."""
    scope = data.get("market_scope")
    if isinstance(scope, dict) and "layers" in scope:
        scope["levels"] = scope.pop("layers")
    stages = (data.get("behaviour_map") or {}).get("stages")
    for stage in stages if isinstance(stages, list) else []:
        if isinstance(stage, dict) and isinstance(stage.get("kpi"), str):
            stage["kpis"] = [stage.pop("kpi")] if stage["kpi"] else []
            stage.pop("kpi", None)
    return data


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 had no item ids: every list item gets one (:func:`given_ids`), the ladder's
    lines become items and its links name the lines' ids instead of their places (a link to
    a place no line holds is dropped, as the diagram left it out)."""
    ladder = data.get("benefit_ladder")
    if isinstance(ladder, dict):
        for rung in RUNGS:
            if isinstance(ladder.get(rung), list):
                ladder[rung] = [{"text": x} if isinstance(x, str) else x for x in ladder[rung]]
    given_ids(data)
    links = ladder.get("links") if isinstance(ladder, dict) else None
    for lower, upper in pairwise(RUNGS) if isinstance(links, dict) else ():
        pairs = links.get(upper)
        if isinstance(pairs, list):
            found = (_link(ladder, lower, upper, pair) for pair in pairs)
            links[upper] = [link for link in found if link is not None]
    return given_ids(data)


def _link(ladder: dict[str, Any], lower: str, upper: str, pair: Any) -> dict[str, str] | None:
    """A version-2 link ``[i, j]`` as the ids of the lines at those places (None if off)."""
    if not (isinstance(pair, list | tuple) and len(pair) == 2):
        return None
    ends = []
    for rung, place in zip((lower, upper), pair, strict=True):
        lines = ladder.get(rung)
        if not (isinstance(place, int) and isinstance(lines, list) and 0 <= place < len(lines)):
            return None
        ends.append(lines[place].get("id", "") if isinstance(lines[place], dict) else "")
    return {"lower": ends[0], "upper": ends[1]}


_MIGRATIONS = {1: _v1_to_v2, 2: _v2_to_v3}
"""For each old version, the function that lifts a plan's data one version up."""


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring plan data of an older ``schema_version`` up to :data:`SCHEMA_VERSION`."""
    data = copy.deepcopy(data)
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(t("plan.bad_version", found=repr(version)))
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    data["schema_version"] = max(version, data.get("schema_version", 1))
    return data
