// The owners' sentence filter (docs/assets/javascripts/trace-filter.mjs): which rows each choice lets through.
import assert from "node:assert/strict";
import { test } from "node:test";

import { countText, matches } from "../../docs/assets/javascripts/trace-filter.mjs";

const row = { section: "kollega", roles: ["colleague"], status: "used", reading: false };
const none = { section: "", role: "", use: "" };

test("an empty filter lets every row through", () => {
  assert.equal(matches(row, none), true);
  assert.equal(matches({ ...row, roles: [], status: "reason" }, none), true);
});

test("a section lets only its own rows through", () => {
  assert.equal(matches(row, { ...none, section: "kollega" }), true);
  assert.equal(matches(row, { ...none, section: "leder" }), false);
});

test("a role lets through the rows of that role, and no row without one", () => {
  assert.equal(matches(row, { ...none, role: "colleague" }), true);
  assert.equal(matches(row, { ...none, role: "manager" }), false);
  assert.equal(matches({ ...row, roles: ["employee", "manager"] }, { ...none, role: "manager" }), true);
  assert.equal(matches({ ...row, roles: [] }, { ...none, role: "employee" }), false);
});

test("use: used, not used, or with a reading to confirm", () => {
  assert.equal(matches(row, { ...none, use: "used" }), true);
  assert.equal(matches(row, { ...none, use: "reason" }), false);
  assert.equal(matches({ ...row, status: "reason" }, { ...none, use: "reason" }), true);
  assert.equal(matches(row, { ...none, use: "reading" }), false);
  assert.equal(matches({ ...row, reading: true }, { ...none, use: "reading" }), true);
});

test("the choices combine: every one must hold", () => {
  const filter = { section: "kollega", role: "colleague", use: "reason" };
  assert.equal(matches(row, filter), false);
  assert.equal(matches({ ...row, status: "reason" }, filter), true);
});

test("the count fills in the page's own words", () => {
  assert.equal(countText("Viser {shown} af {total} sætninger.", 3, 114), "Viser 3 af 114 sætninger.");
});
