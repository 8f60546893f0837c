import { startGuest } from "./index";
import { connect } from "../../../provider/ssh";
(async () => {
  const g = await startGuest({});
  try {
    const c = await connect({ host: g.host, port: g.port, privateKey: g.privateKey });
    const e = await c.run(["sleep", "67"], { timeoutMs: 500 }).catch((e) => e);
    console.log(e.name);
    await new Promise((r) => setTimeout(r, 1000));
    console.log((await c.run(["sh", "-c", "ps -eo pid,ppid,args | grep 'sleep 67'"])).stdout);
    console.log((g as any).sshd.log());
    c.close();
  } finally { await g.stop(); }
})().catch((e) => { console.error("ERR", e); process.exit(1); });
