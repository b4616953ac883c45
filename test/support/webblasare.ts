import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** The Debian package's browser; BUDGETKOLLEN_CHROMIUM points elsewhere (and lets the skip be tried). */
export const CHROMIUM = process.env.BUDGETKOLLEN_CHROMIUM || '/usr/bin/chromium';

/** Skips the suite where Chromium is missing, except in CI, where the browser suite must run. */
export function kravChromium(ctx: Mocha.Context): void {
  if (existsSync(CHROMIUM)) return;
  const line = `Hoppar över webbläsarsviten: ${CHROMIUM} saknas (apt-get install -y chromium)`;
  if (/^(1|true)$/i.test(process.env.CI ?? '')) throw new Error(`${line.replace('Hoppar över', 'Kan inte köra')}; i CI måste den köras.`);
  console.log(`  ${line}`);
  ctx.skip();
}

export interface Webblasare {
  context: BrowserContext;
  page: Page;
  stang(): Promise<void>;
}

/** Headless Chromium on the Playground's page, with its own profile. */
export async function oppnaPlayground(url: string, viewport: { width: number; height: number }): Promise<Webblasare> {
  const profil = await mkdtemp(join(tmpdir(), 'budgetkollen-chromium-'));
  const stangProfil = () => rm(profil, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profil, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (e) {
    await stangProfil();
    throw e;
  }
  // Everything the test needs is local; the UI's fonts and worklet on res-1.cdn.office.net are not.
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    context,
    page,
    stang: async () => {
      await context.close().catch(() => undefined);
      await stangProfil();
    },
  };
}
