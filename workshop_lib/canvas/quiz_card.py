"""A checked question as widgets: answer, check, hints one by one, the answer only on request."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import t
from ..plan import BrandPlan, QuizAnswer
from ..quiz import Choice, Numeric, Question, Ranking, score
from ..style import PALETTE


class QuizCard:
    """One question bound to the plan's quiz answers (attempts, hints, score are recorded).

    Parameters
    ----------
    question : Question
    plan : BrandPlan
        Where the answer is recorded; saved at once when the plan has a file.

    Attributes
    ----------
    widget : ipywidgets.Widget
    feedback : ipywidgets.HTML
        What the learner is told after checking, asking for a hint or for the answer.
    """

    def __init__(self, question: Question, plan: BrandPlan):
        self.question = question
        self.plan = plan
        record = plan.quiz.answers.get(question.id)
        self.record = record.model_copy() if record else QuizAnswer()
        self.input = self._input()
        self.feedback = widgets.HTML()
        buttons = []
        for label, icon, action in (
            ("quiz.check", "check", self.check),
            ("quiz.hint", "lightbulb-o", self.hint),
            ("quiz.show_answer", "eye", self.reveal),
        ):
            button = widgets.Button(
                description=t(label), icon=icon, layout=widgets.Layout(width="auto")
            )
            button.on_click(lambda _b, action=action: action())
            buttons.append(button)
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<p><b>{html.escape(question.prompt)}</b></p>"),
                self.input,
                widgets.HBox(buttons),
                self.feedback,
            ],
            layout=widgets.Layout(
                border=f"1px solid {PALETTE.grid}", padding="6px 10px", margin="6px 0"
            ),
        )
        if self.record.answer is not None:
            self._restore(self.record.answer)

    def _input(self) -> widgets.Widget:
        q = self.question
        if isinstance(q, Numeric):
            return widgets.Text(
                description=t("quiz.your_answer"),
                style={"description_width": "initial"},
                layout=widgets.Layout(width="24em"),
            )
        if isinstance(q, Choice):
            if q.multiple:
                return widgets.VBox(
                    [
                        widgets.Checkbox(
                            description=text, indent=False, layout=widgets.Layout(width="100%")
                        )
                        for _, text in q.options
                    ]
                )
            return widgets.RadioButtons(
                options=[(text, key) for key, text in q.options],
                value=None,
                layout=widgets.Layout(width="100%"),
            )
        if isinstance(q, Ranking):
            options = [("—", None)] + [(text, key) for key, text in q.items]
            return widgets.VBox(
                [
                    widgets.Dropdown(
                        options=options, value=None, description=t("quiz.position", n=i + 1)
                    )
                    for i in range(len(q.items))
                ]
            )
        raise TypeError(type(q).__name__)

    def answer(self):
        """What the learner has entered, in the form :meth:`Question.check` takes."""
        q = self.question
        if isinstance(q, Choice) and q.multiple:
            return [
                key
                for (key, _), box in zip(q.options, self.input.children, strict=True)
                if box.value
            ]
        if isinstance(q, Ranking):
            return [box.value for box in self.input.children if box.value is not None]
        return self.input.value

    def _restore(self, answer) -> None:
        q = self.question
        if isinstance(q, Choice) and q.multiple:
            for (key, _), box in zip(q.options, self.input.children, strict=True):
                box.value = key in answer
        elif isinstance(q, Ranking):
            for key, box in zip(answer, self.input.children, strict=False):
                box.value = key if key in dict(q.items) else None
        elif isinstance(q, Choice):
            self.input.value = answer if answer in dict(q.options) else None
        else:
            self.input.value = str(answer)

    def check(self) -> None:
        """Check the current answer, record the attempt and say whether it is right."""
        answer = self.answer()
        result = self.question.check(answer)
        self.record.answer = answer
        if result.correct or answer not in (None, "", []):
            self.record.attempts += 1
        self.record.correct = result.correct
        self.record.score = score(result.correct, self.record.attempts, self.record.hints)
        colour = PALETTE.good if result.correct else PALETTE.bad
        self.feedback.value = f"<span style='color:{colour}'>{html.escape(result.message)}</span>"
        self._record()

    def hint(self) -> None:
        """Show the next hint (each costs a little of the score)."""
        text = self.question.hint(self.record.hints)
        if text is None:
            self.feedback.value = html.escape(t("quiz.no_more_hints"))
            return
        self.record.hints += 1
        self.feedback.value = f"💡 {html.escape(text)}"
        self._record()

    def reveal(self) -> None:
        """Show the expected answer and its explanation; the question then scores 0."""
        self.record.score = 0.0
        self.feedback.value = (
            f"<span style='color:{PALETTE.primary}'>{html.escape(self.question.reveal())}</span>"
        )
        self._record()

    def _record(self) -> None:
        answers = dict(self.plan.quiz.answers)
        answers[self.question.id] = self.record.model_copy()
        self.plan.quiz.answers = answers
        if self.plan.path is not None:
            try:
                self.plan.save(self.plan.path)
            except OSError as err:
                self.feedback.value += html.escape(
                    " " + t("canvas.save_failed", path=self.plan.path, error=err)
                )


def quiz_box(questions: list[Question], plan: BrandPlan) -> tuple[widgets.Widget, list[QuizCard]]:
    """The cards of ``questions`` stacked in one box; returns the box and the cards."""
    cards = [QuizCard(q, plan) for q in questions]
    return widgets.VBox([card.widget for card in cards]), cards
