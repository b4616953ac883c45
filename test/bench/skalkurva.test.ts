import assert from 'node:assert/strict';
import { type Skalrad, skaltabell, tillvaxt } from '../../bench/sammanstallning.js';

// The scale curve's arithmetic (bench/sammanstallning.ts): the timings themselves are the bench's, never a test's.
describe('bänkens skalkurva', () => {
  const rad = (units: number, x: number): Skalrad => ({
    units,
    months: 60,
    outcome_rows: 48 * units,
    store_bytes: 33_000 * units,
    import_s: 0.003 * units,
    startup_ms: 1.5 * units,
    rss_start_mb: 200 + units / 20,
    rss_after_load_mb: 300 + units / 20,
    questions_per_s: Math.round(10_000 / x),
    http_p50_ms: 5 * x,
    http_p99_ms: 20 * x,
    submit_p50_ms: 2,
    submit_p99_ms: 10 * x,
    errors: 0,
  });

  it('ger tillväxten från den minsta till den största storleken för varje siffra', () => {
    const t = tillvaxt([rad(10_000, 2), rad(1000, 1), rad(5000, 1.5)]);
    assert.deepEqual(t, {
      from: 1000,
      to: 10_000,
      outcome_rows: 10,
      store_bytes: 10,
      import_s: 10,
      startup_ms: 10,
      rss_start_mb: 2.8,
      rss_after_load_mb: 2.29,
      questions_per_s: 0.5,
      http_p50_ms: 2,
      http_p99_ms: 2,
      submit_p50_ms: 1,
      submit_p99_ms: 2,
    });
  });

  it('har ingen tillväxt med bara en storlek', () => {
    assert.equal(tillvaxt([rad(1000, 1)]), null);
    assert.equal(tillvaxt([]), null);
  });

  it('skriver en rad per storlek i storleksordning och tillväxten sist, i jämna kolumner', () => {
    const tabell = skaltabell([rad(10_000, 2), rad(1000, 1)]);
    assert.equal(tabell.length, 4);
    assert.match(tabell[0], /^enheter\s+utfallsrader\s+store MB\s+import s\s+start ms/);
    assert.match(tabell[1], /^1000\s+48000\s+33\.0\s+3\s+1500\s+250\s+350\s+10000\s+5\s+20\s+2\s+10$/);
    assert.match(tabell[2], /^10000\s+480000\s+330\.0\s+30\s+15000\s+700\s+800\s+5000\s+10\s+40\s+2\s+20$/);
    assert.match(
      tabell[3],
      /^×1000→10000\s+×10\.00\s+×10\.00\s+×10\.00\s+×10\.00\s+×2\.80\s+×2\.29\s+×0\.50\s+×2\.00\s+×2\.00\s+×1\.00\s+×2\.00$/,
    );
    assert.equal(new Set(tabell.map((r) => r.length)).size, 1, 'alla rader lika breda');
  });
});
