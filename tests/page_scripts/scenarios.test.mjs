// The practice cards' score (docs/assets/javascripts/scenarios.mjs): right and wrong ticks, never empty boxes.
import assert from "node:assert/strict";
import { test } from "node:test";

import { mark, score, summary } from "../../docs/assets/javascripts/scenarios.mjs";

// A card where the guide finds two of the five categories.
const verdicts = [
  { category: "work_environment", applies: true },
  { category: "criminal", applies: true },
  { category: "data_protection", applies: false },
  { category: "undecided", applies: false },
  { category: "protected_speech", applies: false },
];
const texts = {
  noneTicked: "Du satte ingen kryds – guiden sætter {total}, se nedenfor.",
  allRight: "Alle rigtige: du satte kryds ved præcis det, guiden finder.",
  score: "Rigtige kryds: {right} af {total}. Forkerte kryds: {wrong}.",
};

test("each tick is right or wrong, each box left empty where the guide finds something is missed", () => {
  assert.equal(mark(true, true), "right");
  assert.equal(mark(true, false), "wrong");
  assert.equal(mark(false, true), "missed");
  assert.equal(mark(false, false), null);
});

test("empty boxes are not agreement: nothing ticked scores nothing right", () => {
  const counts = score(verdicts, new Set());
  assert.deepEqual(counts, { right: 0, wrong: 0, missed: 2, total: 2 });
  assert.equal(summary(texts, counts), "Du satte ingen kryds – guiden sætter 2, se nedenfor.");
});

test("right and wrong ticks are both counted", () => {
  const counts = score(verdicts, new Set(["work_environment", "protected_speech"]));
  assert.deepEqual(counts, { right: 1, wrong: 1, missed: 1, total: 2 });
  assert.equal(summary(texts, counts), "Rigtige kryds: 1 af 2. Forkerte kryds: 1.");
});

test("all the guide's categories and nothing else is all right", () => {
  const counts = score(verdicts, new Set(["work_environment", "criminal"]));
  assert.deepEqual(counts, { right: 2, wrong: 0, missed: 0, total: 2 });
  assert.equal(summary(texts, counts), texts.allRight);
});

test("every box ticked is not all right", () => {
  const counts = score(verdicts, new Set(verdicts.map((v) => v.category)));
  assert.deepEqual(counts, { right: 2, wrong: 3, missed: 0, total: 2 });
  assert.equal(summary(texts, counts), "Rigtige kryds: 2 af 2. Forkerte kryds: 3.");
});
