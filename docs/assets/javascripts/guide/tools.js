// The result's tools: the files the engine makes (the calendar, the saved case, the evidence log as CSV), the
// text to copy (the result, or one draft), print, and the municipality's contacts beside each step.

import { fillCase } from "./case-form.js";
import { announce } from "./status.js";

// What a new screen gets from the page: the contacts, and the case as the reader left it.
export function fillResult(screen) {
  fillContacts(screen);
  fillCase(screen);
}

// The engine names a step's contacts by id (data-contact-slot); the build rendered the municipality's cards
// into the page as <template>s (tools/site/contacts.py), since the engine never sees mkdocs.yml. Copy them in.
function fillContacts(screen) {
  for (const slot of screen.querySelectorAll("[data-contact-slot]")) {
    const id = CSS.escape(slot.dataset.contactSlot);
    const template = document.querySelector(`template[data-contact-template="${id}"]`);
    if (template) slot.append(template.content.cloneNode(true));
  }
}

export function download({ filename, mediaType, content }) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([content], { type: mediaType }));
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
    link.remove();
  }, 1000);
}

export async function copy(root, text, control = null) {
  try {
    await navigator.clipboard.writeText(text);
    confirmBeside(root, "copy", root.dataset.copied, control);
  } catch {
    // Clipboard access can be refused (insecure origin, permissions): show the text to copy by hand.
    const draft = control?.dataset.draft;
    const shown = draft ? root.querySelector(`[data-draft-text="${CSS.escape(draft)}"]`) : null;
    if (shown) {
      shown.textContent = text;
      const range = document.createRange();
      range.selectNodeContents(shown);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    } else {
      const field = root.querySelector("[data-guide-copy-text]");
      if (field) {
        field.hidden = false;
        field.value = text;
        field.select();
      }
    }
    confirmBeside(root, "copy", root.dataset.copyManually, control);
  }
}

export function print() {
  window.print();
}

// On paper every task shows its whole step, and the assessment is open. Where a browser prints nothing of a
// closed <details> (guide.css shows it where the browser can), they are opened while it prints.
const PRINTED_OPEN = 'details.guide-task__details, details.guide-fold[data-result-part="assessment"]';

export function openForPrint(root) {
  for (const details of root.querySelectorAll(`:is(${PRINTED_OPEN}):not([open])`)) {
    details.open = true;
    details.dataset.openedForPrint = "";
  }
}

export function closeAfterPrint(root) {
  for (const details of root.querySelectorAll("[data-opened-for-print]")) {
    details.open = false;
    delete details.dataset.openedForPrint;
  }
}

// A confirmation appears beside the button that was pressed, where the reader is looking.
export function confirmBeside(root, action, text, control = null) {
  const place = control?.closest(".guide-tool, .guide-session")?.querySelector("[data-guide-tool-status]")
    ?? root.querySelector(`[data-guide-tool-status="${action}"]`);
  if (place) place.textContent = text;
  else announce(root, text);
}
