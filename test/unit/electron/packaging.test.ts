// electron-builder.yml checked by electron-builder's own loader and schema validation (a typo'd
// key fails here, not on a release machine), plus the choices issue 5 asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  [key: string]: unknown;
}
const builderConfig = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    fromOptions: null,
  ): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

async function loadAndValidate(projectDir: string): Promise<BuilderConfig> {
  const config = await builderConfig.getConfig(projectDir, 'electron-builder.yml', null);
  await builderConfig.validateConfiguration(config, new DebugLogger(false));
  return config;
}

const Target = z.object({ target: z.string(), arch: z.array(z.string()) });
const Packaging = z.object({
  appId: z.string(),
  npmRebuild: z.literal(false),
  asarUnpack: z.array(z.string()),
  electronFuses: z.object({
    runAsNode: z.literal(false),
    enableNodeOptionsEnvironmentVariable: z.literal(false),
    enableNodeCliInspectArguments: z.literal(false),
    enableCookieEncryption: z.literal(true),
    enableEmbeddedAsarIntegrityValidation: z.literal(true),
    onlyLoadAppFromAsar: z.literal(true),
  }),
  publish: z.object({ provider: z.literal('generic'), url: z.string() }),
  win: z.object({ target: z.array(Target), icon: z.string() }),
  nsis: z.object({ oneClick: z.boolean(), perMachine: z.literal(false) }),
  mac: z.object({ target: z.array(Target), icon: z.string() }),
  linux: z.object({ target: z.array(Target), icon: z.string() }),
});

test('electron-builder.yml passes electron-builder’s own validation', async () => {
  const config = Packaging.parse(await loadAndValidate(root));
  assert.equal(config.appId, 'be.clearfacts.uploader');
  assert.deepEqual(
    config.win.target.map((target) => target.target),
    ['nsis'],
  );
  const dmg = config.mac.target.find((target) => target.target === 'dmg');
  assert.deepEqual(dmg?.arch, ['x64', 'arm64']);
  assert.deepEqual(config.linux.target.map((target) => target.target).sort(), ['AppImage', 'deb']);
  assert.ok(config.asarUnpack.includes('**/*.node'), 'native addons load from outside the asar');
  assert.equal(config.publish.url, '${env.CLEARFACTS_UPDATE_URL}');
  for (const icon of [config.win.icon, config.mac.icon, config.linux.icon]) {
    assert.ok(existsSync(path.join(root, icon)), icon);
  }
});

test('the validation this relies on rejects a misspelt option', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clearfacts-builder-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
  const yaml = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  writeFileSync(
    path.join(dir, 'electron-builder.yml'),
    yaml.replace('onlyLoadAppFromAsar', 'onlyLoadAppFromAsr'),
  );
  await assert.rejects(loadAndValidate(dir), /does not match the API schema/);
});

test('every tray state has its icons, @2x and macOS template variants', () => {
  for (const state of ['idle', 'uploading', 'paused', 'attention']) {
    for (const variant of ['', 'Template']) {
      for (const scale of ['', '@2x']) {
        const file = path.join(root, 'assets/tray', `tray-${state}${variant}${scale}.png`);
        assert.ok(existsSync(file), file);
        assert.equal(readFileSync(file).subarray(1, 4).toString(), 'PNG');
      }
    }
  }
});
