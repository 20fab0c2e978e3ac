// A link per role (docs/assets/javascripts/role-link.mjs): the word after ?rolle=, and the role question's choice.
import assert from "node:assert/strict";
import { test } from "node:test";

import { choose, roleFrom } from "../../docs/assets/javascripts/role-link.mjs";

const links = { udsat: "employee", kollega: "colleague", leder: "manager" };

test("the word after ?rolle= names a role; anything else names none", () => {
  assert.equal(roleFrom("?rolle=leder", links), "manager");
  assert.equal(roleFrom("?x=1&rolle=udsat", links), "employee");
  assert.equal(roleFrom("", links), null);
  assert.equal(roleFrom("?rolle=chef", links), null);
  assert.equal(roleFrom("?rolle=toString", links), null);
  assert.equal(roleFrom("?role=leder", links), null);
});

// The role question's form as the page holds it: radio inputs by name and value.
function screenWith(question, values, checked = null) {
  const inputs = values.map((value) => ({ name: question, value, checked: value === checked }));
  const form = {
    querySelector: (selector) => (selector === "input:checked" ? inputs.find((input) => input.checked) ?? null : null),
    querySelectorAll: () => inputs,
  };
  return {
    inputs,
    querySelector: (selector) => (selector === `form[data-question="${question}"]` ? form : null),
  };
}

test("the role is chosen on the role question when nothing is chosen yet", () => {
  const screen = screenWith("role", ["employee", "colleague", "manager"]);
  assert.equal(choose(screen, "manager"), true);
  assert.deepEqual(screen.inputs.map((input) => input.checked), [false, false, true]);
});

test("a choice the reader made stays", () => {
  const screen = screenWith("role", ["employee", "colleague", "manager"], "employee");
  assert.equal(choose(screen, "manager"), false);
  assert.deepEqual(screen.inputs.map((input) => input.checked), [true, false, false]);
});

test("another question, or a role the question does not offer, is left alone", () => {
  assert.equal(choose(screenWith("danger_now", ["yes", "no"]), "manager"), false);
  const screen = screenWith("role", ["employee", "colleague"]);
  assert.equal(choose(screen, "manager"), false);
  assert.deepEqual(screen.inputs.map((input) => input.checked), [false, false]);
});
