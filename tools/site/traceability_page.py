"""The traceability table on ``saadan-vurderer-guiden/``: the guideline sentence by sentence, and what the guide does.

The table comes from ``content/traceability.yaml`` (see :mod:`tools.content.texts.traceability`), checked
against the guideline, the engine and the web edition each time the block is built: a
problem stops the build. Sentences are shown in the guideline's order, grouped by page and
section of the web edition; each use links to its entry further up the same page (the
anchors of :mod:`tools.site.rules_page`), each sentence the guide does not use gives the reason,
and a sentence the web edition corrects says so.
"""

from html import escape

from tools.content import guideline_text, traceability
from tools.content.guideline_text import split_sentences
from tools.content.traceability import Entry, Table, Use, WebSection
from tools.site.placeholders import PageContext
from tools.site.rules_page import anchor
from wizard import content
from wizard.notes import LEGAL_INFO, NOTES
from wizard.questions import QUESTIONS_BY_ID
from wizard.rules import OFFENCES, RULES_BY_ID
from wizard.screens.markup import source_link
from wizard.steps import STEPS
from wizard.texts import CATEGORY_LABELS, DEADLINE_LABELS, ROLE_LABELS

# The table's own words (content/texts/pages.yaml).
TEXTS = {
    name: content.text("pages", f"trace.{name}")
    for name in (
        "summary", "corrections", "corrections_intro", "adopted", "published", "why", "where", "sentence", "guide",
        "not_used", "note", "corrected",
    )
}

# What a use links to, by the kind of its engine id.
KIND_LABELS = {kind: content.text("pages", f"trace.kind.{kind}") for kind in traceability.KINDS}


def _first_sentence(text: str) -> str:
    return split_sentences(text)[0]


def _target(use: Use) -> tuple[str, str]:
    """The anchor on the same page that shows the engine item, and what the item says."""
    kind, id = use.kind, use.id
    if kind == "question":
        return anchor("spoergsmaal", id), f"»{QUESTIONS_BY_ID[id].label}«"
    if kind == "option":
        question_id, option_id = id.split("/")
        question = QUESTIONS_BY_ID[question_id]
        label = next(o.label for o in question.options if o.id == option_id)
        return anchor("spoergsmaal", question_id), f"»{question.label}« {label}"
    if kind == "rule":
        return anchor("regel", id), _first_sentence(RULES_BY_ID[id].outcome)
    if kind == "offence":
        offence = OFFENCES[id]
        return anchor("overtraedelse", id), f"{offence.label} ({offence.reference})"
    if kind == "category":
        return "kategorier", CATEGORY_LABELS[id].text
    if kind == "step":
        role, step_id = id.split("/")
        step = next(step for step in STEPS[role] if step.id == step_id)
        return anchor("skridt", role), f"{ROLE_LABELS[role]}: {_first_sentence(step.text.text)}"
    if kind == "note":
        return "noter-i-resultatet", _first_sentence(NOTES[id].text)
    if kind == "legal":
        return "lovgrundlag-i-resultatet", LEGAL_INFO[id].reference
    return anchor("regler", "deadline"), DEADLINE_LABELS[id]


def _use(use: Use) -> str:
    target, says = _target(use)
    return (
        f'<li data-trace-use="{escape(use.kind)}:{escape(use.id)}"><a href="#{target}">{KIND_LABELS[use.kind]}</a> '
        f"<code>{escape(use.id)}</code> – {escape(says)}</li>"
    )


def _row(entry: Entry, table: Table) -> str:
    corrected = "".join(
        f'<p class="trace-correction" data-trace-correction>'
        f"{escape(TEXTS['corrected'].format(adopted=c.adopted, published=c.published, note=c.note))}</p>"
        for c in traceability.corrections_in(entry, table.corrections)
    )
    if entry.uses:
        guide = f'<ul class="trace-uses">{"".join(_use(use) for use in entry.uses)}</ul>'
        if entry.note:
            guide += f'<p class="trace-note"><strong>{TEXTS["note"]}</strong> {escape(entry.note)}</p>'
    else:
        guide = f'<p class="trace-reason"><strong>{TEXTS["not_used"]}</strong> {escape(entry.reason)}</p>'
    status = "used" if entry.uses else "reason"
    return (
        f'<tr data-trace-line="{entry.line}" data-trace-status="{status}">'
        f'<td><p class="trace-sentence">{escape(" ".join(entry.text.split()))}</p>{corrected}</td><td>{guide}</td></tr>'
    )


def _section(section: WebSection, entries: list[Entry], table: Table, root: str) -> str:
    rows = "".join(_row(entry, table) for entry in entries)
    return (
        f'<h3 id="spor-{section.anchor}">{escape(section.title)}</h3>'
        f'<p class="trace-source">{source_link(section.href, root, section.title)}</p>'
        f'<table class="trace-table" data-trace-section="{section.anchor}">'
        f'<thead><tr><th scope="col">{TEXTS["sentence"]}</th><th scope="col">{TEXTS["guide"]}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _corrections(table: Table, sections: dict[str, WebSection], root: str) -> str:
    rows = "".join(
        f'<tr data-trace-correction-of="{escape(c.adopted)}"><td>{escape(c.adopted)}</td><td>{escape(c.published)}</td>'
        f'<td>{escape(c.note)}</td><td><a href="{escape(root + sections[c.section].href)}">'
        f"{escape(sections[c.section].title)}</a></td></tr>"
        for c in table.corrections
    )
    return (
        f'<h3 id="spor-rettelser">{TEXTS["corrections"]}</h3><p>{TEXTS["corrections_intro"]}</p>'
        f'<table class="trace-corrections"><thead><tr><th scope="col">{TEXTS["adopted"]}</th>'
        f'<th scope="col">{TEXTS["published"]}</th><th scope="col">{TEXTS["why"]}</th>'
        f'<th scope="col">{TEXTS["where"]}</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def traceability_block(context: PageContext) -> str:
    """The checked table as HTML: a summary, the web edition's corrections, then the sentences section by section."""
    table = traceability.checked()
    sections = traceability.web_sections()
    body = guideline_text.read().plain
    entries = sorted(table.entries, key=lambda entry: body.find(entry.pieces[0]))
    by_section: dict[str, list[Entry]] = {}
    for entry in entries:
        by_section.setdefault(entry.section, []).append(entry)
    used = sum(1 for entry in entries if entry.uses)
    parts = [
        f'<p class="trace-summary" data-trace-summary>'
        f"{TEXTS['summary'].format(total=len(entries), used=used, unused=len(entries) - used)}</p>",
        _corrections(table, sections, context.root),
    ]
    parts.extend(_section(sections[id], grouped, table, context.root) for id, grouped in by_section.items())
    return "".join(parts)
