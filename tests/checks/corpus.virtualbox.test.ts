/** The bad-input corpus of the virtualbox.* resources: no VBoxManage process may run (the stand-in's calls.log stays empty). */
import { StandIn, useStandIn } from "../virtualbox/standin";
import { VIRTUALBOX } from "./cases/virtualbox";
import { runCorpus } from "./runCorpus";

let standin: StandIn;
beforeAll(() => (standin = useStandIn()));
afterAll(() => standin.restore());

for (const corpus of VIRTUALBOX) runCorpus(corpus, () => ({}), () => standin.calls());
