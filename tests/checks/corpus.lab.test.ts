/**
 * The bad-input corpus of the lab.* resources: every connection points at a listening TCP server that counts
 * connections, and the count must stay zero (no SSH attempt).
 */
import * as net from "net";
import { hostPrep, packstack } from "./cases/lab";
import { runCorpus } from "./runCorpus";

/** A port fixed at load time (the corpus is built before beforeAll runs); the server listens on it. */
const PORT = 20000 + (process.pid % 20000);
let server: net.Server;
const connections: string[] = [];

beforeAll(async () => {
  server = net.createServer((s) => {
    connections.push(`${s.remoteAddress}:${s.remotePort}`);
    s.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(PORT, "127.0.0.1", () => resolve());
  });
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

for (const corpus of [hostPrep(PORT), packstack(PORT)]) runCorpus(corpus, () => ({}), () => connections);
