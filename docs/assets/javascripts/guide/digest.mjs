// The SHA-256 of the runtime's files and of the snapshot, as hex: the browser's SubtleCrypto where it has
// one (https and localhost), else the shell's own (sha256.mjs, loaded only then).

export async function sha256Hex(bytes) {
  const digest = self.crypto?.subtle
    ? await self.crypto.subtle.digest("SHA-256", bytes)
    : (await import("./sha256.mjs")).sha256(bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
