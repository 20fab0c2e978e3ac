"""The blocks of the pages under ``saadan-vurderer-guiden/`` (how the guide decides), generated from the engine.

Every rule of :data:`wizard.rules.RULES` and the offences (``regler/``), the questions with their options
and when each is asked (``spoergsmaal/``), every role's steps with their conditions, time groups and
how-tos, the notes and the legal information (``skridt/``), and the rules version. Nothing here words a
rule: the texts are the engine's, so the pages cannot say something the guide does not do. The pages are
for the guideline's owners: they show the engine's words, never its ids (those ride in ``data-*``
attributes, for the tests and the links between the pages).
"""

from html import escape

from tools.content.guideline_text import split_sentences
from tools.site.placeholders import PageContext
from wizard import content
from wizard.contract import ROLES
from wizard.guideline import Section
from wizard.howto import howto_for
from wizard.notes import LEGAL_INFO, LEGAL_INFO_RULES, NOTE_RULES, NOTES
from wizard.questions import QUESTIONS, QUESTIONS_BY_ID, answer_label
from wizard.rules import CATEGORIES, OFFENCES, RULES, Match, Rule
from wizard.rules_version import rules_version
from wizard.screens.markup import basis_mark, source_link
from wizard.screens.result import howto_block
from wizard.screens.ui import UI
from wizard.step_groups import GROUP_OF_STEP
from wizard.steps import STEPS, Step, step_text
from wizard.texts import CATEGORY_LABELS, ROLE_LABELS, Text

# The page's own words around the engine's texts (content/texts/pages.yaml).
_TEXT_IDS = (
    "rule_title", "rule_label", "when", "answers", "outcome", "category", "offences", "quote", "source", "asked",
    "hint", "about", "answer_kind", "options", "shown", "due", "reference", "guideline_basis", "legal_notes_basis",
    "legal_info", "applies", "decision", "by_role", "unknown_for", "notes", "legal", "legal_link",
)
TEXTS = {name: content.text("pages", f"rules.{name}") for name in _TEXT_IDS} | {
    # Joins within a sentence; a content text has no surrounding spaces.
    "or": f' {content.text("pages", "rules.or")} ',
    "and": f' {content.text("pages", "rules.and")} ',
    "decisions": {
        True: content.text("pages", "rules.decision.yes"),
        False: content.text("pages", "rules.decision.no"),
        None: content.text("pages", "rules.decision.unknown"),
    },
}

RULE_GROUPS = {
    kind: content.text("pages", f"rules.group.{kind}")
    for kind in ("category", "action_plan", "work_accident", "deadline")
}

ANSWER_KINDS = {
    kind: content.text("pages", f"rules.kind.{kind}") for kind in ("single", "multiple", "date_time", "scale")
}


def _source(section: Section, root: str) -> str:
    """The link to a section, named by its title: on this page a link stands in a row of its own."""
    return source_link(section.href, root, section.title)


def _row(label: str, content: str) -> str:
    return f"<dt>{escape(label)}</dt><dd>{content}</dd>"


def _condition(description: str, source: str = "") -> str:
    """When an item is shown, then (if given) the link to its section."""
    link = f" {source}" if source else ""
    return f'<p class="rules-condition"><strong>{TEXTS["shown"]}:</strong> {escape(description)}{link}</p>'


def _entry(kind: str, data: str, id: str, heading: str, rows: list[str]) -> str:
    """One engine item (a question, an offence) as a titled list of rows, at ``anchor(kind, id)``."""
    return (
        f'<section class="rules-entry" id="{anchor(kind, id)}" data-{data}="{id}">'
        f"<h3>{heading}</h3><dl>{''.join(rows)}</dl></section>"
    )


def _list(entries: list[str]) -> str:
    return f'<div class="rules-list">{"".join(entries)}</div>'


def anchor(kind: str, id: str) -> str:
    """The id of an entry on the page, e.g. ``regel-criminal-threats``: an engine id made URL-friendly."""
    return f'{kind}-{id.replace("_", "-")}'


# The page of the owners' section that shows each kind of entry (by the anchor's prefix), from the site root.
PAGES = {
    "spoergsmaal": "saadan-vurderer-guiden/spoergsmaal/",
    "regel": "saadan-vurderer-guiden/regler/",
    "regler": "saadan-vurderer-guiden/regler/",
    "overtraedelse": "saadan-vurderer-guiden/regler/",
    "kategorier": "saadan-vurderer-guiden/regler/",
    "skridt": "saadan-vurderer-guiden/skridt/",
    "noter-i-resultatet": "saadan-vurderer-guiden/skridt/",
    "lovgrundlag-i-resultatet": "saadan-vurderer-guiden/skridt/",
}


def href(root: str, kind: str, id: str = "") -> str:
    """The address of an entry (``anchor(kind, id)``, or the heading ``kind`` alone) from a page at ``root``."""
    return f"{root}{PAGES[kind]}#{anchor(kind, id) if id else kind}"


def rule_numbers() -> dict[str, int]:
    """Each rule's number on the rules page, in the engine's order: how the owners refer to a rule."""
    return {rule.id: number for number, rule in enumerate(RULES, 1)}


def rules_version_block(context: PageContext) -> str:
    """The rules version that every result of the guide carries."""
    return f'<code class="rules-version" data-rules-version>{rules_version()}</code>'


def categories_block(context: PageContext) -> str:
    """The four categories a result can have, each with its section of the guideline."""
    items = "".join(
        f'<li data-category="{category}"><strong>{escape(CATEGORY_LABELS[category].text)}</strong> '
        f"{_source(CATEGORY_LABELS[category].source, context.root)}</li>"
        for category in CATEGORIES
    )
    return f'<ul class="rules-categories">{items}</ul>'


def rules_block(context: PageContext) -> str:
    """Every rule, grouped by what it decides, in the engine's order."""
    unknown = {rule.kind for rule in RULES} - set(RULE_GROUPS)
    if unknown:
        raise ValueError(f"rules of an unknown kind, add them to RULE_GROUPS: {sorted(unknown)}")
    numbers = rule_numbers()
    parts = []
    for kind, heading in RULE_GROUPS.items():
        rules = [rule for rule in RULES if rule.kind == kind]
        if rules:
            parts.append(f'<h3 id="{anchor("regler", kind)}">{escape(heading)}</h3>')
            parts.extend(_rule(rule, numbers[rule.id], context.root) for rule in rules)
    return _list(parts)


def rule_title(rule: Rule, number: int) -> str:
    """A rule as the owners' pages name it: its number and the first sentence of what it means."""
    return TEXTS["rule_title"].format(number=number, outcome=split_sentences(rule.outcome)[0])


def _rule(rule: Rule, number: int, root: str) -> str:
    rows = [_row(TEXTS["when"], escape(rule.inputs))]
    if rule.applies is not None:
        condition = f'<span data-condition="{rule.applies.name}">{escape(rule.applies.description)}</span>'
        rows.append(_row(TEXTS["applies"], condition))
    if rule.kind in ("action_plan", "work_accident"):
        rows.append(_row(TEXTS["decision"], escape(TEXTS["decisions"][rule.decision])))
    if rule.when:
        rows.append(_row(TEXTS["answers"], escape(TEXTS["and"].join(_match(match) for match in rule.when))))
    rows.append(_row(TEXTS["outcome"], escape(rule.outcome)))
    if rule.categories:
        labels = ", ".join(CATEGORY_LABELS[c].text for c in rule.categories)
        rows.append(_row(TEXTS["category"], escape(labels)))
    if rule.offences:
        offences = "; ".join(f"{OFFENCES[o].label} ({OFFENCES[o].reference})" for o in rule.offences)
        rows.append(_row(TEXTS["offences"], escape(offences)))
    rows.append(_row(TEXTS["quote"], f"<blockquote><p>{escape(rule.quote)}</p></blockquote>"))
    rows.append(_row(TEXTS["source"], _source(rule.source, root)))
    return (
        f'<section class="rules-entry" id="{anchor("regel", rule.id)}" data-rule="{rule.id}"'
        f' aria-labelledby="{anchor("regel", rule.id)}-titel">'
        f'<h4 id="{anchor("regel", rule.id)}-titel">{escape(rule_title(rule, number))}</h4>'
        f'<dl>{"".join(rows)}</dl></section>'
    )


def _match(match: Match) -> str:
    """A rule's condition on one answer, e.g. »Hvad er der sket?« Trusler eller Falsk profil."""
    question = QUESTIONS_BY_ID[match.field]
    wrap = (lambda value: [value]) if question.kind == "multiple" else (lambda value: value)
    values = TEXTS["or"].join(answer_label(match.field, wrap(value)) for value in match.values)
    return f"»{question.label}« {values}"


def offences_block(context: PageContext) -> str:
    """Every offence the guide can name, with its paragraph and whether the guideline names it."""
    entries = []
    for offence in OFFENCES.values():
        basis = TEXTS["guideline_basis"] if offence.basis == "guideline" else TEXTS["legal_notes_basis"]
        rows = [
            _row(TEXTS["reference"], escape(offence.reference)),
            _row(TEXTS["about"], escape(f"{basis} {offence.info}")),
            _row(TEXTS["source"], _source(offence.source, context.root)),
        ]
        entries.append(_entry("overtraedelse", "offence", offence.id, escape(offence.label), rows))
    return _list(entries)


def questions_block(context: PageContext) -> str:
    """Every question in the order the guide asks it, with its options and when it is asked."""
    entries = []
    for number, question in enumerate(QUESTIONS, 1):
        rows = [_row(TEXTS["asked"], escape(question.asked_if.description))]
        if question.hint:
            rows.append(_row(TEXTS["hint"], escape(question.hint)))
        for role, (label, hint) in question.by_role.items():
            role_name = TEXTS["by_role"].format(role=ROLE_LABELS[role].lower())
            rows.append(_row(role_name, escape(f"{label} {hint}".strip())))
        if question.unknown_for is not None:
            roles = ", ".join(ROLE_LABELS[role].lower() for role in question.unknown_for)
            rows.append(_row(TEXTS["unknown_for"], escape(roles)))
        rows.append(_row(TEXTS["answer_kind"], escape(ANSWER_KINDS[question.kind])))
        if question.options:
            options = "".join(
                f'<li data-option="{escape(option.id)}">{escape(option.label)}'
                + (f' <span class="rules-hint">– {escape(option.hint)}</span>' if option.hint else "")
                + "</li>"
                for option in question.options
            )
            rows.append(_row(TEXTS["options"], f"<ul>{options}</ul>"))
        rows.append(_row(TEXTS["source"], _source(question.source, context.root)))
        entries.append(_entry("spoergsmaal", "question", question.id, f"{number}. {escape(question.label)}", rows))
    return _list(entries)


def _text_source(text: Text, root: str) -> str:
    """The link to a text's guideline section, or what it is when it is not the guideline."""
    if text.source is None:
        return basis_mark(text.basis)
    return _source(text.source, root)


def steps_block(context: PageContext) -> str:
    """Every role's checklist in the guide's order, each step as :func:`_step` shows it."""
    parts = []
    for role in ROLES:
        items = "".join(_step(step, role, context.root) for step in STEPS[role])
        parts.append(
            f'<h3 id="{anchor("skridt", role)}">{escape(ROLE_LABELS[role])}</h3>'
            f'<ol class="rules-steps" data-role="{role}">{items}</ol>'
        )
    return "".join(parts)


def _step(step: Step, role: str, root: str) -> str:
    """A step with the condition that shows it, the group the result puts it under, and the guide's how-to.

    The group's heading and the how-to are rendered as the result renders them, so the owners read the
    words a user reads, the how-to under the label that says it is not the guideline.
    """
    group = GROUP_OF_STEP[step.id]
    return (
        f'<li data-step="{step.id}"><p>{escape(step_text(step, role))}</p>'
        f"{_condition(step.when.description, _text_source(step.text, root))}"
        f'<p class="rules-condition" data-step-group="{group}"><strong>{TEXTS["due"]}:</strong> '
        f'{escape(UI["group_" + group])}</p>'
        f"{howto_block(howto_for(step.id), root)}</li>"
    )


def notes_block(context: PageContext) -> str:
    """The notes a result can carry and when, then the legal information and when."""
    notes = "".join(
        f'<li data-note="{id}"><p>{escape(NOTES[id].text)}</p>'
        + "".join(
            f'<p data-role="{role}">{escape(TEXTS["by_role"].format(role=ROLE_LABELS[role].lower()))}: '
            f"{escape(text)}</p>"
            for role, text in NOTES[id].by_role.items()
        )
        + f"{_condition(when.description, _text_source(NOTES[id], context.root))}</li>"
        for id, when in NOTE_RULES
    )
    legal = "".join(
        f'<li data-legal="{id}"><p>{escape(LEGAL_INFO[id].text)} <em>({escape(LEGAL_INFO[id].reference)})</em></p>'
        f"{_condition(when.description)}</li>"
        for id, when in LEGAL_INFO_RULES
    )
    return (
        f'<h3 id="noter-i-resultatet">{TEXTS["notes"]}</h3><ul class="rules-notes">{notes}</ul>'
        f'<h3 id="lovgrundlag-i-resultatet">{TEXTS["legal"]}</h3>'
        f'<p class="rules-legal-intro">{TEXTS["legal_info"]} '
        f'<a href="{escape(context.root)}lovgrundlag/">{TEXTS["legal_link"]}</a></p>'
        f'<ul class="rules-notes">{legal}</ul>'
    )
