/**
 * Which example READMEs are doc-tested comes from the files: an example folder with a README.md and
 * `readme.test.ts` on tests/docs/readme.ts's describeReadme (or labReadme.ts's describeLabReadme, which runs it in the
 * lab's test world). Every example is; README.md and DEVELOPERS.md name exactly those (between `<!-- doc-tested -->`
 * and `<!-- /doc-tested -->`).
 */
import * as fs from "fs";
import * as path from "path";
const REPO = path.resolve(__dirname, "..", "..");

const EXAMPLES = path.join(REPO, "examples");
const examples = fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, "README.md"))).sort();
const docTested = examples.filter((d) => {
  const f = path.join(EXAMPLES, d, "readme.test.ts");
  return fs.existsSync(f) && /\bdescribe(Lab)?Readme\(/.test(fs.readFileSync(f, "utf8"));
});

test("every example's README is doc-tested", () => {
  expect(examples.length).toBeGreaterThan(0);
  expect(docTested).toEqual(examples);
});

test.each(["README.md", "DEVELOPERS.md"])("%s names the doc-tested READMEs", (doc) => {
  const m = /<!-- doc-tested -->([\s\S]*?)<!-- \/doc-tested -->/.exec(fs.readFileSync(path.join(REPO, doc), "utf8"));
  expect(m).not.toBeNull();
  expect(m![1].split(",").map((s) => s.trim()).sort()).toEqual(docTested);
});
