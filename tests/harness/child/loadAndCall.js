// Loads a serialized provider the way cmd/dynamic-provider/index.js getProvider() does -- requireFromString(text)
// with no file name, so its requires resolve from process.cwd() (the program directory) -- and calls one method.
// Usage: node loadAndCall.js <requireFromStringPath>, with stdin = JSON { text, method, args }.
// Prints JSON { ok, result } or { ok: false, error: { message, stack } }.
"use strict";
const requireFromString = require(process.argv[2]);
let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", async () => {
  const { text, method, args } = JSON.parse(input);
  let out;
  try {
    const provider = requireFromString(text).handler();
    out = { ok: true, result: await provider[method](...args) };
  } catch (e) {
    out = { ok: false, error: { message: String((e && e.message) || e), stack: String((e && e.stack) || "") } };
  }
  process.stdout.write(JSON.stringify(out === undefined ? null : out));
});
