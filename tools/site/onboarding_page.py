"""The practice cards of "Til nye medarbejdere", each with the engine's answer rendered at build time.

A card shows its story and the four categories as checkboxes. The answer underneath is
:func:`wizard.evaluate` of the card's answers: the categories with the rules' reasons and
links to the guideline, in the result screen's own words and markup (:mod:`wizard.screens`),
the decisions, the deadlines (relative to the incident, never as dates) and the notes. It
sits in a ``<details>`` element, so it stays hidden until the reader asks for it and works
without JavaScript; ``scenarios.js`` only sets the reader's own ticks beside it.
"""

from html import escape

from tools.content.practice_cards import CARDS, NOW, Card
from tools.site.placeholders import PageContext
from wizard import content
from wizard.notes import DEPENDS_ON_NOW
from wizard.result import evaluate
from wizard.rules import CATEGORIES
from wizard.screens.markup import basis_link, source_link
from wizard.screens.reasons import decisions_list, reasons_list
from wizard.texts import CATEGORY_LABELS, CATEGORY_SHORT_LABELS

# The card's own words (content/texts/pages.yaml); everything about harassment comes from the engine's result.
_TEXT_IDS = (
    "question", "hint", "show", "given", "applies", "not_applies", "decisions", "deadlines", "notes", "source", "how",
)
# Filled in by scenarios.js when the answer is opened: the reader's tick beside the guide's verdict.
_SCRIPT_TEXTS = ("ticked_agree", "not_ticked_agree", "ticked_disagree", "not_ticked_disagree", "summary")
TEXTS = {name: content.text("pages", f"onboarding.{name}") for name in _TEXT_IDS + _SCRIPT_TEXTS}

# The deadlines relative to the incident: a card's incident date is made up, so a date would mislead.
RELATIVE_DEADLINES = {
    id: content.text("pages", f"onboarding.deadline.{id}") for id in ("safetynet", "police_report")
}

# The answers that decide the categories, shown so a reader can see what the guide was told.
CATEGORY_FIELDS = ("behaviours", "recording_shared")


class ScenarioError(ValueError):
    """A card's story says something the engine does not."""


def scenario_cards_block(context: PageContext) -> str:
    """Every practice card with the engine's answer."""
    texts = "".join(
        f' data-text-{name.replace("_", "-")}="{escape(TEXTS[name])}"' for name in _SCRIPT_TEXTS
    )
    cards = "".join(_card(number, card, context.root) for number, card in enumerate(CARDS, 1))
    return f'<div class="scenarios" data-scenarios{texts}>{cards}</div>'


def _card(number: int, card: Card, root: str) -> str:
    result = evaluate(card.answers, NOW)
    if tuple(result["categories"]) != card.expected:
        raise ScenarioError(
            f"scenario card {card.id!r}: the engine finds {result['categories']}, the card expects "
            f"{list(card.expected)}; correct the card in tools/content/practice_cards.py"
        )
    heading_id = f"scenario-{card.id}"
    choices = "".join(
        f'<div class="scenario__choice"><input type="checkbox" id="{heading_id}-{category}"'
        f' name="{heading_id}" value="{category}">'
        f'<label for="{heading_id}-{category}">{escape(CATEGORY_SHORT_LABELS[category])}</label></div>'
        for category in CATEGORIES
    )
    return (
        f'<article class="scenario" data-scenario="{card.id}" aria-labelledby="{heading_id}">'
        f'<h3 class="scenario__title" id="{heading_id}"><span class="scenario__number">{number}.</span> '
        f"{escape(card.title)}</h3>"
        f'<p class="scenario__story">{escape(card.story)}</p>'
        f'<fieldset class="scenario__choices" aria-describedby="{heading_id}-hint">'
        f'<legend>{TEXTS["question"]}</legend><p class="scenario__hint" id="{heading_id}-hint">{TEXTS["hint"]}</p>'
        f"{choices}</fieldset>"
        f'<details class="scenario__answer" data-scenario-answer data-search-exclude><summary>{TEXTS["show"]}</summary>'
        f'<div class="scenario__answer-body">'
        f'<p class="scenario__summary" data-scenario-summary role="status" hidden></p>'
        f"{_given(result)}{_verdicts(result, root)}{_decisions(result, root)}{_deadlines(result, root)}"
        f"{_notes(result, root)}"
        f'<p class="scenario__source">{escape(TEXTS["source"].format(version=result["rules_version"]))} '
        f'<a href="{escape(root)}saadan-vurderer-guiden/regler/">{TEXTS["how"]}</a></p>'
        "</div></details></article>"
    )


def _given(result: dict) -> str:
    given = "".join(
        f'<li>{escape(item["question"])} <strong>{escape(item["answer"])}</strong></li>'
        for item in result["answer_labels"]
        if item["id"] in CATEGORY_FIELDS
    )
    return f'<p class="scenario__heading"><strong>{TEXTS["given"]}</strong></p><ul>{given}</ul>'


def _verdicts(result: dict, root: str) -> str:
    items = []
    for category in CATEGORIES:
        applies = category in result["categories"]
        # The reasons in the result's own words, with what each rule means: a card teaches the rules.
        details = reasons_list(result, category, root, outcomes=True) if applies else ""
        verdict = TEXTS["applies"] if applies else TEXTS["not_applies"]
        items.append(
            f'<li class="scenario__verdict" data-verdict data-category="{category}"'
            f' data-applies="{str(applies).lower()}">'
            f'<p><strong>{verdict}</strong> {escape(CATEGORY_LABELS[category].text)} '
            f'<span class="scenario__you" data-scenario-you hidden></span></p>{details}</li>'
        )
    return f'<ul class="scenario__verdicts">{"".join(items)}</ul>'


def _decisions(result: dict, root: str) -> str:
    # Shown for every card: the work accident is asked whatever happened.
    return f'<p class="scenario__heading"><strong>{TEXTS["decisions"]}</strong></p>{decisions_list(result, root)}'


def _deadlines(result: dict, root: str) -> str:
    if not result["deadlines"]:
        return ""
    items = "".join(
        f'<li data-deadline="{escape(d["id"])}">{escape(d["label"])}: {RELATIVE_DEADLINES[d["id"]]}. '
        f'{source_link(d["source"], root)}</li>'
        for d in result["deadlines"]
    )
    return f'<p class="scenario__heading"><strong>{TEXTS["deadlines"]}</strong></p><ul>{items}</ul>'


def card_notes(result: dict) -> list[dict]:
    """The result's notes that hold for the story itself: a card's date is made up, so none about a passed deadline."""
    return [note for note in result["notes"] if note["id"] not in DEPENDS_ON_NOW]


def _notes(result: dict, root: str) -> str:
    notes = card_notes(result)
    if not notes:
        return ""
    items = "".join(
        f'<li data-note="{escape(note["id"])}">{escape(note["text"])} {basis_link(note, root)}</li>'
        for note in notes
    )
    return f'<p class="scenario__heading"><strong>{TEXTS["notes"]}</strong></p><ul>{items}</ul>'
