// The filter of "Retningslinjen sætning for sætning" (saadan-vurderer-guiden/): show the sentences of one
// section, of one role, used or not used by the guide, or with a reading the owners must confirm. The build
// (tools/site/traceability_page.py) put on each row what it is; this only hides the rows that do not match,
// and the sections left empty. Without this script the form stays hidden and every sentence is shown, so the
// page decides nothing: it shows a part of what the build wrote.

// A row as the filter sees it: its section's anchor, its roles, "used" or "reason", and whether a reading
// rests on it. `filter` holds the form's choices; an empty choice lets every row through.
export function matches(row, filter) {
  if (filter.section && row.section !== filter.section) return false;
  if (filter.role && !row.roles.includes(filter.role)) return false;
  if (filter.use === "reading") return row.reading;
  if (filter.use) return row.status === filter.use;
  return true;
}

export function countText(template, shown, total) {
  return template.replace("{shown}", String(shown)).replace("{total}", String(total));
}

function rowOf(tr) {
  return {
    section: tr.closest("[data-trace-part]").dataset.tracePart,
    roles: (tr.dataset.traceRoles || "").split(" ").filter(Boolean),
    status: tr.dataset.traceStatus,
    reading: tr.dataset.traceReading === "yes",
  };
}

function choices(form) {
  return Object.fromEntries(["section", "role", "use"].map((name) => [name, form.elements[name].value]));
}

export function apply(form, page = form.ownerDocument) {
  const filter = choices(form);
  let shown = 0;
  for (const part of page.querySelectorAll("[data-trace-part]")) {
    let left = 0;
    for (const tr of part.querySelectorAll("tr[data-trace-line]")) {
      const match = matches(rowOf(tr), filter);
      tr.hidden = !match;
      if (match) left += 1;
    }
    part.hidden = left === 0;
    shown += left;
  }
  form.querySelector("[data-trace-count]").textContent = countText(form.dataset.count, shown, form.dataset.total);
  form.querySelector("[data-trace-none]").hidden = shown > 0;
  return shown;
}

function start(page) {
  for (const form of page.querySelectorAll("form[data-trace-filter]")) {
    if (form.dataset.ready) continue;
    form.dataset.ready = "true";
    form.addEventListener("change", () => apply(form, page));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    apply(form, page);
  }
}

// Material's instant navigation swaps pages without running this module again: it announces each page on
// document$. Without it (instant navigation off), the page loaded with this module is the only one.
if (typeof document !== "undefined") {
  if (globalThis.document$) globalThis.document$.subscribe(() => start(document));
  else start(document);
}
