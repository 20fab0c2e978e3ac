"""The decision guide's page: its shell, with the first question rendered at build time.

The first question is rendered by the same code that renders every later screen in the
browser, so it can be read and answered before Python has loaded. The shell also holds
the Danish failure messages and the guideline's static checklists, shown when Python
cannot start and to browsers without JavaScript.
"""

import json
from html import escape

from tools.placeholders import PageContext
from wizard import render
from wizard.browser import ANCHOR_PREFIX
from wizard.questions import QUESTIONS

WORKER = "assets/javascripts/guide/worker.mjs"
# Included right after the guide's root element, so the worker starts while the page still loads.
ENGINE_SCRIPT = "assets/javascripts/guide/engine.js"
# The page gives up on Python only when no byte of its files has arrived for this long (a slow
# link keeps it waiting as long as it makes progress); known failures end the wait at once.
STALL_TIMEOUT_SECONDS = 25

# What staff read when the guide cannot run, by the reason engine.js reports, in plain Danish:
# no technical cause here. The cause goes to the browser's console, explained for operators in
# OPERATIONS.md ("When the guide does not start").
FAILURES = {
    "stalled": (
        "Beslutningsguiden er ikke færdig med at hente, fordi forbindelsen er meget langsom eller afbrudt. Den "
        "prøver videre og kommer tilbage med dine svar, hvis den bliver klar."
    ),
    "unsupported": (
        "Beslutningsguiden kan ikke køre i denne browser. Prøv en nyere udgave af Edge, Chrome eller Firefox, og "
        "åbn siden fra intranettet – ikke som en gemt fil."
    ),
    "files": (
        "Beslutningsguiden kunne ikke hente alle sine filer fra intranettet. Prøv igen senere, og kontakt IT, hvis "
        "det bliver ved."
    ),
    "checksum": (
        "Beslutningsguiden blev stoppet for en sikkerheds skyld, fordi en af dens filer ikke var, som den skulle "
        "være. Kontakt IT."
    ),
    "server": (
        "Beslutningsguiden kan ikke starte, fordi intranettets webserver ikke er sat op til den. Kontakt IT."
    ),
    "start": "Beslutningsguiden kunne ikke starte i denne browser. Prøv at genindlæse siden.",
}
# Shown above the current screen when the engine could not handle one request; the screen and the
# answers stay.
ENGINE_TROUBLE = (
    "Guiden kunne ikke behandle dit sidste valg. Prøv igen. Virker det stadig ikke, så genindlæs siden, eller "
    "brug retningslinjens tjeklister."
)
PROGRESS = "Henter beslutningsguiden … {percent} %"
STARTING = "Starter beslutningsguiden …"
# 112 is the guide's own addition (the guideline does not name it), so it is marked as such.
DANGER = (
    '<p class="guide-fallback__danger"><strong>Er nogen i fare lige nu? Ring <a href="tel:112">112</a>.</strong> '
    "<small>(Guidens egen tilføjelse)</small></p>"
)
FALLBACK_INTRO = "Brug i stedet retningslinjens tjeklister herunder – de gælder, uanset hvad guiden ville have svaret."
NOSCRIPT = "Beslutningsguiden kræver JavaScript. Brug i stedet retningslinjens tjeklister herunder."


def guide_block(context: PageContext) -> str:
    """The guide's root element with the first question, the failure messages and the fallback."""
    runtime = context.runtime
    if runtime is None:
        raise ValueError("the guide block needs the prepared runtime (tools.bundle)")
    first = QUESTIONS[0]
    ui = render.UI
    data = {
        "data-root": context.root,
        "data-worker": WORKER,
        "data-pyodide": runtime.pyodide_path,
        "data-lockfile": runtime.lockfile_path,
        "data-stdlib": runtime.stdlib_path,
        "data-env": json.dumps(runtime.env),
        "data-files": json.dumps(runtime.files),
        "data-stall-timeout": str(STALL_TIMEOUT_SECONDS * 1000),
        "data-progress-text": PROGRESS,
        "data-starting-text": STARTING,
        "data-engine-trouble": ENGINE_TROUBLE,
        "data-anchor-prefix": ANCHOR_PREFIX,
        "data-page-title": "Beslutningsguide",
        "data-ready-text": ui["ready"],
        "data-kept-while-loading": ui["kept_while_loading"],
        "data-copied": ui["copied"],
        "data-copy-manually": ui["copy_manually"],
    }
    attributes = "".join(f' {name}="{escape(value)}"' for name, value in data.items())
    failures = "".join(
        f'<p class="guide-failure" data-guide-failure="{reason}" hidden><strong>{escape(text)}</strong></p>'
        for reason, text in FAILURES.items()
    )
    checklists = render.static_checklists(root=context.root)
    return (
        # The screens and checklists repeat the guideline, which the search already has.
        f'<div class="guide" data-guide data-state="loading" data-search-exclude{attributes}>'
        f'<p class="guide-status" role="status" aria-live="polite" data-guide-status>{ui["loading"]}</p>'
        f'<div class="guide-screen" data-guide-screen data-current="{first.id}">'
        f"{render.question_screen(first, {}, root=context.root, first=True)}</div>"
        f'<div class="guide-fallback" data-guide-fallback hidden>{DANGER}{failures}<p>{FALLBACK_INTRO}</p>'
        f"<div data-guide-checklists>{checklists}</div></div>"
        f'<noscript><div class="guide-fallback">{DANGER}<p><strong>{NOSCRIPT}</strong></p>{checklists}</div></noscript>'
        f'</div><script src="{escape(context.root + ENGINE_SCRIPT)}"></script>'
    )
