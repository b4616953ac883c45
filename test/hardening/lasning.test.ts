// Issue 12.6: the store lock is exclusive. The lock file used to be created and then written; a process that read it
// in between saw it empty, called it abandoned and took it (12 of 300 simultaneous starts both held it; 35 of 300 on
// a stale lock), and the owner was a bare pid, which another container's pid 1 matched. Here many processes, each
// loaded and waiting, are told to take the same lock at the same moment: exactly one may hold it, fresh or stale.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { låsLagringen } from '../../src/store/skrivlas.js';
import { figur } from './stod.js';

const KANDIDATER = 16;
const RUNDOR = 12;

/** A child process of processer/laskandidat.ts and the lines it answers. */
class Kandidat {
  private rader: string[] = [];
  private vantare: Array<(rad: string) => void> = [];
  readonly slut: Promise<void>;
  constructor(readonly barn: ChildProcess) {
    createInterface({ input: barn.stdout! }).on('line', (rad) => {
      const v = this.vantare.shift();
      if (v) v(rad);
      else this.rader.push(rad);
    });
    this.slut = new Promise((r) => barn.on('exit', () => r()));
  }
  nastaRad(): Promise<string> {
    const rad = this.rader.shift();
    if (rad !== undefined) return Promise.resolve(rad);
    return new Promise((r) => this.vantare.push(r));
  }
  skicka(text: string): void {
    this.barn.stdin!.write(`${text}\n`);
  }
}

/** A pid that no process has now. */
function dodPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf-8' }).stdout);
}

const läs = (f: string) => {
  try {
    return readFileSync(f, 'utf-8').trim();
  } catch {
    return null;
  }
};

/** Stale locks as each version wrote them: a bare pid (before), and the full identity of a process that is gone. */
const GAMLA_LAS: Array<[string, () => object]> = [
  ['äldre form, bara pid', () => ({ pid: dodPid(), vem: 'Budgetkollen-boten', sedan: '2025-12-10T08:00:00.000Z' })],
  [
    'process som inte finns på den här värden',
    () => ({
      pid: dodPid(),
      vem: 'Budgetkollen-boten',
      sedan: '2025-12-10T08:00:00.000Z',
      vard: hostname(),
      boot: läs('/proc/sys/kernel/random/boot_id'),
      pidns: existsSync('/proc/self/ns/pid') ? readlinkSync('/proc/self/ns/pid') : null,
      starttid: '1',
      nyckel: 'dod',
    }),
  ],
  [
    'samma pid som nu kör men en annan starttid (återanvänd pid)',
    () => ({
      pid: process.pid,
      vem: 'Budgetkollen-boten',
      sedan: '2025-12-10T08:00:00.000Z',
      vard: hostname(),
      boot: läs('/proc/sys/kernel/random/boot_id'),
      pidns: existsSync('/proc/self/ns/pid') ? readlinkSync('/proc/self/ns/pid') : null,
      starttid: '1',
      nyckel: 'aterbrukad',
    }),
  ],
  [
    'från före senaste omstarten av maskinen',
    () => ({ pid: process.pid, vem: 'Budgetkollen-boten', sedan: '2025-12-10T08:00:00.000Z', vard: hostname(), boot: 'en-annan-start' }),
  ],
];

describe('lagringens lås är exklusivt (issue 12.6)', function () {
  this.timeout(300000);
  const kandidater: Kandidat[] = [];
  const mapp = mkdtempSync(join(tmpdir(), 'bk-lasning-'));

  before(async () => {
    for (let i = 0; i < KANDIDATER; i++) {
      const barn = spawn(process.execPath, ['--import', 'tsx', 'test/hardening/processer/laskandidat.ts'], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      kandidater.push(new Kandidat(barn));
    }
    for (const k of kandidater) assert.equal(await k.nastaRad(), 'REDO');
  });

  after(async () => {
    for (const k of kandidater) k.barn.stdin!.end();
    await Promise.all(kandidater.map((k) => k.slut));
  });

  /** Every candidate tries at once; the answers, and which candidates hold the lock. */
  async function runda(fil: string): Promise<{ har: Kandidat[]; nej: string[] }> {
    for (const k of kandidater) k.skicka(`ta ${fil}`);
    const svar = await Promise.all(kandidater.map((k) => k.nastaRad()));
    return { har: kandidater.filter((_, i) => svar[i] === 'HAR'), nej: svar.filter((s) => s !== 'HAR') };
  }

  async function slapp(har: Kandidat[]): Promise<void> {
    for (const k of har) k.skicka('släpp');
    for (const k of har) assert.equal(await k.nastaRad(), 'SLÄPPT');
  }

  it(`${KANDIDATER} processer tar ett ledigt lås samtidigt, ${RUNDOR} gånger: exakt en håller det, de andra får besked om vem`, async () => {
    let forsok = 0;
    for (let r = 0; r < RUNDOR; r++) {
      const fil = join(mapp, `ledig-${r}.json`);
      const { har, nej } = await runda(fil);
      forsok += KANDIDATER;
      assert.equal(har.length, 1, `runda ${r}: ${har.length} processer höll låset samtidigt`);
      const agare = JSON.parse(readFileSync(`${fil}.las`, 'utf-8')) as { pid: number };
      assert.equal(agare.pid, har[0].barn.pid);
      for (const n of nej) assert.match(n, new RegExp(`^NEJ .* används av kandidat ${agare.pid} \\(process ${agare.pid}, sedan `));
      await slapp(har);
      assert.ok(!existsSync(`${fil}.las`), 'låset fanns kvar när den som höll det släppt det');
    }
    figur('lås: samtidiga försök på ett ledigt lås', { forsok, rundor: RUNDOR, haft_av_fler_an_en: 0 });
  });

  for (const [namn, gammalt] of GAMLA_LAS) {
    it(`ett övergivet lås (${namn}) tas över av exakt en av ${KANDIDATER} samtidiga, ${RUNDOR / 2} gånger`, async () => {
      for (let r = 0; r < RUNDOR / 2; r++) {
        const fil = join(mapp, `overgivet-${GAMLA_LAS.findIndex(([n]) => n === namn)}-${r}.json`);
        writeFileSync(`${fil}.las`, JSON.stringify(gammalt()));
        const { har, nej } = await runda(fil);
        assert.equal(har.length, 1, `runda ${r}: ${har.length} processer tog över låset (${nej.slice(0, 2).join(' / ')})`);
        for (const n of nej) assert.match(n, new RegExp(`används av kandidat ${har[0].barn.pid} `));
        await slapp(har);
        assert.ok(!existsSync(`${fil}.las`));
      }
      const kvar = readdirSync(mapp).filter((f) => f.includes('.las.'));
      assert.deepEqual(kvar, [], 'tillfälliga filer och övertagsmarkeringar ligger kvar');
    });
  }

  it('ett lås som en levande process håller tas inte över, inte ens av samma process en gång till', () => {
    const fil = join(mapp, 'levande.json');
    const släpp = låsLagringen(fil, 'testprocessen');
    try {
      assert.throws(() => låsLagringen(fil, 'en till'), /används av testprocessen \(process \d+, sedan .*\)\. Stoppa den först/);
    } finally {
      släpp();
    }
    assert.ok(!existsSync(`${fil}.las`));
  });

  it('ett lås från en annan värd eller en annan container (pid-namnrymd) på samma värd räknas som hållet', () => {
    for (const [var_, pidns] of [
      ['en-annan-dator', null],
      [hostname(), 'pid:[1]'],
    ] as const) {
      const fil = join(mapp, `annan-${var_}.json`);
      // pid 1 of another container: here pid 1 is init, which runs; a bare pid would call it this machine's.
      writeFileSync(
        `${fil}.las`,
        JSON.stringify({ pid: 1, vem: 'Budgetkollen-boten', sedan: '2025-12-10T08:00:00.000Z', vard: var_, pidns }),
      );
      assert.throws(() => låsLagringen(fil, 'import'), /används av Budgetkollen-boten.*\(process 1, sedan/);
    }
  });

  it('ett övertag som dog halvvägs (kvarlämnad markering) hindrar inte nästa', async () => {
    const fil = join(mapp, 'halvvags.json');
    const las = JSON.stringify({ pid: dodPid(), vem: 'Budgetkollen-boten', sedan: '2025-12-10T08:00:00.000Z', vard: hostname() });
    writeFileSync(`${fil}.las`, las);
    const { createHash } = await import('node:crypto');
    const markering = `${fil}.las.overtag-${createHash('sha256').update(las).digest('hex').slice(0, 32)}`;
    writeFileSync(
      markering,
      JSON.stringify({ pid: dodPid(), vem: 'en import som dödades', sedan: '2025-12-10T08:00:00.000Z', vard: hostname() }),
    );
    const { har } = await runda(fil);
    assert.equal(har.length, 1);
    await slapp(har);
    assert.deepEqual(
      readdirSync(mapp).filter((f) => f.startsWith('halvvags.json.')),
      [],
    );
  });
});
