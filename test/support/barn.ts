// Child processes a test starts (the bot, a CLI, a process to kill): each is followed until it exits, so that
// `dodaKvarvarande` in a file's afterEach/after can kill what a failed or timed-out test left running. A child
// left alive keeps mocha's event loop (and `npm test`) from ever ending.
import type { ChildProcess } from 'node:child_process';

const levande = new Map<ChildProcess, string>();

const harSlutat = (barn: ChildProcess) => barn.exitCode !== null || barn.signalCode !== null;

/** Follows `barn` until it exits; returns it. */
export function folj<T extends ChildProcess>(barn: T, vad = barn.spawnargs.slice(1).join(' ')): T {
  if (harSlutat(barn)) return barn;
  levande.set(barn, vad);
  barn.once('exit', () => levande.delete(barn));
  return barn;
}

/** Kills (SIGKILL) every followed child still running and waits until each has exited; returns what was killed. */
export async function dodaKvarvarande(): Promise<string[]> {
  const kvar = [...levande].filter(([b]) => !harSlutat(b));
  await Promise.all(
    kvar.map(
      ([barn]) =>
        new Promise<void>((r) => {
          barn.once('exit', () => r());
          barn.kill('SIGKILL');
          if (harSlutat(barn)) r();
        }),
    ),
  );
  return kvar.map(([b, vad]) => `${b.pid} ${vad}`);
}
