// Time to analyse pre-post results and render the PDF and CSV for a group session (25 people), a district day
// (200) and a facility's year (1000), with item-by-item sheets. In-process, no server or database: this is the
// analysis and rendering cost a results request adds. One warm-up, then the median of 5 runs.
import { QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import { analyseResults, type ResultPerson } from '../apps/server/src/training/results/analyse-results.ts';
import { resultsCsv } from '../apps/server/src/training/results/results-csv.ts';
import { resultsPdf } from '../apps/server/src/training/results/results-pdf.ts';

function sheet(seed: number, ability: number): Record<string, string> {
  return Object.fromEntries(
    QUIZ_ITEMS.map((item, i) => {
      const draw = ((seed * 9301 + i * 49297) % 233280) / 233280;
      const wrong = item.options.find((o) => o.id !== item.correctOptionId)?.id ?? 'a';
      return [item.id, draw < ability ? item.correctOptionId : wrong];
    }),
  );
}

function people(n: number): ResultPerson[] {
  return Array.from({ length: n }, (_, p) => ({
    key: `p${p}`,
    name: `Peserta ${p + 1}`,
    sheets: (['pre', 'post'] as const).map((phase) => {
      const answers = sheet(p * 2 + (phase === 'post' ? 1 : 0), phase === 'pre' ? 0.45 : 0.85);
      const correct = QUIZ_ITEMS.filter((item) => answers[item.id] === item.correctOptionId).length;
      return {
        phase,
        score: Math.round((100 * correct) / QUIZ_ITEMS.length),
        source: 'paper' as const,
        takenAt: `2026-11-10T0${phase === 'pre' ? 1 : 3}:00:00Z`,
        itemBankVersion: QUIZ_VERSION,
        answers,
      };
    }),
  }));
}

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

console.log('people  analyse   PDF render  PDF size  CSV');
for (const n of [25, 200, 1000]) {
  const input = people(n);
  const frame = { scope: 'session' as const, title: 'Bench', session: null, generatedAt: new Date().toISOString() };
  const results = analyseResults(frame, input);
  const analyse = await median(async () => analyseResults(frame, input));
  const pdf = await median(() => resultsPdf(results, 'id'));
  const bytes = (await resultsPdf(results, 'id')).length;
  const csv = await median(async () => resultsCsv(results, 'id'));
  console.log(
    `${String(n).padStart(6)}  ${analyse.toFixed(1).padStart(6)} ms  ${pdf.toFixed(0).padStart(7)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KB  ${csv.toFixed(1)} ms`,
  );
}
