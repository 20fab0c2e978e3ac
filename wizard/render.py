"""HTML for the guide's screens: a question, the answers to check, the result, the fallback.

The same functions render the first question into the page at build time and every
screen in the browser, so both look alike. Every text is escaped; links to the
guideline are relative to ``root``, the path from the current page to the site root.
"""

from collections.abc import Mapping

from wizard import questions
from wizard.contract import parse_now
from wizard.danish_time import long_datetime
from wizard.guideline import GUIDELINE_ADOPTED, GUIDELINE_ADOPTED_BY, Section
from wizard.steps import STEPS
from wizard.texts import CONTACT_LABELS, ROLE_LABELS

# html.escape would do, but importing html also loads html.entities (a large table this
# module never needs) at every start of the guide in the browser.
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """``text`` safe inside HTML text and quoted attribute values (as ``html.escape``)."""
    return str(text).translate(_HTML_ESCAPES)


# The guide's own words (buttons, headings, status lines). Engine content has its own texts.
UI = {
    "continue": "Fortsæt",
    "back": "Tilbage",
    "restart": "Start forfra",
    "clear": "Slet mine svar",
    "clear_hint": "Dine svar findes kun i denne fane og sendes ingen steder hen.",
    "error_title": "Der er et problem",
    "error_prefix": "Fejl:",
    "progress": "Spørgsmål {n}",
    "check_title": "Tjek dine svar",
    "check_intro": "Se dine svar igennem, før du får resultatet.",
    "check_change": "Ret",
    "check_submit": "Se resultatet",
    "time_label": "Klokkeslæt (hvis du kender det)",
    "time_hint": "Fx 09:30. Lad feltet stå tomt, hvis du ikke kender klokkeslættet.",
    "date_label": "Dato",
    "read_section": "Læs i retningslinjen: {title}",
    "loading": "Indlæser beslutningsguiden …",
    "ready": "Beslutningsguiden er klar.",
    "kept_while_loading": "Dit svar er gemt. Guiden går videre, så snart den er indlæst.",
    "copied": "Teksten er kopieret. Du kan sætte den ind i en e-mail eller i SafetyNet.",
    "copy_manually": "Teksten kunne ikke kopieres automatisk. Markér teksten i feltet, og kopiér den selv.",
}


def _attrs(**values: str) -> str:
    return "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in values.items())


def source_link(section: Section, root: str) -> str:
    """A link to a section of the guideline, labelled with its title."""
    label = UI["read_section"].format(title=section.title)
    return f'<a class="guide-source" href="{escape(root + section.href)}">{escape(label)}</a>'


def question_screen(
    question: "questions.Question",
    answers: Mapping,
    *,
    root: str,
    form: Mapping[str, list[str]] | None = None,
    errors: Mapping[str, str] | None = None,
    first: bool = False,
) -> str:
    """One question as a GOV.UK-style form: heading, hint, error summary, options, Fortsæt."""
    errors = errors or {}
    if form is None:
        form = questions.form_values(question.id, answers[question.id]) if question.id in answers else {}
    asked = questions.asked(answers)
    position = next((i for i, q in enumerate(asked, 1) if q.id == question.id), len(asked))
    progress = UI["progress"].format(n=position)
    described = " ".join(
        part for part, present in ((f"{question.id}-hint", question.hint), (f"{question.id}-error", question.id in errors)) if present
    )
    parts = [f'<form class="guide-form" data-question="{question.id}" novalidate>']
    if not first:
        parts.append(f'<a class="guide-back" href="#" data-guide-action="back">{UI["back"]}</a>')
    if errors:
        parts.append(_error_summary(question, errors))
    parts.append(
        f'<fieldset class="guide-fieldset{" guide-fieldset--error" if errors else ""}"'
        + (f' aria-describedby="{described}"' if described else "")
        + ">"
        # The progress is part of the heading, so it is read out when focus moves to the new screen.
        f'<legend class="guide-legend"><h1 class="guide-question" tabindex="-1" data-guide-focus>'
        f'<span class="guide-progress">{escape(progress)}</span> {escape(question.label)}</h1></legend>'
    )
    if question.hint:
        parts.append(f'<div class="guide-hint" id="{question.id}-hint">{escape(question.hint)} {source_link(question.source, root)}</div>')
    for field, message in errors.items():
        parts.append(
            f'<p class="guide-error-message" id="{escape(field)}-error">'
            f'<span class="guide-visually-hidden">{UI["error_prefix"]}</span> {escape(message)}</p>'
        )
    parts.append(_inputs(question, form))
    parts.append("</fieldset>")
    parts.append(f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["continue"]}</button>')
    parts.append("</form>")
    parts.append(_session_actions(first))
    return "".join(parts)


def _error_summary(question: "questions.Question", errors: Mapping[str, str]) -> str:
    items = "".join(
        f'<li><a href="#{escape(_first_input_id(question, field))}">{escape(message)}</a></li>'
        for field, message in errors.items()
    )
    return (
        '<div class="guide-error-summary" role="alert" tabindex="-1" data-guide-focus>'
        f'<h2 class="guide-error-summary__title">{UI["error_title"]}</h2><ul>{items}</ul></div>'
    )


def _first_input_id(question: "questions.Question", field: str) -> str:
    if question.kind == "date_time":
        return field
    return f"{question.id}-{question.options[0].id}"


def _inputs(question: "questions.Question", form: Mapping[str, list[str]]) -> str:
    if question.kind == "date_time":
        day = (form.get(question.id) or [""])[0]
        clock = (form.get(f"{question.id}_time") or [""])[0]
        time_field = f"{question.id}_time"
        return (
            '<div class="guide-date-time">'
            f'<div class="guide-field"><label for="{question.id}">{UI["date_label"]}</label>'
            f'<input type="date" id="{question.id}" name="{question.id}" value="{escape(day)}" required'
            f' autocomplete="off"></div>'
            f'<div class="guide-field"><label for="{time_field}">{UI["time_label"]}</label>'
            f'<div class="guide-hint" id="{time_field}-hint">{UI["time_hint"]}</div>'
            f'<input type="time" id="{time_field}" name="{time_field}" value="{escape(clock)}"'
            f' aria-describedby="{time_field}-hint" autocomplete="off"></div></div>'
        )
    input_type = "checkbox" if question.kind == "multiple" else "radio"
    chosen = set(form.get(question.id, ()))
    layout = " guide-options--scale" if question.kind == "scale" else ""
    items = []
    for option in question.options:
        input_id = f"{question.id}-{option.id}"
        hint_id = f"{input_id}-hint"
        hint = f'<div class="guide-option__hint" id="{hint_id}">{escape(option.hint)}</div>' if option.hint else ""
        items.append(
            f'<div class="guide-option"><input class="guide-option__input" type="{input_type}" id="{input_id}"'
            f' name="{question.id}" value="{escape(option.id)}"'
            + (" checked" if option.id in chosen else "")
            + (f' aria-describedby="{hint_id}"' if option.hint else "")
            + f'><label class="guide-option__label" for="{input_id}">{escape(option.label)}</label>{hint}</div>'
        )
    return f'<div class="guide-options guide-options--{input_type}{layout}">{"".join(items)}</div>'


def _session_actions(first: bool = False) -> str:
    restart = "" if first else (
        f'<button type="button" class="guide-link-button" data-guide-action="restart">{UI["restart"]}</button>'
    )
    return (
        f'<div class="guide-session">{restart}'
        f'<button type="button" class="guide-link-button" data-guide-action="clear">{UI["clear"]}</button>'
        f'<span class="guide-session__hint">{UI["clear_hint"]}</span></div>'
    )


def check_screen(answers: Mapping, *, root: str) -> str:
    """The answers so far, each with a "Ret" button, and the button to see the result."""
    rows = []
    for question in questions.asked(answers):
        label = questions.answer_label(question.id, answers[question.id])
        rows.append(
            '<div class="guide-summary__row">'
            f'<dt class="guide-summary__key">{escape(question.label)}</dt>'
            f'<dd class="guide-summary__value">{escape(label)}</dd>'
            f'<dd class="guide-summary__action"><button type="button" class="guide-link-button"'
            f' data-guide-action="change" data-question="{question.id}">{UI["check_change"]}'
            f'<span class="guide-visually-hidden"> {escape(question.label)}</span></button></dd></div>'
        )
    return (
        '<form class="guide-form" data-check="answers" novalidate>'
        f'<a class="guide-back" href="#" data-guide-action="back">{UI["back"]}</a>'
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{UI["check_title"]}</h1>'
        f'<p>{UI["check_intro"]}</p><dl class="guide-summary">{"".join(rows)}</dl>'
        f'<button type="submit" class="md-button md-button--primary guide-submit">{UI["check_submit"]}</button>'
        "</form>" + _session_actions()
    )


def guideline_stamp() -> str:
    """Which guideline the guide implements, for every result and printout."""
    return f"Retningslinje vedtaget af {GUIDELINE_ADOPTED_BY}, {GUIDELINE_ADOPTED}"


RESULT_TITLE = "Det skal du gøre nu"
UI.update(
    {
        "stamp": "Vurderet {when}. {guideline}. Regelversion {version}.",
        "assessment": "Vurdering",
        "because": "Fordi du svarede:",
        "offences_intro": "Mulige overtrædelser (paragraffer fra lovgrundlaget – oplysning, ikke retningslinjen):",
        "deadlines": "Frister",
        "no_deadlines": "Ud fra dine svar er der ingen frister fra retningslinjen.",
        "overdue": "Fristen er overskredet.",
        "left": "{left} tilbage.",
        "counted_from_day": "Kun datoen er kendt, så fristen er regnet fra dagens start.",
        "decisions": "Handleplan og arbejdsulykke",
        "steps": "Næste skridt for dig ({role})",
        "other_steps": "Tjeklisten for {role}",
        "notes": "Vær opmærksom på",
        "legal": "Godt at vide – lovgrundlag",
        "legal_intro": "Oplysninger fra lovgrundlaget. De er ikke en del af den vedtagne retningslinje.",
        "legal_more": "Læs mere om lovgrundlaget",
        "print": "Udskriv",
        "calendar": "Hent frister til kalenderen (.ics)",
        "calendar_ready": "Kalenderfilen med fristerne er hentet.",
        "copy": "Kopiér som tekst",
        "copy_label": "Resultatet som tekst",
        "change_answers": "Ret dine svar",
        "cleared": "Dine svar er slettet.",
    }
)


def result_screen(result: Mapping, *, root: str) -> str:
    """The result: categories with reasons, deadlines, decisions, the role's steps and the rest."""
    labels = result["labels"]
    role_label = labels["roles"][result["role"]]
    parts = [
        '<section class="guide-result" data-result>',
        f'<h1 class="guide-question" tabindex="-1" data-guide-focus>{RESULT_TITLE}</h1>',
        f'<p class="guide-result__stamp">{escape(result_stamp(result))}</p>',
    ]
    parts.append(f'<h2 id="guide-vurdering">{UI["assessment"]}</h2>{_categories(result, root)}')
    parts.append(f'<h2 id="guide-frister">{UI["deadlines"]}</h2>{_deadlines(result, root)}')
    parts.append(
        f'<h2 id="guide-beslutninger">{UI["decisions"]}</h2><ul class="guide-decisions">'
        f'<li data-decision="action_plan">{escape(labels["action_plan"])}</li>'
        f'<li data-decision="work_accident">{escape(labels["work_accident"])}</li></ul>'
    )
    parts.append(
        f'<h2 id="guide-skridt">{escape(UI["steps"].format(role=role_label.lower()))}</h2>'
        + _steps(result["steps"], root, "data-step")
    )
    for role, steps in result["steps_by_role"].items():
        if role != result["role"]:
            parts.append(
                f'<details class="guide-other-role"><summary>'
                f'{escape(UI["other_steps"].format(role=labels["roles"][role].lower()))}</summary>'
                f'{_steps(steps, root, "data-other-step")}</details>'
            )
    if result["notes"]:
        items = "".join(
            f'<li data-note="{escape(note["id"])}">{escape(note["text"])} {_link(note["source"], root)}</li>'
            for note in result["notes"]
        )
        parts.append(f'<h2 id="guide-opmaerksom">{UI["notes"]}</h2><ul class="guide-notes">{items}</ul>')
    if result["legal_info"]:
        items = "".join(
            f'<li data-legal="{escape(info["id"])}">{escape(info["text"])} <em>({escape(info["reference"])})</em></li>'
            for info in result["legal_info"]
        )
        parts.append(
            f'<aside class="admonition info guide-legal"><p class="admonition-title">{UI["legal"]}</p>'
            f'<p>{UI["legal_intro"]}</p><ul>{items}</ul>'
            f'<p><a href="{escape(root)}lovgrundlag/">{UI["legal_more"]}</a></p></aside>'
        )
    parts.append(documentation_note())
    parts.append(_result_tools(result))
    parts.append("</section>")
    parts.append(_session_actions())
    return "".join(parts)


def result_stamp(result: Mapping) -> str:
    """When the result was made, from which guideline and rules version."""
    return UI["stamp"].format(
        when=long_datetime(parse_now(result["evaluated_at"])),
        guideline=guideline_stamp(),
        version=result["rules_version"],
    )


def _link(href: str, root: str, label: str = "Læs i retningslinjen") -> str:
    return f'<a class="guide-source" href="{escape(root + href)}">{escape(label)}</a>'


def _categories(result: Mapping, root: str) -> str:
    items = []
    for category in result["categories"]:
        reasons = []
        for reason in result["reasons"].get(category, ()):
            answered = ", ".join(answer["label"] for answer in reason["answers"])
            reasons.append(
                f'<li>{escape(reason["outcome"])} <span class="guide-reasons">{UI["because"]} '
                f'{escape(answered)}.</span> {_link(reason["source"], root)}</li>'
            )
        offences = ""
        if category == "criminal" and result["offences"]:
            offences = (
                f'<p class="guide-reasons">{UI["offences_intro"]}</p><ul>'
                + "".join(
                    f'<li data-offence="{escape(o["id"])}">{escape(o["label"])} – {escape(o["reference"])}</li>'
                    for o in result["offences"]
                )
                + "</ul>"
            )
        items.append(
            f'<li data-category="{escape(category)}"><span class="guide-category__title">'
            f'{escape(result["labels"]["categories"][category])}</span><ul>{"".join(reasons)}</ul>{offences}</li>'
        )
    return f'<ul class="guide-categories">{"".join(items)}</ul>'


def _deadlines(result: Mapping, root: str) -> str:
    if not result["deadlines"]:
        return f'<p data-no-deadlines>{UI["no_deadlines"]}</p>'
    items = []
    for deadline in result["deadlines"]:
        status = UI["overdue"] if deadline["overdue"] else UI["left"].format(left=time_left(deadline["seconds_left"]))
        extra = ""
        if deadline.get("counted_from_start_of_day"):
            extra = f'<span class="guide-reasons">{UI["counted_from_day"]}</span>'
        overdue = " guide-deadline--overdue" if deadline["overdue"] else ""
        items.append(
            f'<li class="guide-deadline{overdue}" data-deadline="{escape(deadline["id"])}"'
            f' data-overdue="{str(deadline["overdue"]).lower()}">'
            f'<strong>{escape(deadline["label"])}</strong>'
            f'<span class="guide-deadline__when"><time datetime="{escape(deadline["due"])}">'
            f'{escape(deadline["due_text"])}</time></span>'
            f'<span class="guide-deadline__left">{escape(status)}</span>{extra} {_link(deadline["source"], root)}</li>'
        )
    return f'<ul class="guide-deadlines">{"".join(items)}</ul>'


def time_left(seconds: int) -> str:
    """A positive duration in Danish, e.g. "2 døgn og 3 timer" or "45 minutter"."""
    minutes = max(0, seconds) // 60
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)

    def unit(n: int, one: str, many: str) -> str:
        return f"{n} {one if n == 1 else many}"

    if days:
        return unit(days, "døgn", "døgn") + (f" og {unit(hours, 'time', 'timer')}" if hours else "")
    if hours:
        return unit(hours, "time", "timer") + (f" og {unit(minutes, 'minut', 'minutter')}" if minutes else "")
    return unit(minutes, "minut", "minutter")


def _steps(steps, root: str, hook: str) -> str:
    items = []
    for step in steps:
        step_id = escape(step["id"])
        box_id = f"{hook}-{step_id}"
        items.append(
            f'<li {hook}="{step_id}"><input type="checkbox" id="{box_id}">'
            f'<div><label for="{box_id}">{escape(step["text"])}</label>'
            f'<span class="guide-step__source">{_link(step["source"], root)}</span>'
            f'{howto_block(step.get("howto"), root)}</div></li>'
        )
    return f'<ul class="guide-steps">{"".join(items)}</ul>'


def _result_tools(result: Mapping) -> str:
    calendar = (
        f'<button type="button" class="md-button" data-guide-action="calendar">{UI["calendar"]}</button>'
        if result["deadlines"]
        else ""
    )
    return (
        '<div class="guide-tools">'
        f'<button type="button" class="md-button" data-guide-action="print">{UI["print"]}</button>{calendar}'
        f'<button type="button" class="md-button" data-guide-action="copy">{UI["copy"]}</button>'
        f'<button type="button" class="md-button" data-guide-action="show" data-screen="check">'
        f'{UI["change_answers"]}</button>'
        f'</div><label class="guide-visually-hidden" for="guide-copy-text">{UI["copy_label"]}</label>'
        '<textarea id="guide-copy-text" class="guide-copy-text" data-guide-copy-text readonly hidden></textarea>'
    )


def cleared_notice() -> str:
    """The confirmation shown above the first question after "Slet mine svar"."""
    return f'<p class="guide-notice" role="status">{UI["cleared"]}</p>'


def static_checklists(*, root: str) -> str:
    """Every role's checklist from the guideline, each step with when it applies: the guide without Python."""
    parts = []
    for role, steps in STEPS.items():
        items = "".join(
            f'<li>{"" if step.when.name == "always" else f"<em>{escape(step.when.description)}</em> "}'
            f"{escape(step.text.text)} {_link(step.text.source.href, root)}</li>"
            for step in steps
        )
        parts.append(f"<h2>{escape(ROLE_LABELS[role])}</h2><ul>{items}</ul>")
    return "".join(parts)


# The guide's own help under a step (wizard.howto), and the documentation note on the result.
UI.update(
    {
        "howto": "Guidens hjælp – ikke en del af retningslinjen",
        "doc_note": "Note om hændelsen (valgfri)",
        "doc_note_intro": (
            "Skriv det ned, mens du husker det. Noten kommer med, når du kopierer resultatet som tekst eller "
            "udskriver det – så har du fakta klar til registreringen i SafetyNet og en eventuel politianmeldelse. "
            "Noten bliver kun i denne fane: den gemmes ikke og sendes ingen steder hen."
        ),
        "doc_note_where": "Hvor skete det?",
        "doc_note_where_hint": "Fx Facebook, e-mail, sms eller en anmeldelsesside.",
        "doc_note_address": "Adresse (URL) eller profilnavn",
        "doc_note_what": "Hvad blev skrevet eller gjort?",
        "doc_note_witnesses": "Hvem så det?",
        "doc_note_screenshots": "Er der taget skærmbilleder – og hvor er de gemt?",
        "doc_note_print": "Note om hændelsen",
    }
)
# The note's fields, in order: (id, label key, hint key or None, multi-line).
DOCUMENTATION_FIELDS = (
    ("where", "doc_note_where", "doc_note_where_hint", False),
    ("address", "doc_note_address", None, False),
    ("what", "doc_note_what", None, True),
    ("witnesses", "doc_note_witnesses", None, False),
    ("screenshots", "doc_note_screenshots", None, False),
)


def howto_block(howto: Mapping | None, root: str) -> str:
    """A step's how-to: the guide's label, its text, numbers to ring, pages to read and slots for contacts.

    The slots hold the contact's role; the page fills in the municipality's name, phone and e-mail from the
    contact cards rendered at build time (tools/contacts.py), because the engine never sees mkdocs.yml.
    """
    if not howto:
        return ""
    parts = [f'<div class="guide-howto"><p class="guide-howto__label">{UI["howto"]}</p>']
    if howto["text"]:
        parts.append(f'<p class="guide-howto__text">{escape(howto["text"])}</p>')
    actions = [
        f'<li><a href="tel:{escape(phone["number"])}" data-howto-phone="{escape(phone["number"])}">'
        f'{escape(phone["label"])}</a></li>'
        for phone in howto["phones"]
    ] + [
        f'<li><a href="{escape(root + link["href"])}" data-howto-page>{escape(link["label"])}</a></li>'
        for link in howto["links"]
    ]
    if actions:
        parts.append(f'<ul class="guide-howto__actions">{"".join(actions)}</ul>')
    for contact in howto["contacts"]:
        parts.append(
            f'<div class="guide-contact" data-contact-slot="{escape(contact)}">'
            f'<p class="guide-contact__role">{escape(CONTACT_LABELS[contact])}</p></div>'
        )
    parts.append("</div>")
    return "".join(parts)


def documentation_note() -> str:
    """The optional note's fields, and the block the page fills with the same text for printing.

    The fields sit in no <form>, so Enter never submits them into a URL; the page keeps what is typed in
    memory only (guide.js), and the browser is asked neither to remember nor to spell-check it remotely.
    """
    fields = []
    rows = []
    for field, label, hint, multiline in DOCUMENTATION_FIELDS:
        field_id = f"doc-note-{field}"
        described = f' aria-describedby="{field_id}-hint"' if hint else ""
        hint_html = f'<div class="guide-hint" id="{field_id}-hint">{UI[hint]}</div>' if hint else ""
        common = f'id="{field_id}" data-doc-note-field="{field}" autocomplete="off" spellcheck="false"{described}'
        control = f'<textarea {common} rows="4"></textarea>' if multiline else f'<input type="text" {common}>'
        fields.append(f'<div class="guide-field doc-note__field"><label for="{field_id}">{UI[label]}</label>{hint_html}{control}</div>')
        rows.append(
            f'<div data-doc-note-row hidden><dt>{UI[label]}</dt><dd data-doc-note-value="{field}"></dd></div>'
        )
    return (
        '<section class="doc-note" data-doc-note aria-labelledby="guide-note">'
        f'<h2 id="guide-note">{UI["doc_note"]}</h2><p class="doc-note__intro">{UI["doc_note_intro"]}</p>'
        f'<div class="doc-note__fields">{"".join(fields)}</div>'
        f'<div class="doc-note-print" data-doc-note-print hidden><h2>{UI["doc_note_print"]}</h2>'
        f'<dl>{"".join(rows)}</dl></div></section>'
    )
