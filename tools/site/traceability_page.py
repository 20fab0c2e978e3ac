"""The owners' first page, ``saadan-vurderer-guiden/``: the guideline sentence by sentence, and what the guide does.

The table comes from ``content/traceability.yaml`` (see :mod:`tools.content.traceability`), checked
against the guideline, the engine and the web edition each time the block is built: a problem stops
the build. Sentences are shown in the guideline's order, one table per section of the web edition;
each use names what the guide does in its own Danish words and links to it on the owners' other pages
(the anchors of :mod:`tools.site.rules_page`), each sentence the guide does not use gives the reason,
a sentence the web edition corrects says so, and a sentence the guide reads in a way the owners must
confirm points to that reading (``content/readings.yaml``, :mod:`tools.content.readings`), listed with
its status in a block of its own. Each row carries what the page's filter (``trace-filter.mjs``) reads:
its section, the roles whose steps use it, whether the guide uses it and whether a reading rests on it.

The web edition's own changes (its corrections of typos, and the headings it adds) are listed here for
the owners, instead of as notes between the guideline's paragraphs.
"""

import re
from html import escape

from tools.content import edition_review, guideline_text, readings, traceability
from tools.content.guideline_text import split_sentences
from tools.content.readings import Reading
from tools.content.traceability import Entry, Table, Use, WebSection
from tools.site import rules_page
from tools.site.legal_page import danish_date
from tools.site.placeholders import PageContext
from wizard import content
from wizard.contract import ROLES
from wizard.notes import LEGAL_INFO, NOTES
from wizard.questions import QUESTIONS_BY_ID
from wizard.rules import OFFENCES, RULES_BY_ID
from wizard.screens.markup import source_link
from wizard.steps import STEPS
from wizard.texts import CATEGORY_LABELS, DEADLINE_LABELS, ROLE_LABELS

# The page's own words (content/texts/pages.yaml).
TEXTS = {
    name: content.text("pages", f"trace.{name}")
    for name in (
        "summary", "corrections", "corrections_intro", "adopted", "published", "why", "where", "sentence", "guide",
        "not_used", "note", "corrected", "reading", "filter", "filter_section", "filter_role", "filter_use",
        "all_sections", "all_roles", "all_uses", "used", "unused", "with_reading", "count", "no_match", "added",
        "added_intro", "added_heading", "added_box", "added_navigation",
    )
}
READING_TEXTS = {
    name: content.text("pages", f"readings.{name}")
    for name in (
        "intro", "title", "sentence", "reading", "alternative", "changes", "decides", "status", "decided", "signoff"
    )
}
REVIEW_TEXTS = {
    name: content.text("pages", f"review.{name}") for name in ("reviewed", "places", "updated", "number", "kept")
}
STATUS_LABELS = {status: content.text("pages", f"readings.status.{status}") for status in readings.STATUSES}

# The one line on each page of the guideline that says where the web edition's changes are listed (the pages'
# notice, overrides/partials/guideline-notice.html, links it to the list on this page).
WEB_EDITION_NOTE = {name: content.text("pages", f"web_edition_{name}") for name in ("note", "link")}

# What a use is, by the kind of its engine id.
KIND_LABELS = {kind: content.text("pages", f"trace.kind.{kind}") for kind in traceability.KINDS}

_WEB_BOX = re.compile(r'^!!! \w+ "(.+)"$', re.M)


def _first_sentence(text: str) -> str:
    return split_sentences(text)[0]


def describe(use: Use, root: str) -> tuple[str, str, str]:
    """Where an engine item is shown on the owners' pages, what kind of item it is, and what it says, in the
    guide's own words."""
    href, says = _described(use, root)
    if use.kind == "rule":
        return href, rules_page.TEXTS["rule_label"].format(number=rules_page.rule_numbers()[use.id]), says
    return href, KIND_LABELS[use.kind], says


def _described(use: Use, root: str) -> tuple[str, str]:
    kind, id = use.kind, use.id
    if kind == "question":
        return rules_page.href(root, "spoergsmaal", id), f"»{QUESTIONS_BY_ID[id].label}«"
    if kind == "option":
        question_id, option_id = id.split("/")
        question = QUESTIONS_BY_ID[question_id]
        label = next(o.label for o in question.options if o.id == option_id)
        return rules_page.href(root, "spoergsmaal", question_id), f"»{question.label}« {label}"
    if kind == "rule":
        return rules_page.href(root, "regel", id), _first_sentence(RULES_BY_ID[id].outcome)
    if kind == "offence":
        offence = OFFENCES[id]
        return rules_page.href(root, "overtraedelse", id), f"{offence.label} ({offence.reference})"
    if kind == "category":
        return rules_page.href(root, "kategorier"), CATEGORY_LABELS[id].text
    if kind == "step":
        role, step_id = id.split("/")
        step = next(step for step in STEPS[role] if step.id == step_id)
        return rules_page.href(root, "skridt", role), f"{ROLE_LABELS[role]}: {_first_sentence(step.text.text)}"
    if kind == "note":
        return rules_page.href(root, "noter-i-resultatet"), _first_sentence(NOTES[id].text)
    if kind == "legal":
        return rules_page.href(root, "lovgrundlag-i-resultatet"), LEGAL_INFO[id].reference
    return rules_page.href(root, "regler", "deadline"), DEADLINE_LABELS[id]


def _use(use: Use, root: str) -> str:
    target, kind, says = describe(use, root)
    return (
        f'<li data-trace-use="{escape(use.kind)}:{escape(use.id)}"><strong>{escape(kind)}:</strong> '
        f'<a href="{escape(target)}">{escape(says)}</a></li>'
    )


def section_roles() -> dict[str, str]:
    """The sections whose steps all belong to one role (a role's own checklist), by anchor."""
    roles: dict[str, set[str]] = {}
    for role, steps in STEPS.items():
        for step in steps:
            if step.text.source is not None:
                roles.setdefault(step.text.source.anchor, set()).add(role)
    return {anchor: next(iter(found)) for anchor, found in roles.items() if len(found) == 1}


def entry_roles(entry: Entry, by_section: dict[str, str]) -> list[str]:
    """The roles a sentence concerns: those whose steps use it, and the role whose checklist it stands in."""
    found = {use.id.split("/")[0] for use in entry.uses if use.kind == "step"}
    if entry.section in by_section:
        found.add(by_section[entry.section])
    return [role for role in ROLES if role in found]


def _reading_anchor(reading: Reading) -> str:
    return f'laesning-{reading.id.replace("_", "-")}'


def _row(entry: Entry, table: Table, found: list[Reading], roles: list[str], root: str) -> str:
    corrected = "".join(
        f'<p class="trace-correction" data-trace-correction>'
        f"{escape(TEXTS['corrected'].format(adopted=c.adopted, published=c.published, note=c.note))}</p>"
        for c in traceability.corrections_in(entry, table.corrections)
    )
    if entry.uses:
        guide = f'<ul class="trace-uses">{"".join(_use(use, root) for use in entry.uses)}</ul>'
        if entry.note:
            guide += f'<p class="trace-note"><strong>{TEXTS["note"]}</strong> {escape(entry.note)}</p>'
    else:
        guide = f'<p class="trace-reason"><strong>{TEXTS["not_used"]}</strong> {escape(entry.reason)}</p>'
    guide += "".join(
        f'<p class="trace-reading" data-trace-reading-of="{reading.id}"><strong>{TEXTS["reading"]}</strong> '
        f'<a href="#{_reading_anchor(reading)}">{escape(_first_sentence(reading.reading))}</a> '
        f'<span class="trace-status" data-status="{reading.status}">{escape(STATUS_LABELS[reading.status])}</span></p>'
        for reading in found
    )
    status = "used" if entry.uses else "reason"
    return (
        f'<tr data-trace-line="{entry.line}" data-trace-status="{status}" data-trace-roles="{" ".join(roles)}"'
        f' data-trace-reading="{"yes" if found else "no"}">'
        f'<td><p class="trace-sentence">{escape(" ".join(entry.text.split()))}</p>{corrected}</td><td>{guide}</td></tr>'
    )


def _section(section: WebSection, rows: str, root: str) -> str:
    return (
        f'<section class="trace-part" data-trace-part="{section.anchor}">'
        f'<h3 id="spor-{section.anchor}">{escape(section.title)}</h3>'
        f'<p class="trace-source">{source_link(section.href, root, section.title)}</p>'
        f'<table class="trace-table" data-trace-section="{section.anchor}">'
        f'<thead><tr><th scope="col">{TEXTS["sentence"]}</th><th scope="col">{TEXTS["guide"]}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (
        f'<div class="trace-filter__field"><label for="trace-filter-{name}">{escape(label)}</label>'
        f'<select id="trace-filter-{name}" name="{name}">{choices}</select></div>'
    )


def _filter(sections: list[WebSection], total: int) -> str:
    """The filter's form: hidden until its script shows it, so a reader without JavaScript sees every sentence."""
    fields = (
        _select(
            "section", TEXTS["filter_section"], [("", TEXTS["all_sections"])] + [(s.anchor, s.title) for s in sections]
        )
        + _select("role", TEXTS["filter_role"], [("", TEXTS["all_roles"])] + [(r, ROLE_LABELS[r]) for r in ROLES])
        + _select(
            "use",
            TEXTS["filter_use"],
            [("", TEXTS["all_uses"]), ("used", TEXTS["used"]), ("reason", TEXTS["unused"]),
             ("reading", TEXTS["with_reading"])],
        )
    )
    return (
        f'<form class="trace-filter" data-trace-filter hidden aria-label="{escape(TEXTS["filter"])}"'
        f' data-count="{escape(TEXTS["count"])}" data-total="{total}">'
        f'<div class="trace-filter__fields">{fields}</div>'
        f'<p class="trace-filter__count" data-trace-count role="status"></p>'
        f'<p class="trace-filter__none" data-trace-none hidden>{escape(TEXTS["no_match"])}</p></form>'
    )


def ordered_entries(table: Table) -> list[Entry]:
    """The table's sentences in the guideline's order."""
    body = guideline_text.read().plain
    return sorted(table.entries, key=lambda entry: body.find(entry.pieces[0]))


def traceability_block(context: PageContext) -> str:
    """The checked table as HTML: a summary, the filter, then the sentences section by section."""
    table = traceability.checked()
    found_readings = readings.checked()
    sections = traceability.web_sections()
    entries = ordered_entries(table)
    by_section: dict[str, list[Entry]] = {}
    for entry in entries:
        by_section.setdefault(entry.section, []).append(entry)
    roles = section_roles()
    used = sum(1 for entry in entries if entry.uses)
    parts = [
        f'<p class="trace-summary" data-trace-summary>'
        f"{TEXTS['summary'].format(total=len(entries), used=used, unused=len(entries) - used)}</p>",
        _filter([sections[id] for id in by_section], len(entries)),
    ]
    for id, grouped in by_section.items():
        rows = "".join(
            _row(entry, table, readings.readings_of(entry, found_readings), entry_roles(entry, roles), context.root)
            for entry in grouped
        )
        parts.append(_section(sections[id], rows, context.root))
    return "".join(parts)


def readings_block(context: PageContext) -> str:
    """Every reading with its sentence, the reading, the alternative, what would change, what it decides, its status."""
    sections = traceability.web_sections()
    found = readings.checked()
    items = []
    for number, reading in enumerate(found, 1):
        section = sections[reading.section]
        decides = "".join(_use(use, context.root) for use in reading.uses)
        decided = (
            f"<dt>{READING_TEXTS['decided']}</dt><dd>{escape(reading.decided)}</dd>" if reading.decided else ""
        )
        items.append(
            f'<section class="reading" id="{_reading_anchor(reading)}" data-reading="{reading.id}"'
            f' data-status="{reading.status}">'
            f"<h3>{escape(READING_TEXTS['title'].format(number=number, section=section.title))} "
            f'<span class="trace-status" data-status="{reading.status}">{escape(STATUS_LABELS[reading.status])}'
            "</span></h3><dl>"
            f"<dt>{READING_TEXTS['sentence']}</dt><dd><blockquote><p>{escape(' '.join(reading.text.split()))}</p>"
            f"</blockquote>{source_link(section.href, context.root, section.title)}</dd>"
            f"<dt>{READING_TEXTS['reading']}</dt><dd>{escape(reading.reading)}</dd>"
            f"<dt>{READING_TEXTS['alternative']}</dt><dd>{escape(reading.alternative)}</dd>"
            f"<dt>{READING_TEXTS['changes']}</dt><dd>{escape(reading.changes)}</dd>"
            f'<dt>{READING_TEXTS["decides"]}</dt><dd><ul class="trace-uses">{decides}</ul></dd>'
            f"<dt>{READING_TEXTS['status']}</dt><dd>{escape(STATUS_LABELS[reading.status])}</dd>{decided}"
            "</dl>"
            # On paper, a pending reading gets a line for the owners' decision at their meeting.
            + (
                f'<p class="reading__signoff" data-reading-signoff>{escape(READING_TEXTS["signoff"])}</p>'
                if reading.status == "afventer"
                else ""
            )
            + "</section>"
        )
    counts = {status: sum(1 for r in found if r.status == status) for status in readings.STATUSES}
    intro = READING_TEXTS["intro"].format(total=sum(counts.values()), **counts)
    return f'<p class="readings-intro" data-readings-summary>{escape(intro)}</p>{"".join(items)}'


def added_headings() -> list[tuple[WebSection, str]]:
    """The headings and box titles the web edition adds to the adopted text, each with its section."""
    table = traceability.load()
    sections = traceability.web_sections()
    adopted = {traceability.published(heading, table.corrections) for heading in guideline_text.read().headings}
    found = [(section, "heading") for section in sections.values() if section.title not in adopted]
    for path in sorted(traceability.WEB_EDITION.glob("*.md")):
        current = None
        for line in path.read_text(encoding="utf-8").splitlines():
            heading = traceability.WEB_HEADING.match(line)
            if heading:
                current = heading.group(2)
            box = _WEB_BOX.match(line.strip())
            if box and current:
                found.append((sections[current], box.group(1)))
    return found


def web_edition_block(context: PageContext) -> str:
    """The web edition's corrections of the adopted text, then the headings and box titles it adds."""
    table = traceability.checked()
    sections = traceability.web_sections()
    rows = "".join(
        f'<tr data-trace-correction-of="{escape(c.adopted)}"><td>{escape(c.adopted)}</td><td>{escape(c.published)}</td>'
        f'<td>{escape(c.note)}</td><td><a href="{escape(context.root + sections[c.section].href)}">'
        f"{escape(sections[c.section].title)}</a></td></tr>"
        for c in table.corrections
    )
    added = "".join(
        f'<li data-web-added="{section.anchor}">'
        + escape(
            TEXTS["added_heading"].format(title=section.title)
            if kind == "heading"
            else TEXTS["added_box"].format(title=kind, section=section.title)
        )
        + f' <a href="{escape(context.root + section.href)}">{escape(section.title)}</a></li>'
        for section, kind in added_headings()
    )
    return (
        f'<h3 id="spor-rettelser">{TEXTS["corrections"]}</h3><p>{TEXTS["corrections_intro"]}</p>'
        f'<table class="trace-corrections"><thead><tr><th scope="col">{TEXTS["adopted"]}</th>'
        f'<th scope="col">{TEXTS["published"]}</th><th scope="col">{TEXTS["why"]}</th>'
        f'<th scope="col">{TEXTS["where"]}</th></tr></thead><tbody>{rows}</tbody></table>'
        f'<h3 id="spor-tilfoejet">{TEXTS["added"]}</h3><p>{TEXTS["added_intro"]}</p>'
        f'<ul class="web-added">{added}</ul><p>{TEXTS["added_navigation"]}</p>'
    )


def reviewed_block(context: PageContext) -> str:
    """When the guide was last reviewed against the adopted text, and how each place that review found was settled.

    The build has already refused to go on while a place waits (:mod:`tools.content.edition_review`).
    """
    review = edition_review.load()
    said = REVIEW_TEXTS["reviewed"].format(
        reviewed=danish_date(review.reviewed), by=review.reviewed_by, adopted=danish_date(review.adopted)
    )
    parts = [f'<p class="review-date" data-guideline-reviewed="{review.reviewed.isoformat()}">{escape(said)}</p>']
    if review.places:
        items = "".join(
            f'<li data-review-place="{escape(place.kind)}">{escape(place.what)}: {escape(_settled(place))}</li>'
            for place in review.places
        )
        parts.append(f'<p>{escape(REVIEW_TEXTS["places"].format(count=len(review.places)))}</p><ul>{items}</ul>')
    return "".join(parts)


def _settled(place: edition_review.Place) -> str:
    if place.kind == "number":
        return REVIEW_TEXTS["number"].format(value=place.value)
    if place.reason:
        return REVIEW_TEXTS["kept"].format(reason=place.reason)
    return REVIEW_TEXTS["updated"]
