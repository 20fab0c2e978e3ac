"""Why the guide says what it says, in one wording for the result, its text and print, the practice cards and
the pages about the rules: a category's reasons in the reader's own answers, and the offences with their
paragraphs."""

from collections.abc import Mapping

from wizard import questions
from wizard.contract import UNKNOWN
from wizard.guideline import IMPACT_MAX, IMPACT_MIN
from wizard.rules import RULES_BY_ID
from wizard.screens.markup import attrs, escape, source_link
from wizard.screens.ui import UI


def offence_paragraph(offence: Mapping) -> str:
    """An offence a result found, with its paragraph: "Trusler – Straffeloven § 266"."""
    return f"{offence['label']} – {offence['reference']}"



def reason_sentence(offence: Mapping | None, reason: Mapping) -> str:
    """A reason as plain text: the offence it found with its paragraph, if any, then the reader's answers."""
    paragraph = f"{offence_paragraph(offence)}. " if offence else ""
    return paragraph + because(reason)



def reasons_list(result: Mapping, category: str, root: str, *, outcomes: bool = False) -> str:
    """A category's reasons (:func:`category_reasons`), each with its offence, the answers and the link.

    With ``outcomes`` each reason also says what its rule means, for a reader learning the rules (the practice
    cards); the result leaves it out, for a reader who must act.
    """
    pairs = category_reasons(result, category)
    intro = f'<p class="guide-reasons">{UI["offences_intro"]}</p>' if any(o for o, _ in pairs) else ""
    items = "".join(_reason_item(offence, reason, root, outcomes) for offence, reason in pairs)
    return f"{intro}<ul>{items}</ul>"



def _reason_item(offence: Mapping | None, reason: Mapping, root: str, outcome: bool = False) -> str:
    lead = f"{escape(offence_paragraph(offence))}. " if offence else ""
    if outcome:
        lead += f"{escape(reason['outcome'])} "
    marked = attrs(data_offence=offence["id"]) if offence else ""
    return (
        f'<li{marked}>{lead}<span class="guide-reasons">{escape(because(reason))}</span> '
        f'{source_link(reason["source"], root)}</li>'
    )



def because(reason: Mapping) -> str:
    """The answers behind a reason, in the person's own words ("because you answered 8 on the scale from 1 to 10")."""
    values: dict[str, list] = {}
    for given in reason["answers"]:
        values.setdefault(given["field"], []).append(given)
    clauses = [_clause(field, given) for field, given in values.items()]
    return UI["because"].format(answers=and_list(clauses)) if clauses else ""



def _clause(field: str, given: list[Mapping]) -> str:
    question = questions.QUESTIONS_BY_ID[field]
    value = given[0]["value"]
    if question.kind == "scale":
        if value == UNKNOWN:
            return UI["because_scale_unknown"].format(question=question.label)
        return UI["because_scale"].format(value=value, low=IMPACT_MIN, high=IMPACT_MAX)
    claim = UI.get(f"claim_{field}")
    if claim and len(given) == 1 and value in (True, False, UNKNOWN):
        key = {True: "because_yes", False: "because_no", UNKNOWN: "because_unknown"}[value]
        return UI[key].format(claim=claim)
    chosen = and_list([f"»{g['label']}«" for g in given])
    return UI["because_chosen"].format(values=chosen, question=question.label)



def and_list(items: list[str]) -> str:
    """``["a", "b", "c"]`` as "a, b and c", in Danish."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {UI['and']} {items[-1]}"



def category_reasons(result: Mapping, category: str) -> list[tuple[Mapping | None, Mapping]]:
    """A category's reasons, each with an offence it found and its paragraph (``None`` if it found none)."""
    found = {offence["id"]: offence for offence in result["offences"]}
    pairs = []
    for reason in result["reasons"].get(category, ()):
        offences = [found[id] for id in RULES_BY_ID[reason["rule"]].offences if id in found]
        pairs.extend((offence, reason) for offence in offences or [None])
    return pairs



def decisions_list(result: Mapping, root: str) -> str:
    """The action plan and the work accident, each with its reasons in the reader's answers and their links."""
    items = []
    for decision in ("action_plan", "work_accident"):
        # A decision the guide leaves open says why and who decides (its label points here): the reasons' words.
        said = result[decision] is None
        why = "".join(_reason_item(None, reason, root, outcome=said) for reason in result["reasons"].get(decision, ()))
        items.append(
            f'<li data-decision="{decision}"><strong>{escape(result["labels"][decision])}</strong>'
            + (f"<ul>{why}</ul>" if why else "")
            + "</li>"
        )
    return f'<ul class="guide-decisions">{"".join(items)}</ul>'

