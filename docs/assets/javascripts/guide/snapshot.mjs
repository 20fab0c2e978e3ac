// The interpreter's snapshot, kept in this browser's IndexedDB between visits (worker.mjs takes and restores it).
// A snapshot is bound to the build (its key is the digest of every runtime file's digest) and to this browser:
// it is stored with an HMAC made with a key that never leaves the browser's crypto (a non-extractable
// CryptoKey), and read back only if the HMAC holds. So an edited or swapped snapshot is never run; where
// SubtleCrypto is missing (plain http), none is kept or read. It never holds an answer.

import { sha256Hex } from "./digest.mjs";

// A snapshot stored in another format is never read as this one.
const SNAPSHOT_FORMAT = 2;
const SNAPSHOT_DATABASE = "beslutningsguide";
const SNAPSHOT_STORE = "pyodide-snapshot";

let forgotten = false; // "Slet mine svar": no snapshot is stored from now on

// Reading never creates the database: a first visit only asks whether it exists.
function openSnapshots(create) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SNAPSHOT_DATABASE, 1);
    request.onupgradeneeded = () => {
      if (create) request.result.createObjectStore(SNAPSHOT_STORE);
      else request.transaction.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

// The results of the requests `work` makes in one transaction, in order.
function transact(mode, work) {
  return openSnapshots(mode === "readwrite").then(
    (database) =>
      new Promise((resolve, reject) => {
        const transaction = database.transaction(SNAPSHOT_STORE, mode);
        const requests = work(transaction.objectStore(SNAPSHOT_STORE));
        transaction.oncomplete = () => {
          database.close();
          resolve(requests.map((request) => request.result));
        };
        transaction.onerror = transaction.onabort = () => {
          database.close();
          reject(transaction.error);
        };
      }),
  );
}

const encoder = new TextEncoder();

// This build's runtime: every file's digest, the interpreter's environment and the snapshot's format.
export async function buildKey(files, env) {
  if (!self.crypto?.subtle) return null;
  return sha256Hex(encoder.encode(JSON.stringify([SNAPSHOT_FORMAT, files, env])));
}

// What the HMAC covers: the build's key and the snapshot's own digest.
async function signed(key, bytes) {
  return encoder.encode(`${key} ${await sha256Hex(bytes)}`);
}

// The snapshot stored under this key, or null: none, another build's, one whose HMAC does not hold (edited,
// or made elsewhere), or no IndexedDB or SubtleCrypto here.
export async function readSnapshot(key) {
  if (!key) return null;
  try {
    const [record, secret] = await transact("readonly", (store) => [store.get("current"), store.get("secret")]);
    if (record?.key !== key || !(secret instanceof CryptoKey) || !(record.mac instanceof ArrayBuffer)) return null;
    const bytes = new Uint8Array(await record.bytes.arrayBuffer());
    const holds = await crypto.subtle.verify("HMAC", secret, record.mac, await signed(key, bytes));
    return holds ? bytes : null;
  } catch {
    return null;
  }
}

// One snapshot per browser: a new one replaces the old. Resolves whether it was stored.
export async function storeSnapshot(key, bytes) {
  if (!bytes || !key || forgotten) return false;
  try {
    // Read for writing: a first visit creates the database here.
    const [stored] = await transact("readwrite", (store) => [store.get("secret")]);
    const secret = stored instanceof CryptoKey
      ? stored
      : await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    const mac = await crypto.subtle.sign("HMAC", secret, await signed(key, bytes));
    if (forgotten) return false;
    await transact("readwrite", (store) => {
      store.put(secret, "secret");
      return [store.put({ key, mac, bytes: new Blob([bytes]) }, "current")];
    });
    return true;
  } catch {
    return false;
  }
}

// "Slet mine svar": the snapshot and its key are deleted, and this page stores none after it.
export function forgetSnapshots() {
  forgotten = true;
  try {
    indexedDB.deleteDatabase(SNAPSHOT_DATABASE);
  } catch {
    // No IndexedDB here: nothing was kept.
  }
}
