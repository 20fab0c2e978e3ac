// The search index held on the guide's page (tools/site/search_later.js), run with a window of its own: the
// index waits until the guide is ready or has failed, or the reader turns to the search; nothing else waits.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../tools/site/search_later.js", import.meta.url), "utf-8");
const INDEX = "/search/search_index.json";

// A page with the guide's root in `state`, whose XMLHttpRequest records what was sent, in order.
function page({ state = "loading", guide = true } = {}) {
  const sent = [];
  const listeners = {};
  const observers = [];
  const timers = [];
  const root = guide ? { dataset: { state } } : null;
  class XMLHttpRequest {
    open(method, url) {
      this.url = url;
    }
    send() {
      sent.push(this.url);
    }
  }
  const window = {
    location: { href: "https://intranet.example.dk/beslutningsguide/" },
    URL,
    XMLHttpRequest,
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    MutationObserver: class {
      constructor(callback) {
        this.callback = callback;
        observers.push(this);
      }
      observe(target, options) {
        assert.deepEqual([...options.attributeFilter], ["data-state"]);
        this.target = target;
      }
      disconnect() {
        this.disconnected = true;
      }
    },
    document: {
      querySelector: (selector) => (selector === "[data-guide]" ? root : null),
      addEventListener: (type, listener) => ((listeners[type] ??= new Set()).add(listener)),
      removeEventListener: (type, listener) => listeners[type]?.delete(listener),
    },
  };
  vm.runInNewContext(SOURCE, { window });
  const request = (url) => {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", url);
    xhr.send();
  };
  return {
    window,
    sent,
    timers,
    request,
    setState(value) {
      root.dataset.state = value;
      for (const observer of observers) if (!observer.disconnected) observer.callback([]);
    },
    dispatch(type, target) {
      for (const listener of [...(listeners[type] ?? [])]) listener({ type, target });
    },
    listening: () => Object.values(listeners).reduce((sum, set) => sum + set.size, 0),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test("the index waits while the guide loads, and other requests do not", async () => {
  const p = page();
  p.request("../search/search_index.json");
  p.request("/sitemap.xml");
  await settle();
  assert.deepEqual(p.sent, ["/sitemap.xml"]);
});

for (const state of ["ready", "failed"]) {
  test(`the index is sent once the guide is ${state}, and the page stops listening`, async () => {
    const p = page();
    p.request(INDEX);
    p.setState(state);
    await settle();
    assert.deepEqual(p.sent, [INDEX]);
    assert.equal(p.listening(), 0);
  });
}

test("turning to the search sends the index at once", async () => {
  for (const [type, target] of [
    ["focusin", { closest: (selector) => selector.includes("[data-md-component=search]") }],
    ["pointerdown", { closest: (selector) => selector.includes("label[for=__search]") }],
  ]) {
    const p = page();
    p.request(INDEX);
    p.dispatch(type, { closest: () => null }); // elsewhere on the page: still held
    await settle();
    assert.deepEqual(p.sent, []);
    p.dispatch(type, target);
    await settle();
    assert.deepEqual(p.sent, [INDEX]);
  }
});

test("the index is held for a limited time only, when the guide never says it is ready", async () => {
  const p = page();
  p.request(INDEX);
  assert.equal(p.timers.length, 1);
  assert.ok(p.timers[0].ms >= 10000 && p.timers[0].ms <= 60000, p.timers[0].ms);
  p.timers[0].callback();
  await settle();
  assert.deepEqual(p.sent, [INDEX]);
});

test("a page without the guide holds nothing, and running the script again wraps the request once", async () => {
  const p = page({ guide: false });
  p.request(INDEX);
  await settle();
  assert.deepEqual(p.sent, [INDEX]);
  const q = page();
  const { send } = q.window.XMLHttpRequest.prototype;
  vm.runInNewContext(SOURCE, { window: q.window });
  assert.equal(q.window.XMLHttpRequest.prototype.send, send);
});
