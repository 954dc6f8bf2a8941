import { generateNames } from './corpus';
import { foldText } from '/tmp/exp2/matcher/normalize';
import { Alphabet } from '/tmp/exp2/matcher/alphabet';
import { buildAutomaton } from '/tmp/exp2/matcher/automaton';
import { Scanner } from '/tmp/exp2/matcher/scanner';
const script = (process.argv[2] ?? 'latin') as 'latin'|'mixed';
const n = Number(process.argv[3] ?? 10000);
const patterns = generateNames(n, script);
for (let round = 0; round < 2; round++) {
let t = performance.now();
const folded = patterns.map(p => ({text: foldText(p.text), id: p.id}));
const t1 = performance.now();
const alphabet = Alphabet.fromFoldedPatterns(folded.map(({ text }) => text));
const t2 = performance.now();
const cp = folded.map(({ text, id }) => ({ classes: alphabet.classesOf(text), id }));
const t3 = performance.now();
const a = buildAutomaton(cp, alphabet.size);
const t4 = performance.now();
new Scanner(alphabet, a);
const t5 = performance.now();
console.log(`fold ${(t1-t).toFixed(1)} alpha ${(t2-t1).toFixed(1)} classes ${(t3-t2).toFixed(1)} automaton ${(t4-t3).toFixed(1)} scanner ${(t5-t4).toFixed(1)}`);
}
console.log((globalThis as any).ATT,(globalThis as any).FITS,(globalThis as any).NODES)
