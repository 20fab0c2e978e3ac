"""The practice cards of "Til nye medarbejdere", each with the engine's answer rendered at build time.

A card shows its story and the five categories as checkboxes. The answer underneath says first why (the one
sentence the card teaches), then :func:`wizard.evaluate` of the card's answers: each category with the rules'
reasons, told as what happens in the story ("I historien: …", never as answers the learner gave), with links
to the guideline; the decisions, the deadlines (relative to the incident, never as dates) and the notes; and
it ends with one line on what to do. It sits in a ``<details>`` element, so it stays hidden until the reader
asks for it and works without JavaScript; ``scenarios.mjs`` scores the reader's ticks against it: what they
got right, what they ticked that the guide does not, what they missed.
"""

from collections.abc import Mapping
from html import escape

from tools.content.practice_cards import CARDS, NOW, Card
from tools.site.placeholders import PageContext
from wizard import content
from wizard.contract import UNKNOWN
from wizard.guideline import IMPACT_MAX, IMPACT_MIN
from wizard.notes import DEPENDS_ON_NOW
from wizard.questions import QUESTIONS_BY_ID
from wizard.result import evaluate
from wizard.rules import CATEGORIES
from wizard.screens.markup import basis_link, source_link
from wizard.screens.reasons import and_list, category_reasons, offence_paragraph
from wizard.screens.ui import UI
from wizard.texts import CATEGORY_LABELS, CATEGORY_SHORT_LABELS

# The card's own words (content/texts/pages.yaml); everything about harassment comes from the engine's result.
_TEXT_IDS = (
    "question", "hint", "show", "why", "applies", "not_applies", "decisions", "deadlines", "notes", "source", "how",
    "in_story", "story_unknown", "story_scale", "story_scale_unknown",
)
# Filled in by scenarios.mjs when the answer is opened: the reader's tick beside the guide's verdict, and the score.
_SCRIPT_TEXTS = ("right", "wrong", "missed", "score", "all_right", "none_ticked")
TEXTS = {name: content.text("pages", f"onboarding.{name}") for name in _TEXT_IDS + _SCRIPT_TEXTS}
# What to do, said to the card's reader in their role.
TODO_LABELS = {role: content.text("pages", f"onboarding.todo.{role}") for role in ("employee", "colleague", "manager")}
# A yes-or-no fact of the story, as it is said when it does not hold ("optagelsen er ikke lagt …"); the guide's
# own claims (UI "claim_…") say it when it does.
_STORY_NO_FIELDS = (
    "danger_now", "recording_shared", "outside_work_hours", "repeated", "absence", "treatment", "wants_work_accident"
)
STORY_NO = {field: content.text("pages", f"onboarding.story_no.{field}") for field in _STORY_NO_FIELDS}

# The deadlines relative to the incident: a card's incident date is made up, so a date would mislead.
RELATIVE_DEADLINES = {
    id: content.text("pages", f"onboarding.deadline.{id}") for id in ("safetynet", "police_report")
}


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
        f'<p class="scenario__why" data-scenario-why><strong>{TEXTS["why"]}</strong> {escape(card.why)}</p>'
        f"{_verdicts(result, root)}{_decisions(result, root)}{_deadlines(result, root)}"
        f"{_notes(result, root)}"
        f'<p class="scenario__source">{escape(TEXTS["source"].format(version=result["rules_version"]))} '
        f'<a href="{escape(root)}saadan-vurderer-guiden/regler/">{TEXTS["how"]}</a></p>'
        f'<p class="scenario__todo" data-scenario-todo><strong>{escape(TODO_LABELS[card.answers["role"]])}</strong> '
        f"{escape(card.todo)}</p>"
        "</div></details></article>"
    )


def in_story(reason: Mapping) -> str:
    """What happens in the story that a reason rests on ("I historien: …"): never "because you answered"."""
    values: dict[str, list] = {}
    for given in reason["answers"]:
        values.setdefault(given["field"], []).append(given)
    facts = [_fact(field, given) for field, given in values.items()]
    return TEXTS["in_story"].format(facts=and_list(facts)) if facts else ""


def _fact(field: str, given: list[Mapping]) -> str:
    question = QUESTIONS_BY_ID[field]
    value = given[0]["value"]
    if question.kind == "scale":
        if value == UNKNOWN:
            return TEXTS["story_scale_unknown"]
        return TEXTS["story_scale"].format(value=value, low=IMPACT_MIN, high=IMPACT_MAX)
    claim = UI.get(f"claim_{field}")
    if claim and len(given) == 1 and value in (True, False, UNKNOWN):
        if value is True:
            return claim
        return STORY_NO[field] if value is False else TEXTS["story_unknown"].format(claim=claim)
    return and_list([f"»{g['label']}«" for g in given])


def _reason_item(offence: Mapping | None, reason: Mapping, root: str, outcome: bool = True) -> str:
    lead = f"{escape(offence_paragraph(offence))}. " if offence else ""
    if outcome:
        lead += f"{escape(reason['outcome'])} "
    return (
        f'<li>{lead}<span class="scenario__in-story">{escape(in_story(reason))}</span> '
        f'{source_link(reason["source"], root)}</li>'
    )


def _verdicts(result: dict, root: str) -> str:
    items = []
    for category in CATEGORIES:
        applies = category in result["categories"]
        details = ""
        if applies:
            # The reasons in the story's words, with what each rule means: a card teaches the rules.
            pairs = category_reasons(result, category)
            intro = f'<p class="scenario__offences">{UI["offences_intro"]}</p>' if any(o for o, _ in pairs) else ""
            details = intro + "<ul>" + "".join(_reason_item(o, r, root) for o, r in pairs) + "</ul>"
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
    items = "".join(
        f'<li data-decision="{decision}"><strong>{escape(result["labels"][decision])}</strong>'
        + (
            "<ul>" + "".join(_reason_item(None, r, root, outcome=False) for r in result["reasons"][decision]) + "</ul>"
            if result["reasons"].get(decision)
            else ""
        )
        + "</li>"
        for decision in ("action_plan", "work_accident")
    )
    return f'<p class="scenario__heading"><strong>{TEXTS["decisions"]}</strong></p><ul>{items}</ul>'


def _deadlines(result: dict, root: str) -> str:
    if not result["deadlines"]:
        return ""
    # Relative to the incident, once per kind: every incident of a series counts the same way from its own time.
    items = "".join(
        f'<li data-deadline="{escape(d["id"])}">{escape(d["label"])}: {RELATIVE_DEADLINES[d["kind"]]}. '
        f'{source_link(d["source"], root)}</li>'
        for d in result["deadlines"]
        if d["incident"] != "first"
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
