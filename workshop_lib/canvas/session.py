"""The notebook's link between the group picker and the canvases.

A notebook shows the picker once and then its exercises, one line each::

    from workshop_lib.canvas import pick_group, show
    pick_group()
    ...
    show("market_scope")

All of a kernel's canvases edit the plan of the group chosen in the picker; choosing another
group rebuilds them on that group's plan. The choice is remembered in the workspace, so the
next notebook (or a reloaded page) opens the same group's plan with its input in place.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from .. import groups, i18n
from ..exercises import EXERCISES
from ..i18n import t
from ..plan import BrandPlan
from ..quiz import Question, kpi_questions
from ..review import review_questions
from ..style import PALETTE
from ..summary import framework_html
from .base import Canvas
from .quiz_card import quiz_box

NEW_GROUP = "\0new"
"""The picker's drop-down value that means "create a group"."""


class Workbook:
    """The current group's plan and every canvas shown for it in this kernel.

    Parameters
    ----------
    folder : Path, optional
        Where the groups' plans live; :func:`workshop_lib.groups.groups_dir` by default.
    root : Path, optional
        The workspace that remembers the chosen group; the default workspace otherwise.
    """

    def __init__(self, folder: Path | None = None, root: Path | None = None):
        self.folder = groups.groups_dir(root) if folder is None else Path(folder)
        self.root = root
        self.plan: BrandPlan | None = None
        self.canvases: list[Canvas] = []
        self._slots: list[tuple[Callable[[BrandPlan], widgets.Widget], widgets.Box]] = []
        remembered = groups.remembered(root)
        if remembered:
            try:
                self.plan = groups.open_group(remembered, self.folder)
            except ValueError:
                self.plan = None  # the picker shows the problem when the group is chosen again

    def choose(self, name: str, members: list[str] | None = None) -> BrandPlan:
        """Open (or create) group ``name``'s plan and rebuild every canvas on it.

        Raises
        ------
        ValueError
            For an empty name or a damaged plan file (the message names the file).
        """
        if not name.strip():
            raise ValueError(t("canvas.group_name_empty"))
        for canvas in self.canvases:
            canvas.flush()
        self.plan = groups.open_group(name.strip(), self.folder, members=members)
        groups.remember(self.plan.group, self.root)
        self.canvases = []
        for build, box in self._slots:
            self._fill(build, box)
        return self.plan

    def show(self, exercise: str, **options) -> widgets.Widget:
        """A box showing the canvas of ``exercise`` for the current group (rebuilt on change)."""
        if exercise not in EXERCISES:
            names = ", ".join(EXERCISES)
            raise ValueError(t("canvas.unknown_exercise", name=exercise, names=names))
        canvas_class = EXERCISES[exercise].canvas_class()

        def build(plan: BrandPlan) -> widgets.Widget:
            canvas = canvas_class(plan, **options)
            self.canvases.append(canvas)
            return canvas.widget

        return self._slot(build)

    def quiz(self, questions: list[Question]) -> widgets.Widget:
        """A box of checked questions recorded in the current group's plan."""
        return self._slot(lambda plan: quiz_box(questions, plan)[0])

    def framework(self) -> widgets.Widget:
        """The current group's framework on one page, with a button to bring it up to date.

        The page keeps the language active when it is shown. The button saves this kernel's
        pending input, then reads the group's plan file again, so work saved from other
        notebooks shows too.
        """
        lang = i18n.get_language()
        return self._slot(lambda plan: self._framework(plan, lang))

    def _framework(self, plan: BrandPlan, lang: str) -> widgets.Widget:
        page = widgets.HTML(framework_html(plan, lang))
        note = widgets.HTML()
        with i18n.language(lang):
            refresh = widgets.Button(
                description=t("summary.refresh"),
                icon="refresh",
                layout=widgets.Layout(width="auto"),
            )

        def on_refresh(_button: widgets.Button) -> None:
            for canvas in self.canvases:
                canvas.flush()
            current = plan
            with i18n.language(lang):
                if plan.path is not None and plan.path.exists():
                    try:
                        current = BrandPlan.load(plan.path)
                    except ValueError as err:
                        note.value = (
                            f"<span style='color:{PALETTE.bad}'>{html.escape(str(err))}</span>"
                        )
                        return
                stamp = current.updated.astimezone().strftime("%H:%M:%S")
                note.value = html.escape(t("summary.refreshed", time=stamp))
            page.value = framework_html(current, lang)

        refresh.on_click(on_refresh)
        return widgets.VBox([widgets.HBox([refresh, note]), page])

    def _slot(self, build: Callable[[BrandPlan], widgets.Widget]) -> widgets.Widget:
        box = widgets.VBox()
        self._slots.append((build, box))
        self._fill(build, box)
        return box

    def _fill(self, build: Callable[[BrandPlan], widgets.Widget], box: widgets.Box) -> None:
        if self.plan is None:
            hint = html.escape(t("canvas.pick_group_first"))
            box.children = [widgets.HTML(f"<p style='color:{PALETTE.muted}'>{hint}</p>")]
            return
        box.children = [build(self.plan)]

    def picker(self) -> widgets.Widget:
        """The group picker: choose an existing group or create one, with its members."""
        existing = [(name, name) for name, _ in groups.list_groups(self.folder)]
        options = [*existing, (t("canvas.new_group"), NEW_GROUP)]
        current = self.plan.group if self.plan else None
        choice = widgets.Dropdown(
            options=options,
            value=current if current in dict(existing) else NEW_GROUP,
            description=t("canvas.group"),
            style={"description_width": "6em"},
        )
        name = widgets.Text(
            description=t("canvas.group_name"),
            placeholder=t("canvas.group_hint"),
            style={"description_width": "6em"},
        )
        members = widgets.Text(
            value=", ".join(self.plan.members) if self.plan else "",
            description=t("canvas.members"),
            placeholder=t("canvas.members_hint"),
            style={"description_width": "6em"},
            layout=widgets.Layout(width="32em"),
        )
        go = widgets.Button(
            description=t("canvas.open_group"), button_style="primary", icon="users"
        )
        status = widgets.HTML(self._status())

        def sync_name(_change: object = None) -> None:
            name.layout.display = "" if choice.value == NEW_GROUP else "none"

        def on_go(_button: widgets.Button) -> None:
            chosen = name.value if choice.value == NEW_GROUP else choice.value
            people = [m.strip() for m in members.value.replace("，", ",").split(",") if m.strip()]
            try:
                self.choose(chosen, people or None)
            except ValueError as err:
                status.value = f"<span style='color:{PALETTE.bad}'>{html.escape(str(err))}</span>"
                return
            status.value = self._status()

        choice.observe(sync_name, names="value")
        go.on_click(on_go)
        sync_name()
        return widgets.VBox([widgets.HBox([choice, name]), members, go, status])

    def _status(self) -> str:
        if self.plan is None:
            return f"<span style='color:{PALETTE.muted}'>{html.escape(t('canvas.no_group'))}</span>"
        text = t("canvas.current_group", group=self.plan.group, path=self.plan.path)
        return f"<span style='color:{PALETTE.good}'>✓ {html.escape(text)}</span>"


_workbook: Workbook | None = None


def wait_for_page() -> None:
    """In a kernel Voilà preheated, wait until a participant's page request takes it.

    Anything that depends on the moment of the visit (the group remembered on the workspace)
    must be read after this; elsewhere (JupyterLab, nbclient, a page rendered on request), and
    once the page has come, it returns at once.
    """
    if os.environ.get("VOILA_PREHEAT") == "True":
        from voila.utils import wait_for_request

        wait_for_request()
        os.environ["VOILA_PREHEAT"] = "False"  # this kernel now serves its page


def workbook() -> Workbook:
    """The kernel's :class:`Workbook`, created on first use."""
    global _workbook
    if _workbook is None:
        wait_for_page()  # a preheated Voilà page reads the group of the visit
        _workbook = Workbook()
    return _workbook


def pick_group(lang: str | None = None) -> widgets.Widget:
    """The group picker for a notebook (one line: ``pick_group()``)."""
    with i18n.language(lang):
        return workbook().picker()


def show(exercise: str, *, lang: str | None = None, **options) -> widgets.Widget:
    """The canvas of ``exercise`` for the chosen group (one line: ``show("persona")``)."""
    with i18n.language(lang):
        return workbook().show(exercise, lang=lang, **options)


def show_quiz(unit: int, *, lang: str | None = None) -> widgets.Widget:
    """The unit's KPI questions, computed from the active scenario (one line: ``show_quiz(1)``)."""
    with i18n.language(lang):
        return workbook().quiz(kpi_questions(unit))


def show_review(*, lang: str | None = None) -> widgets.Widget:
    """The closing review's quick questions, two per unit (one line: ``show_review()``).

    Answers are recorded in the group's plan like the unit quizzes'.
    """
    with i18n.language(lang):
        return workbook().quiz(review_questions())


def show_framework(*, lang: str | None = None) -> widgets.Widget:
    """The chosen group's framework on one page, rebuilt when the group changes."""
    with i18n.language(lang):
        return workbook().framework()


_examples: dict[str, BrandPlan] = {}


def example(exercise: str, *, lang: str | None = None) -> widgets.Widget:
    """The canvas of ``exercise`` on the sample brand's worked example (trainer edition).

    It can be edited during the debrief; nothing is saved.
    """
    from ..worked_example import worked_plan

    language = i18n.resolve(lang)
    if language not in _examples:
        _examples[language] = worked_plan(language)
    return EXERCISES[exercise].canvas_class()(_examples[language], lang=language).widget


def example_framework(*, lang: str | None = None) -> widgets.Widget:
    """The sample brand's framework on one page (trainer edition), numbers from the scenario."""
    from ..worked_example import worked_plan

    language = i18n.resolve(lang)
    plan = worked_plan(language)
    for exercise in EXERCISES.values():
        if exercise.from_scenario:  # its canvas fills the section's empty parts
            exercise.canvas_class()(plan, lang=language)
    return widgets.HTML(framework_html(plan, language))
