// Loads a serialized provider the way cmd/dynamic-provider/index.js getProvider() does -- requireFromString(text)
// with no file name, so its requires resolve from process.cwd() (the program directory) -- and calls one method.
// Usage: node loadAndCall.js <requireFromStringPath>, with stdin = JSON { text, method, args }.
// Prints JSON { ok, result, requires } or { ok: false, error: { message, stack }, requires }, where `requires` lists
// every module the serialized text itself required (its module has the empty file name the plugin gives it).
"use strict";
const Module = require("module");
const requireFromString = require(process.argv[2]);
const requires = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (parent && parent.filename === "" && !requires.includes(request)) requires.push(request);
  return load.call(this, request, parent, isMain);
};
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
  process.stdout.write(JSON.stringify({ ...out, requires }));
});
