/** The bad-input corpus of openstack.Keypair, Flavor, Image and Server: no HTTP request may be sent. */
import { adminCloud } from "../support/cloud";
import { startTrace } from "../support/httpTrace";
import { COMPUTE } from "./cases/compute";
import { runCorpus } from "./runCorpus";

let trace: ReturnType<typeof startTrace>;
beforeAll(() => (trace = startTrace()));
afterAll(() => trace.stop());

for (const corpus of COMPUTE) runCorpus(corpus, () => ({ cloud: adminCloud() }), () => trace.lines());
