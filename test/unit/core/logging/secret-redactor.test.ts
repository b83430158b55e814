import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  redact,
  redactValue,
  registerSecret,
} from '../../../../src-main/core/logging/secret-redactor.ts';
import {
  ApiToken,
  PersonalAccessToken,
} from '../../../../src-main/core/account/token/api-token.ts';

function randomToken(): string {
  return randomBytes(60).toString('base64url');
}

test('a registered secret is removed wherever it appears, also JSON- and URL-escaped', () => {
  const secret = `${randomToken().slice(0, 70)}"\\/&=+ %x`;
  registerSecret(secret);
  const text = `plain ${secret} json ${JSON.stringify(secret)} url ${encodeURIComponent(secret)}`;
  const result = redact(text);
  assert.ok(!result.includes(secret));
  assert.ok(!result.includes(JSON.stringify(secret).slice(1, -1)));
  assert.ok(!result.includes(encodeURIComponent(secret)));
  assert.match(result, /^plain \[REDACTED\] json "\[REDACTED\]" url \[REDACTED\]$/);
});

test('unregistered tokens are caught by their shape: Bearer headers, 80-char runs and JWTs', () => {
  const token = randomToken();
  assert.equal(token.length, 80);
  assert.equal(redact(`Authorization: Bearer abc.def-1`), 'Authorization: Bearer [REDACTED]');
  assert.equal(redact(`token=${token}; next`), 'token=[REDACTED]; next');
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';
  assert.equal(redact(`got ${jwt}`), 'got [REDACTED]');
});

test('ordinary text is left alone: hashes, uuids, long file names, short words', () => {
  const sha256 = 'a'.repeat(64);
  const longName = `${'facture-'.repeat(25)}.pdf`;
  const text = `${sha256} B74D7E7D-2408-4517-AA31-BB76018E844D ${longName} ${'x'.repeat(200)}`;
  registerSecret('short');
  assert.equal(redact(`${text} short`), `${text} short`);
});

test('redactValue copies errors (message, stack, cause, own fields) and nested values redacted', () => {
  const secret = randomToken();
  registerSecret(secret);
  const cause = new Error(`inner ${secret}`);
  const error = Object.assign(new Error(`outer ${secret}`, { cause }), { header: secret });
  const circular: Record<string, unknown> = { list: [secret], map: new Map([['k', secret]]) };
  circular.self = circular;
  const copy = redactValue({ error, circular, bytes: Buffer.from(secret), n: 10n });
  const serialised = JSON.stringify(copy);
  assert.ok(!serialised.includes(secret));
  assert.match(serialised, /outer \[REDACTED\]/);
  assert.match(serialised, /inner \[REDACTED\]/);
  assert.match(serialised, /"stack":"Error: outer \[REDACTED\]\\n/);
  assert.match(serialised, /\[Circular\]/);
  assert.match(serialised, /"bytes":"\[80 bytes\]"/);
});

test('the token schemas accept 80 printable characters and JWTs, with a clear message otherwise', () => {
  const token = `${randomToken().slice(0, 76)}!$%~`;
  assert.equal(PersonalAccessToken.parse(token), token);
  assert.equal(ApiToken.parse(`  ${token}\n`), token);
  assert.equal(ApiToken.parse('eyJh.eyJz.c2ln'), 'eyJh.eyJz.c2ln');
  for (const bad of [token.slice(1), `${token}x`, `${token.slice(1)} `.padEnd(80, 'é'), '']) {
    const result = ApiToken.safeParse(bad);
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /exactly 80 characters/);
  }
  assert.equal(PersonalAccessToken.safeParse(`${token.slice(1)} `).success, false);
});

test('a piece of a registered token (12 characters or more) is redacted, wherever it is cut', () => {
  const secret = `${randomToken().slice(0, 70)}!$%&()*+,;`;
  registerSecret(secret);
  const head = secret.slice(0, 40);
  const middle = secret.slice(23, 35);
  const tail = secret.slice(-20);
  const result = redact(`cut ${head}… middle ${middle} wrapped ${tail}\nend`);
  assert.equal(result, 'cut [REDACTED]… middle [REDACTED] wrapped [REDACTED]\nend');
  // 11 characters are left alone: too short to be told apart from ordinary text.
  const short = secret.slice(5, 16);
  assert.equal(redact(`x ${short} y`), `x ${short} y`);
});
