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
# How long the page waits for Python before it shows the static checklists instead.
START_TIMEOUT_SECONDS = 10

FAILURES = {
    "timeout": (
        f"Beslutningsguiden kunne ikke starte inden for {START_TIMEOUT_SECONDS} sekunder. Det kan skyldes, at "
        "WebAssembly er blokeret i browseren, at webserveren sender en forkert filtype for .wasm-filer (den skal "
        "være application/wasm), eller at forbindelsen er meget langsom."
    ),
    "unsupported": (
        "Beslutningsguiden kan ikke køre her: den kræver en nyere browser med WebAssembly og JavaScript-moduler, og "
        "siden skal åbnes fra en webserver – ikke som en fil på computeren."
    ),
    "package": (
        "Beslutningsguiden blev stoppet, fordi en af dens filer ikke er den forventede (kontrolsummen passer ikke). "
        "Kontakt den, der driver siden."
    ),
    "start": "Beslutningsguiden kunne ikke starte i denne browser.",
    "engine": "Der opstod en fejl i beslutningsguiden.",
}
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
        "data-timeout": str(START_TIMEOUT_SECONDS * 1000),
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
        f'<div class="guide-fallback" data-guide-fallback hidden>{failures}<p>{FALLBACK_INTRO}</p>{checklists}</div>'
        f'<noscript><div class="guide-fallback"><p><strong>{NOSCRIPT}</strong></p>{checklists}</div></noscript>'
        f'</div><script src="{escape(context.root + ENGINE_SCRIPT)}"></script>'
    )
