"use strict";
/**
 * `curl`: Horizon's dashboard URL (any host, path /dashboard) is answered from state; everything else to
 * 127.0.0.1/localhost goes to the real curl (the test cloud); any other host cannot be reached.
 */
const fs = require("fs");
const { spawnSync } = require("child_process");
const { load, out, err, exit } = require("../lib/state");

const VALUE_OPTS = new Set(["-o", "--output", "-w", "--write-out", "-m", "--max-time", "--connect-timeout", "-H", "--header", "-X", "--request", "-d", "--data", "-u", "--user", "-A", "--user-agent", "--retry"]);

function main(args) {
  let url;
  let output;
  let writeOut;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (VALUE_OPTS.has(a)) {
      if (a === "-o" || a === "--output") output = args[i + 1];
      if (a === "-w" || a === "--write-out") writeOut = args[i + 1];
      i++;
    } else if (/^https?:\/\//.test(a)) url = new URL(a);
  }
  if (!url) return err("curl: no URL specified!"), exit(2);
  const dashboard = url.pathname.startsWith("/dashboard");
  if (!dashboard && (url.hostname === "127.0.0.1" || url.hostname === "localhost")) {
    const r = spawnSync("/usr/bin/curl", args, { stdio: "inherit" });
    return exit(r.status ?? 1);
  }
  const s = load();
  const silent = args.includes("-s") || args.includes("--silent") || args.some((a) => /^-[a-zA-Z]*s/.test(a));
  const failFlag = args.some((a) => a === "-f" || a === "--fail" || /^-[a-zA-Z]*f/.test(a));
  const head = args.includes("-I") || args.includes("--head");
  const up = dashboard && s.services.httpd?.active && s.packages["openstack-dashboard"];
  const w = (code) => writeOut && process.stdout.write(writeOut.replace(/%\{http_code\}/g, code).replace(/\\n/g, "\n"));
  if (!up) {
    w("000");
    if (!silent || args.includes("-S") || args.includes("--show-error")) err(`curl: (7) Failed to connect to ${url.hostname} port ${url.port || 80} after 0 ms: Couldn't connect to server`);
    return exit(7);
  }
  const code = s.horizonStatus ?? 200;
  const body = code === 200
    ? "<!DOCTYPE html>\n<html>\n  <head>\n    <title>Login - OpenStack Dashboard</title>\n  </head>\n  <body id=\"splash\">\n  </body>\n</html>\n"
    : "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n<title>500 Internal Server Error</title>\n</head></html>\n";
  if (failFlag && code >= 400) {
    w(String(code));
    if (!silent) err(`curl: (22) The requested URL returned error: ${code}`);
    return exit(22);
  }
  const text = head ? `HTTP/1.1 ${code} ${code === 200 ? "OK" : "Internal Server Error"}\r\nServer: Apache\r\nContent-Type: text/html; charset=utf-8\r\n\r\n` : body;
  if (output && output !== "-") fs.writeFileSync(output === "/dev/null" ? "/dev/null" : output, text);
  else process.stdout.write(text);
  w(String(code));
  exit(0);
}

module.exports = { main };
