#!/usr/bin/env node
/**
 * A TCP proxy in its own process that appends one line to a file per accepted connection, so a test can count
 * the SSH connections the dynamic-provider plugin opens while the test's own process is blocked in a synchronous
 * stack run. Usage: node countingProxyServer.js <targetHost> <targetPort> <logFile>; prints "listening <port>".
 */
"use strict";
const fs = require("fs");
const net = require("net");

const [host, port, logFile] = process.argv.slice(2);
const server = net.createServer((client) => {
  fs.appendFileSync(logFile, `${new Date().toISOString()} ${client.remotePort}\n`);
  const upstream = net.connect({ host, port: Number(port) });
  for (const s of [client, upstream]) s.on("error", () => undefined);
  client.pipe(upstream).pipe(client);
  client.on("close", () => upstream.destroy());
  upstream.on("close", () => client.destroy());
});
server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
process.on("SIGTERM", () => process.exit(0));
