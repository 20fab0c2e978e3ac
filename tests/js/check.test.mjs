// The answers to check as the page writes them before Python is ready (check.js), against the engine's
// own check_screen on answers the engine generated: each role's wording, every kind of answer, dates
// with and without a time.
import assert from "node:assert/strict";
import { test } from "node:test";

import { answerWords, checkScreen, dateWords, escape } from "../../docs/assets/javascripts/guide/check.js";
import { placeOf } from "../../docs/assets/javascripts/guide/path.js";
import { cases } from "./engine_cases.mjs";

const { table, checkPage } = cases;
const { frame, row, words } = checkPage;

test("the page's answers to check are the engine's, for every answer set the engine made", () => {
  assert.ok(checkPage.cases.length >= 100);
  for (const { steps, html } of checkPage.cases) {
    assert.equal(checkScreen(words, frame, row, placeOf(table, steps)), html, JSON.stringify(steps));
  }
  const shown = checkPage.cases.map(({ html }) => html).join("");
  for (const needed of [" kl. ", "lørdag", "Ved ikke"]) assert.ok(shown.includes(needed), needed);
});

test("answers the engine would refuse are left to the engine", () => {
  assert.equal(dateWords(words, "2024-02-30", ""), null);
  assert.equal(dateWords(words, "2024-13-01", ""), null);
  assert.equal(dateWords(words, "1.10.2024", ""), null);
  assert.equal(dateWords(words, "2024-10-01", "25:00"), null);
  assert.equal(dateWords(words, "2024-10-01", "9"), null);
  assert.equal(answerWords(words, "role", { role: ["no_such_role"] }), null);
  assert.equal(answerWords(words, "role", { role: [] }), null);
  assert.equal(answerWords(words, "role", { role: ["manager", "employee"] }), null);
  const { steps } = checkPage.cases[0];
  const place = placeOf(table, steps.slice(0, -1));
  assert.equal(checkScreen(words, frame, row, place), null, "not every question is answered");
});

test("the page escapes as the engine does", () => {
  assert.equal(escape(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
});
