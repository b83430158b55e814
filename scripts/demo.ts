// `npm run demo [folder]`: the whole product on this machine, with nothing sent anywhere. Starts
// the Clearfacts emulator with its demo data, makes a folder tree with sample invoices (in a
// temporary folder, or the one given), and opens the app on it: the Electron app where its runtime
// is installed, otherwise browser mode, whose address is printed. Ctrl+C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { startBrowserMode, type BrowserMode } from '../src-main/bridge/browser-mode.ts';
import { createEngine, createMemoryTokenStore, type Engine } from '../src-main/core/index.ts';
import { startEmulator } from '../test/emulator/index.ts';
import { findElectronRuntime, isStale } from './start-electron.ts';

const root = path.resolve(import.meta.dirname, '..');

interface SampleDocument {
  file: string;
  title: string;
  lines: string[];
  pages: number;
}

const SAMPLES: SampleDocument[] = [
  {
    file: 'Factuur 2026-0142 Brouwerij De Klok.pdf',
    title: 'FACTUUR 2026-0142',
    lines: ['Brouwerij De Klok BV', '3 vaten Klok Blond', 'Totaal te betalen: EUR 412,50'],
    pages: 2,
  },
  {
    file: 'Onderhoud bestelwagen Garage Peeters.pdf',
    title: 'FACTUUR G-7781',
    lines: ['Garage Peeters', 'Onderhoud en banden', 'Totaal: EUR 689,00'],
    pages: 1,
  },
  {
    file: 'Facture électricité mars.pdf',
    title: 'FACTURE 31-0325',
    lines: ['Énergie Wallonie SA', 'Consommation mars', 'Montant total : EUR 1 204,16'],
    pages: 3,
  },
  {
    file: 'Huurcontract kantoor Kouter.pdf',
    title: 'HUUROVEREENKOMST',
    lines: ['Kantoorruimte Kouter 12, Gent', 'Looptijd 9 jaar'],
    pages: 5,
  },
];

async function samplePdf(sample: SampleDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (let page = 1; page <= sample.pages; page++) {
    const sheet = pdf.addPage([595, 842]);
    sheet.drawText(sample.title, {
      x: 56,
      y: 760,
      size: 20,
      font: bold,
      color: rgb(0.1, 0.2, 0.4),
    });
    sample.lines.forEach((line, index) =>
      sheet.drawText(line, { x: 56, y: 720 - index * 20, size: 12, font }),
    );
    sheet.drawText(`${page} / ${sample.pages}`, { x: 500, y: 40, size: 10, font });
  }
  return pdf.save();
}

async function makeDemoTree(
  demoRoot: string,
): Promise<{ inbox: string; samples: string; tree: string }> {
  const inbox = path.join(demoRoot, 'Scans – aankopen');
  const samples = path.join(demoRoot, 'Voorbeelden');
  const tree = path.join(demoRoot, 'Boekhoudkantoor');
  for (const folder of [inbox, samples, tree]) await mkdir(folder, { recursive: true });
  for (const sample of SAMPLES)
    await writeFile(path.join(samples, sample.file), await samplePdf(sample));
  return { inbox, samples, tree };
}

async function main(): Promise<void> {
  const given = process.argv[2];
  const demoRoot =
    given === undefined
      ? await mkdtemp(path.join(tmpdir(), 'clearfacts-demo-'))
      : path.resolve(given);
  const configDir = await mkdtemp(path.join(tmpdir(), 'clearfacts-demo-config-'));
  const version = (
    JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;

  const emulator = await startEmulator();
  const folders = await makeDemoTree(demoRoot);
  const administration = emulator.seed.administrations[0];

  let engine: Engine | null = null;
  let browser: BrowserMode | null = null;
  let electron: ChildProcess | null = null;
  let stopping = false;

  async function stop(exitCode: number): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the demo…');
    electron?.kill('SIGTERM');
    await browser?.close();
    await engine?.stop();
    await emulator.close();
    await rm(configDir, { recursive: true, force: true });
    if (given === undefined) await rm(demoRoot, { recursive: true, force: true });
    process.exit(exitCode);
  }
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const tips = [
    'What to try:',
    '  1. Click "Try the demo" to sign in to the emulated Clearfacts.',
    `  2. Folders → Add a folder: ${folders.inbox}`,
    `     bound to ${administration?.name ?? 'an administration'}, purchase invoices.`,
    `  3. Copy a PDF from ${folders.samples} into that folder and watch it arrive in History.`,
    `  4. Or drag the samples onto Drop files, or set up ${folders.tree} as an accountant tree.`,
    '',
    // The config folder's engine answers the CLI over its socket; the emulator's address and
    // token let a CLI with its own config folder read the same demo data (issue #14).
    'The command line works on this demo too (in another terminal, after step 1):',
    `  npx clearfacts-uploader --config-dir ${configDir} administrations`,
    `  npx clearfacts-uploader --config-dir ${configDir} ui --link   (a new private link)`,
    `Emulated Clearfacts: --api-url ${emulator.graphqlUrl} with CLEARFACTS_TOKEN=${emulator.demoToken}`,
  ];

  const runtime = findElectronRuntime();
  if (runtime !== null) {
    console.log(
      `Starting the desktop app (Electron ${runtime.version}) against the emulator at ${emulator.origin}`,
    );
    electron = spawn(process.execPath, [path.join(root, 'scripts', 'start-electron.ts')], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        CLEARFACTS_API_URL: emulator.graphqlUrl,
        CLEARFACTS_USER_DATA_DIR: configDir,
        CLEARFACTS_DEMO_TOKEN: emulator.demoToken,
      },
    });
    console.log(tips.join('\n'));
    electron.on('exit', (code) => void stop(code ?? 0));
    return;
  }

  const rendererSources = ['src-renderer', 'src-main/contract', 'vite.config.ts'].map((entry) =>
    path.join(root, entry),
  );
  if (isStale(path.join(root, 'dist', 'renderer', 'index.html'), rendererSources)) {
    console.log('Building the app…');
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  engine = await createEngine({
    configDir,
    tokenStore: createMemoryTokenStore({ backend: 'memory (demo)' }),
    shell: 'browser',
    version,
    apiUrl: emulator.graphqlUrl,
    demoToken: emulator.demoToken,
    // A browser cannot open the OS file manager: "show file" answers where the file is.
    revealFile: () => Promise.resolve(),
  });
  await engine.start();
  browser = await startBrowserMode({ engine, configDir });
  // The printed link is single-use: `ui --link --config-dir …` asks the engine for a fresh one.
  engine.servePageLinks(browser.newLink);

  console.log(
    [
      '',
      'Clearfacts Uploader demo: everything runs on this machine, against an emulated Clearfacts.',
      '(No Electron runtime is installed here, so the app runs in your browser.)',
      '',
      `Open ${browser.url}`,
      '',
      ...tips,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  console.error(
    `The demo could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
