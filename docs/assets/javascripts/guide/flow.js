// The guide's question flow as the page walks it before Python is ready: which questions the
// answers so far ask, in order. The build wrote down, by running the engine's own conditions over
// every combination of the answers they read, which questions each combination asks
// (tools/site/page_flow.py); this walks the questions in order with that table, as wizard/flow.py
// does, so the page holds no rule of its own. Answers are the forms the reader sent, by question.

// The table's index for the answers kept so far, or -1 for an answer the build did not know.
function combination(table, kept) {
  let index = 0;
  for (const key of table.deciding) {
    const chosen = kept[key.question]?.[key.question] ?? [];
    let state = 0;
    for (const value of chosen) {
      const option = key.options.indexOf(value);
      if (option < 0) return -1;
      state = key.multiple ? state | (1 << option) : option + 1;
    }
    index = index * (key.multiple ? 2 ** key.options.length : key.options.length + 1) + state;
  }
  return index;
}

function askedBy(table, kept, bit) {
  const index = combination(table, kept);
  if (index < 0 || index >= table.asked.length) return null;
  return Boolean(table.masks[table.digits.indexOf(table.asked[index])] & (1 << bit));
}

// Where the answers lead: the answers to questions still asked, the questions asked in order, and
// the first without an answer (null when all are answered). null when only the engine can tell.
export function position(table, answers) {
  const kept = {};
  const asked = [];
  for (const [bit, question] of table.questions.entries()) {
    const isAsked = askedBy(table, kept, bit);
    if (isAsked === null) return null;
    if (!isAsked) continue;
    asked.push(question);
    if (answers[question]) kept[question] = answers[question];
  }
  return { answers: kept, asked, next: asked.find((question) => !kept[question]) ?? null };
}
