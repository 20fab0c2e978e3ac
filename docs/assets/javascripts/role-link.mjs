// A link with the reader's role (beslutningsguide/?rolle=leder, from the front page's cards or an intranet
// page): the guide's role question shows that role already chosen, whenever it appears with no choice made.
// The reader still answers "Er nogen i fare lige nu?" first and confirms the role with the question's own
// button. Which word stands for which role is on the page (tools/site/role_links.py); the question's form
// is the guide's stable hook (form[data-question], its inputs by name and value). Nothing else is touched.

// The role the address names, or null: `links` maps each word after ?rolle= to a role.
export function roleFrom(search, links, parameter = "rolle") {
  const word = new URLSearchParams(search).get(parameter);
  return word !== null && Object.hasOwn(links, word) ? links[word] : null;
}

// Choose `role` on the role question in `screen`, if it is there and nothing is chosen yet.
export function choose(screen, role, question = "role") {
  const form = screen.querySelector(`form[data-question="${question}"]`);
  if (!form || form.querySelector("input:checked")) return false;
  const input = [...form.querySelectorAll("input")].find((box) => box.name === question && box.value === role);
  if (!input) return false;
  input.checked = true;
  return true;
}

function start(page) {
  const data = page.querySelector("[data-role-links]");
  const screen = page.querySelector("[data-guide-screen]");
  if (!data || !screen || screen.dataset.roleLink) return;
  const links = JSON.parse(data.dataset.roleLinks);
  const role = roleFrom(page.defaultView.location.search, links, data.dataset.roleParameter);
  if (!role) return;
  screen.dataset.roleLink = role;
  choose(screen, role);
  new MutationObserver(() => choose(screen, role)).observe(screen, { childList: true, subtree: true });
}

// Material's instant navigation swaps pages without running this module again: it announces each page on
// document$. Without it (instant navigation off), the page loaded with this module is the only one.
if (typeof document !== "undefined") {
  if (globalThis.document$) globalThis.document$.subscribe(() => start(document));
  else start(document);
}
