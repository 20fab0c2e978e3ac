"""From the result to action in Chromium: the police how-to, the contacts, and the documentation note (issue 15,
the note now part of the case: issue 21)."""

import json
import re

import pytest

from tests.e2e.guide import (
    EMPLOYEE_THREATENED,
    MANAGER_ADDRESS_PUBLISHED,
    axe_violations,
    open_guide,
    see_result,
    wait_for_screen,
    walk,
)
from tools.site import contacts
from wizard.case_input import FIELDS as CASE_FIELDS
from wizard.case_input import PART_LABELS
from wizard.howto import PAGES
from wizard.screens.ui import UI
from wizard.texts import CONTACT_LABELS

pytestmark = pytest.mark.browser

FIELDS = [field.id for field in CASE_FIELDS["note"]]
# Where the tab keeps the reader's case (case.js), as it keeps the answers.
CASE_KEY = "beslutningsguide:sag"
# Markup and script in every field, each with a marker of its own to look for in requests, storage and the URL.
HOSTILE = {
    field: f'MRK{index}x <script>window.__pwned = "{field}"</script>'
    '<img src=x onerror="window.__pwned=1"> "&" </textarea>'
    for index, field in enumerate(FIELDS)
}
MARKERS = [f"MRK{index}x" for index in range(len(FIELDS))]


def result_for(page, site_url, answers) -> None:
    open_guide(page, site_url)
    walk(page, answers)
    see_result(page)


def open_task(page, step: str) -> None:
    """Open a task of the result's task list to its step and the guide's help."""
    page.click(f'[data-step="{step}"] summary')


def test_the_police_step_shows_114_the_page_and_personalejura(page, site_url):
    result_for(page, site_url, EMPLOYEE_THREATENED)
    police = page.locator('[data-step="police_report"] .guide-howto')
    assert police.is_hidden()  # the task is folded until the reader opens it
    open_task(page, "police_report")
    # The guide's own help, marked so by the mark the legend explains.
    assert police.locator('.guide-howto__label [data-basis="guide"]').inner_text() == UI["mark_guide"]
    assert police.locator('a[href="tel:114"]').is_visible()
    page_link = police.locator("a[data-howto-page]").first
    assert page_link.get_attribute("href").endswith(PAGES["police"])
    slot = police.locator('[data-contact-slot="personalejura"]')
    # The shipped configuration leaves the contacts empty: the slot names whom to contact, with no link, and no
    # note repeated in every step (a production build refuses to build without the contacts).
    assert slot.inner_text().strip() == CONTACT_LABELS["personalejura"]
    assert slot.locator("a").count() == 0
    document = page.locator('[data-step="document"] a[data-howto-page]').first
    assert document.get_attribute("href").endswith(PAGES["document"])
    page_link.click()
    page.wait_for_url(re.compile(re.escape(PAGES["police"]) + "$"))
    # Instant navigation swaps the content after the address: wait for the page's own heading.
    page.locator("h1", has_text="Sådan anmelder du til politiet").wait_for()


def test_a_configured_contact_is_copied_into_the_result_with_its_links(page, site_url):
    open_guide(page, site_url)
    # The configuration's card, as tools/site/contacts.py renders it at build time, in place of the shipped (empty) one.
    card = contacts.contact_body(contacts.Contact("personalejura", "Jura-teamet", "+45 12 34 56 78", "jura@kommune.dk"))
    page.evaluate(
        """card => { document.querySelector('template[data-contact-template="personalejura"]').innerHTML = card; }""",
        card,
    )
    walk(page, MANAGER_ADDRESS_PUBLISHED)
    see_result(page)
    for step in ("consult_hr", "police_report"):
        open_task(page, step)
        slot = page.locator(f'[data-step="{step}"] [data-contact-slot="personalejura"]')
        assert "Jura-teamet" in slot.inner_text()
        assert slot.locator('a[href="tel:+4512345678"]').is_visible()
        assert slot.locator('a[href="mailto:jura@kommune.dk"]').is_visible()
    platform = page.locator('[data-step="contact_platform"] a[data-howto-page]').first
    assert platform.get_attribute("href").endswith(PAGES["take_down"])


def fill_note(page, values: dict) -> None:
    """Open the note about the incident (folded under the result) and type into its fields."""
    if not page.locator("#guide-sag-note").evaluate("details => details.open"):
        page.click("#guide-sag-note summary")
    for field, value in values.items():
        page.fill(f'[data-case-field="note.{field}"]', value)


def stored_everywhere(page, but: tuple[str, ...] = ()) -> str:
    """Every key and value in localStorage, sessionStorage (but the keys in ``but``), cookies, every IndexedDB
    store and the Cache Storage, as one text."""
    return page.evaluate(
        """async (but) => {
            const parts = [document.cookie];
            for (const store of [localStorage, sessionStorage]) {
                for (let i = 0; i < store.length; i++) {
                    if (store === sessionStorage && but.includes(store.key(i))) continue;
                    parts.push(store.key(i), store.getItem(store.key(i)));
                }
            }
            for (const name of await caches.keys()) {
                parts.push(name);
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    parts.push(request.url, await (await cache.match(request)).text());
                }
            }
            const text = async (value) => {
                if (value instanceof Blob) value = await value.arrayBuffer();
                if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
                    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value)
                        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
                    return new TextDecoder("latin1").decode(bytes);
                }
                if (value && typeof value === "object") {
                    const inner = [];
                    for (const [k, v] of Object.entries(value)) inner.push(k, await text(v));
                    return inner.join(" ");
                }
                return String(value);
            };
            for (const info of await indexedDB.databases()) {
                const db = await new Promise((ok, no) => {
                    const open = indexedDB.open(info.name);
                    open.onsuccess = () => ok(open.result);
                    open.onerror = () => no(open.error);
                });
                for (const name of db.objectStoreNames) {
                    const store = db.transaction(name).objectStore(name);
                    const [keys, values] = await Promise.all(["getAllKeys", "getAll"].map((method) =>
                        new Promise((ok) => { const r = store[method](); r.onsuccess = () => ok(r.result); })));
                    parts.push(info.name, name);
                    for (const key of keys) parts.push(await text(key));
                    for (const value of values) parts.push(await text(value));
                }
                db.close();
            }
            return parts.join(" ");
        }""",
        list(but),
    )


def test_the_note_is_copied_and_printed_escaped_and_goes_nowhere_else(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    requests = []
    page.context.on("request", lambda request: requests.append(f"{request.url} {request.post_data or ''}"))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    result_for(page, site_url, MANAGER_ADDRESS_PUBLISHED)
    fill_note(page, HOSTILE)

    # The copied text carries every field literally, after the result.
    page.click('[data-result-tools] [data-guide-action="copy"]')
    page.wait_for_function("document.querySelector('[data-guide-tool-status=\"copy\"]').textContent.includes('kopieret')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.index("Registrering i SafetyNet") < copied.index(PART_LABELS["note"].upper())
    for value in HOSTILE.values():
        assert value.strip() in copied

    # The print shows the note as text (the engine's print of the case), not the fields; on screen it is the
    # other way round.
    block = page.locator("[data-case-print]")
    page.wait_for_function("document.querySelector('[data-case-print]').textContent.includes('MRK0x')")
    assert block.is_hidden()
    page.emulate_media(media="print")
    assert block.is_visible()
    assert page.locator("[data-case]").is_hidden()
    printed = block.inner_text()
    for value in HOSTILE.values():
        assert value.strip() in printed
    assert block.locator("script, img, textarea").count() == 0
    page.emulate_media(media="screen")
    assert page.evaluate("window.__pwned") is None and dialogs == []

    # Nowhere else: no request (the copy goes to the worker as a message, not over the network), no cookie,
    # localStorage, IndexedDB or cache, no URL, no browser history entry. The tab keeps it (sessionStorage,
    # as the answers), so a reload keeps what was typed, until "Slet mine svar".
    page.reload()
    page.wait_for_selector('[data-guide][data-state="ready"]')
    traces = " ".join(requests) + " " + stored_everywhere(page, but=(CASE_KEY,)) + " " + page.url
    traces += " " + json.dumps(page.evaluate("history.state"))
    assert [marker for marker in MARKERS if marker in traces] == []
    assert page.input_value('[data-case-field="note.what"]') == HOSTILE["what"]
    page.click('[data-guide-screen] [data-guide-ask="clear"]')
    page.click('[data-guide-confirm="clear"] [data-guide-action="clear"]')
    wait_for_screen(page, "danger_now")
    assert [marker for marker in MARKERS if marker in stored_everywhere(page)] == []


def test_the_note_survives_a_trip_to_the_answers_and_is_forgotten_with_them(page, site_url):
    result_for(page, site_url, EMPLOYEE_THREATENED)
    fill_note(page, {"where": "Facebook", "what": "En trussel"})
    page.click('[data-guide-action="show"][data-screen="check"]')
    wait_for_screen(page, "check")
    see_result(page)
    assert page.input_value('[data-case-field="note.where"]') == "Facebook"
    assert page.input_value('[data-case-field="note.what"]') == "En trussel"
    page.click('[data-guide-ask="restart"]')
    page.click('[data-guide-confirm="restart"] [data-guide-action="restart"]')
    wait_for_screen(page, "danger_now")
    walk(page, EMPLOYEE_THREATENED)
    see_result(page)
    assert [page.input_value(f'[data-case-field="note.{field}"]') for field in FIELDS] == [""] * len(FIELDS)
    page.wait_for_function("document.querySelector('[data-case-print]') !== null")
    assert page.inner_text("[data-case-print]").strip() == ""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_result_with_how_tos_contacts_and_a_note_passes_axe(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    result_for(page, site_url, MANAGER_ADDRESS_PUBLISHED)
    fill_note(page, {"where": "Facebook", "witnesses": "To kolleger"})
    assert axe_violations(page) == []


def test_the_storage_reader_sees_every_kind_of_storage(page, site_url):
    # The check above proves nothing unless the reader finds what is stored: plant a probe in each kind.
    open_guide(page, site_url)
    page.evaluate(
        """async () => {
            localStorage.setItem("probe-local", "PROBE1");
            sessionStorage.setItem("probe-session", "PROBE2");
            document.cookie = "probe=PROBE3";
            await new Promise((done) => {
                const open = indexedDB.open("probe-db");
                open.onupgradeneeded = () => open.result.createObjectStore("s");
                open.onsuccess = () => {
                    const tx = open.result.transaction("s", "readwrite");
                    tx.objectStore("s").put(new TextEncoder().encode("PROBE4").buffer, "bytes");
                    tx.objectStore("s").put({ text: "PROBE5" }, "object");
                    tx.oncomplete = () => { open.result.close(); done(); };
                };
            });
        }"""
    )
    stored = stored_everywhere(page)
    assert [probe for probe in ("PROBE1", "PROBE2", "PROBE3", "PROBE4", "PROBE5") if probe not in stored] == []
