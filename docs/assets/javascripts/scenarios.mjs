// Practice cards on "Til nye medarbejdere": when the reader opens "Se svaret", score the reader's ticks against
// the guide's answer. The answer (data-applies on each verdict) was computed by the engine when the site was
// built; this only compares two sets of ticks. A tick is right where the guide finds the category and wrong
// where it does not; a category the guide finds and the reader left out is missed. An empty box where the guide
// finds nothing scores nothing: leaving everything empty is not agreement. The words come from the page
// (tools/site/onboarding_page.py). Listeners sit on the document, so they keep working when Material swaps
// pages without reloading.

// What a verdict says about the reader's tick: "right", "wrong", "missed", or null (no tick, nothing to find).
export function mark(ticked, applies) {
  if (ticked) return applies ? "right" : "wrong";
  return applies ? "missed" : null;
}

// The reader's score over a card's verdicts ({category, applies}) and the categories they ticked.
export function score(verdicts, ticked) {
  const counts = { right: 0, wrong: 0, missed: 0, total: 0 };
  for (const { category, applies } of verdicts) {
    if (applies) counts.total += 1;
    const found = mark(ticked.has(category), applies);
    if (found) counts[found] += 1;
  }
  return counts;
}

// The summary line in the page's words (`texts` holds none_ticked, all_right and score, with {placeholders}).
export function summary(texts, counts) {
  const fill = (text) => text.replace(/\{(\w+)\}/g, (_, name) => String(counts[name]));
  if (counts.right + counts.wrong === 0) return fill(texts.noneTicked);
  if (counts.wrong === 0 && counts.missed === 0) return fill(texts.allRight);
  return fill(texts.score);
}

function compareCard(card) {
  const texts = card.closest("[data-scenarios]").dataset;
  const ticked = new Set(Array.from(card.querySelectorAll("input[type=checkbox]:checked"), (box) => box.value));
  const verdicts = Array.from(card.querySelectorAll("[data-verdict]"));
  for (const verdict of verdicts) {
    const found = mark(ticked.has(verdict.dataset.category), verdict.dataset.applies === "true");
    const you = verdict.querySelector("[data-scenario-you]");
    you.textContent = found ? texts[`text${found[0].toUpperCase()}${found.slice(1)}`] : "";
    you.hidden = !found;
    if (found) verdict.dataset.mark = found;
    else delete verdict.dataset.mark;
  }
  const counts = score(
    verdicts.map((verdict) => ({ category: verdict.dataset.category, applies: verdict.dataset.applies === "true" })),
    ticked,
  );
  const line = card.querySelector("[data-scenario-summary]");
  line.textContent = summary(
    { noneTicked: texts.textNoneTicked, allRight: texts.textAllRight, score: texts.textScore },
    counts,
  );
  line.hidden = false;
}

function start(page) {
  // "toggle" does not bubble; a capturing listener on the document still sees it.
  page.addEventListener(
    "toggle",
    (event) => {
      const answer = event.target;
      if (answer instanceof HTMLDetailsElement && answer.matches("[data-scenario-answer]") && answer.open) {
        compareCard(answer.closest("[data-scenario]"));
      }
    },
    true,
  );
  page.addEventListener("change", (event) => {
    const card = event.target instanceof Element ? event.target.closest("[data-scenario]") : null;
    if (card && card.querySelector("[data-scenario-answer]").open) compareCard(card);
  });
}

if (typeof document !== "undefined") start(document);
