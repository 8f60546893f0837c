/** The bad-input corpus of the openstack.* resources: no HTTP request may be sent (the trace of the real client stays empty). */
import { adminCloud } from "../support/cloud";
import { startTrace } from "../support/httpTrace";
import { OPENSTACK } from "./cases/openstack";
import { runCorpus } from "./runCorpus";

let trace: ReturnType<typeof startTrace>;
beforeAll(() => (trace = startTrace()));
afterAll(() => trace.stop());

for (const corpus of OPENSTACK) runCorpus(corpus, () => ({ cloud: adminCloud() }), () => trace.lines());
