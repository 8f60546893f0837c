// One CLI-like command over a stack (see ../miniUp.ts): stdin = StackRunOptions JSON, argv[2] = result file.
import * as fs from "fs";
import { runStack, StackRunOptions } from "../miniUp";

const input = fs.readFileSync(0, "utf8");
runStack(JSON.parse(input) as StackRunOptions)
  .then((result) => {
    fs.writeFileSync(process.argv[2], JSON.stringify(result));
    process.exit(result.ok ? 0 : 1);
  })
  .catch((e) => {
    process.stderr.write(String(e?.stack ?? e));
    process.exit(2);
  });
