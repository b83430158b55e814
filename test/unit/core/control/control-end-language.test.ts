// Why the connection to a running engine ended reaches the CLI's "unreachable", "no answer" and
// "gone" lines as a message code, so nl and fr terminals read it in their language (issue #14):
// real Unix sockets in temp folders, a real control server, and a peer speaking another protocol.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../../src-main/contract/api-contract.ts';
import { msg, renderMessage } from '../../../../src-main/contract/messages/index.ts';
import { connectToRunningEngine } from '../../../../src-main/core/control/control-client.ts';
import { CONTROL_PROTOCOL } from '../../../../src-main/core/control/control-protocol.ts';
import { startControlServer } from '../../../../src-main/core/control/control-server.ts';
import { createFakeEngine } from '../../bridge/fake-engine.ts';
import { createRecordingLogger } from '../../../support/recording-logger.ts';
import { withDeadline } from '../../../support/waiting.ts';

const DEADLINE = { timeoutMs: 10_000 };

function configFolder(t: TestContext): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cfu-control-end-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof ApiError, `an ApiError: ${String(error)}`);
    return error;
  }
  assert.fail('the connection was refused');
}

test('an engine speaking another protocol is reported in nl and fr with the versions', async (t) => {
  const configDir = configFolder(t);
  const socketPath = path.join(configDir, 'engine.sock');
  const impostor = net.createServer((socket) => {
    socket.write(
      `${JSON.stringify({ type: 'hello', protocol: CONTROL_PROTOCOL + 1, version: '99', shell: 'cli', pid: 1 })}\n`,
    );
  });
  await new Promise<void>((resolve) => impostor.listen(socketPath, resolve));
  t.after(() => impostor.close());

  const error = await withDeadline(
    'the connection to be refused',
    refusal(connectToRunningEngine(configDir, { timeoutMs: 5_000 })),
    DEADLINE,
  );
  assert.equal(error.code, 'unavailable');
  assert.equal(
    renderMessage(error.userMessage, 'nl'),
    `De Clearfacts Uploader die met deze configuratiemap draait, is niet bereikbaar op ${socketPath}: ze spreekt besturingsprotocol 2, dit programma 1; werk het oudste bij.`,
  );
  assert.equal(
    renderMessage(error.userMessage, 'fr'),
    `Le Clearfacts Uploader qui fonctionne avec ce répertoire de configuration est injoignable à ${socketPath}: il parle le protocole de commande 2, ce programme le 1 ; mettez à jour le plus ancien.`,
  );
});

test('an engine that stops, or hangs up on an idle client, is said gone in nl and fr', async (t) => {
  const configDir = configFolder(t);
  const start = (idleTimeoutMs?: number) =>
    startControlServer({
      configDir,
      engine: createFakeEngine(),
      version: '9.9.9',
      shell: 'cli',
      logger: createRecordingLogger(),
      ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
    });

  const server = await start();
  const remote = await connectToRunningEngine(configDir);
  assert.ok(remote, 'an engine answers');
  await server.close();
  const stopped = await withDeadline('the client to see the engine stop', remote.closed, DEADLINE);
  assert.equal(
    renderMessage(msg('cli_engine_gone_here', { reason: stopped, count: 2 }), 'nl'),
    'De verwerking die deze bestanden verstuurde, is weg (de verwerking is gestopt); dit proces verstuurt de andere 2 bestanden.',
  );
  assert.equal(
    renderMessage(msg('cli_ui_engine_gone', { reason: stopped }), 'fr'),
    'Le moteur avec lequel cette page fonctionnait a disparu (le moteur s’est arrêté), la page s’arrête donc aussi.',
  );
  await assert.rejects(remote.handlers['status.get']({}), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(
      renderMessage(error.userMessage, 'nl'),
      'De draaiende Clearfacts Uploader gaf geen antwoord (status.get): de verwerking is gestopt.',
    );
    return true;
  });

  // A client that neither calls nor subscribes is hung up on; the server says why as a code.
  const idleServer = await start(200);
  t.after(() => idleServer.close());
  const idle = await connectToRunningEngine(configDir);
  assert.ok(idle, 'the second engine answers');
  const hungUp = await withDeadline('the idle client to be hung up on', idle.closed, DEADLINE);
  assert.equal(
    renderMessage(msg('cli_engine_gone_queued', { reason: hungUp, count: 1 }), 'fr'),
    'Le moteur qui envoyait ces fichiers s’est arrêté (le moteur a coupé la connexion : rien n’a été envoyé pendant trop longtemps). 1 fichier reste en file d’attente et sera envoyé par la prochaine exécution.',
  );
});
