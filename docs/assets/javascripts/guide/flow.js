// The guide's question flow as the page walks it before Python is ready: which questions the
// answers so far ask, in order. The build wrote down, by running the engine's own rules and
// conditions over every combination of the answers they read, two levels of tables
// (tools/site/page_flow.py): the categories the answers fall under, and for each question whether
// it is asked, by the categories and the few answers its condition reads. This walks the questions
// in order with those tables, as wizard/flow.py does, so the page holds no rule of its own.
// Answers are the forms the reader sent, by question.

// An answer's state as the build numbered it: 0 unanswered, a choice 1 + its option's index, several
// choices the bit mask of their options; -1 for an answer this build does not know.
function state(key, kept) {
  const chosen = kept[key.question]?.[key.question] ?? [];
  let found = 0;
  for (const value of chosen) {
    const option = key.options.indexOf(value);
    if (option < 0) return -1;
    found = key.multiple ? found | (1 << option) : option + 1;
  }
  return found;
}

// The row of a table for the answers kept so far: the categories' set first (if read), then each answer
// it reads, in order; -1 where an answer is unknown to the build.
function row(table, reads, kept, categories = null) {
  let index = categories ?? 0;
  for (const read of reads) {
    const key = table.answers[read];
    const found = state(key, kept);
    if (found < 0) return -1;
    index = index * (key.multiple ? 2 ** key.options.length : key.options.length + 1) + found;
  }
  return index;
}

// Whether the question at ``order`` (its place in table.questions) is asked, or null when only the engine
// can tell.
function asks(table, order, kept) {
  const rule = table.asks[order];
  let categories = null;
  if (rule.categories) {
    const found = row(table, table.categories.reads, kept);
    const digit = found < 0 ? undefined : table.categories.table[found];
    categories = digit === undefined ? -1 : table.digits.indexOf(digit);
    if (categories < 0) return null;
  }
  const index = row(table, rule.reads, kept, categories);
  const outcome = index < 0 ? undefined : rule.table[index];
  return outcome === "1" ? true : outcome === "0" ? false : null;
}

// Where the answers lead: the answers to questions still asked, the questions asked in order, and
// the first without an answer (null when all are answered). null when only the engine can tell.
export function position(table, answers) {
  const kept = {};
  const asked = [];
  for (const [index, question] of table.questions.entries()) {
    const isAsked = asks(table, index, kept);
    if (isAsked === null) return null;
    if (!isAsked) continue;
    asked.push(question);
    if (answers[question]) kept[question] = answers[question];
  }
  return { answers: kept, asked, next: asked.find((question) => !kept[question]) ?? null };
}
