import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  describeLinuxFileSystemType,
  detectNetworkFileSystem,
  isUncPath,
  mountEntryFor,
  NETWORK_VERDICT_TTL_MS,
  networkShareCheck,
  parseMacMountTable,
} from '../../../../src-main/core/intake/network-share.ts';
import { msg, renderMessage } from '../../../../src-main/contract/messages/index.ts';
import { setForTest } from '../../../support/test-environment.ts';

test('Linux network and user-space file systems are recognised by their statfs magic', () => {
  assert.equal(describeLinuxFileSystemType(0x6969), 'nfs');
  assert.equal(describeLinuxFileSystemType(0xff534d42), 'smb_cifs');
  assert.equal(describeLinuxFileSystemType(0xfe534d42), 'smb2');
  assert.equal(describeLinuxFileSystemType(0x65735546), 'fuse');
  // Negative when a platform hands f_type over as a signed 32-bit value.
  assert.equal(describeLinuxFileSystemType(0xff534d42 | 0), 'smb_cifs');
  assert.equal(describeLinuxFileSystemType(0xef53), null, 'ext4 is local');
  assert.equal(describeLinuxFileSystemType(0x01021994), null, 'tmpfs is local');
});

test('UNC paths are network shares; drive and long-path forms are not', () => {
  assert.equal(isUncPath('\\\\nas\\scans\\invoices'), true);
  assert.equal(isUncPath('//nas/scans'), true);
  assert.equal(isUncPath('\\\\?\\UNC\\nas\\scans'), true);
  assert.equal(isUncPath('\\\\?\\C:\\scans'), false);
  assert.equal(isUncPath('C:\\scans'), false);
  assert.equal(isUncPath('/home/user/scans'), false);
});

test('the macOS mount table tells which file system holds a folder', () => {
  const table = [
    '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
    '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)',
    '//jan@nas._smb._tcp.local/Scans on /Volumes/Scans (smbfs, nodev, nosuid, mounted by jan)',
    '/dev/disk4s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)',
  ].join('\n');
  const entries = parseMacMountTable(table);
  assert.equal(mountEntryFor(entries, '/Volumes/Scans/2026')?.fileSystem, 'smbfs');
  assert.equal(mountEntryFor(entries, '/Volumes/USB Stick/in')?.fileSystem, 'msdos');
  assert.equal(mountEntryFor(entries, '/Volumes/ScansOther')?.fileSystem, 'apfs');
  assert.equal(mountEntryFor(entries, '/Users/jan/Scans')?.fileSystem, 'apfs');
});

test('a local temp folder is not a network share on this machine', async () => {
  assert.equal(await detectNetworkFileSystem(process.cwd()), null);
  assert.equal(await detectNetworkFileSystem('\\\\nas\\scans', 'win32'), 'windows_share');
});

test('the macOS mount probe runs without the process environment, so CLEARFACTS_TOKEN never reaches it', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'mount-probe-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  // A stand-in for /sbin/mount: prints a mount table, and writes down the environment it got.
  const seen = path.join(folder, 'environment');
  const mount = path.join(folder, 'mount');
  writeFileSync(
    mount,
    `#!/bin/sh\nenv > '${seen}'\necho '//jan@nas/Scans on /Volumes/Scans (smbfs, nodev, nosuid)'\n`,
    { mode: 0o755 },
  );
  const token = 'cfprobeTOKEN'.padEnd(80, 'x');
  setForTest(t, 'CLEARFACTS_TOKEN', token);
  const found = await detectNetworkFileSystem('/Volumes/Scans/in', 'darwin', {
    mountCommand: mount,
  });
  assert.equal(found, 'smb', 'the stand-in ran and its table was read');
  const environment = readFileSync(seen, 'utf8');
  assert.doesNotMatch(environment, /CLEARFACTS_TOKEN/);
  assert.ok(!environment.includes(token), 'the token is not in the child environment');
});

test('the statfs answer decides on Linux: a CIFS, NFS or sshfs mount is a network share', async () => {
  // f_type values as statfs(2) gives them on such mounts (linux/magic.h), handed in because this
  // machine mounts none; ext4 and tmpfs are local.
  const onLinux = (type: number) =>
    detectNetworkFileSystem('/mnt/scans', 'linux', { statfs: () => Promise.resolve({ type }) });
  assert.equal(await onLinux(0xff534d42), 'smb_cifs');
  assert.equal(await onLinux(0xfe534d42), 'smb2');
  assert.equal(await onLinux(0x6969), 'nfs');
  assert.equal(await onLinux(0x65735546), 'fuse');
  assert.equal(await onLinux(0xef53), null);
  assert.equal(await onLinux(0x01021994), null);
  const failing = () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' }));
  assert.equal(await detectNetworkFileSystem('/mnt/gone', 'linux', { statfs: failing }), null);
});

test('a mapped network drive on Windows is found by its real path', async () => {
  // libuv's realpath (GetFinalPathNameByHandleW) names a mapped drive by its UNC path.
  const realpath = (folder: string) =>
    Promise.resolve(folder.startsWith('Z:') ? folder.replace('Z:', '\\\\nas\\scans') : folder);
  assert.equal(
    await detectNetworkFileSystem('Z:\\facturen', 'win32', { realpath }),
    'mapped_drive',
  );
  assert.equal(await detectNetworkFileSystem('C:\\scans', 'win32', { realpath }), null);
});

test('the network verdict of a folder is asked once a minute at most', async () => {
  let asked = 0;
  let now = 0;
  const isNetwork = networkShareCheck(
    () => {
      asked += 1;
      return Promise.resolve('smb');
    },
    () => now,
  );
  assert.equal(await isNetwork('/mnt/scans'), true);
  now = NETWORK_VERDICT_TTL_MS - 1;
  assert.equal(await isNetwork('/mnt/scans'), true);
  assert.equal(asked, 1);
  now = NETWORK_VERDICT_TTL_MS;
  await isNetwork('/mnt/scans');
  assert.equal(asked, 2);
});

test('the network file system a folder is polled for is named in nl and fr without English', async (t) => {
  // Every f_type of linux/magic.h the detector knows, every macOS mount type, both Windows forms.
  const linuxTypes = [
    0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x564c, 0x73757245, 0x5346414f, 0x6b414653, 0x00c36400,
    0x0bd00bd0, 0x01161970, 0x7461636f, 0x01021997, 0x786f4256, 0x65735546,
  ];
  const found = await Promise.all(
    linuxTypes.map((type) =>
      detectNetworkFileSystem('/mnt/scans', 'linux', { statfs: () => Promise.resolve({ type }) }),
    ),
  );
  const folder = mkdtempSync(path.join(tmpdir(), 'mount-kinds-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const macTypes = ['smbfs', 'nfs', 'afpfs', 'webdav', 'cifs', 'ftp', 'macfuse', 'osxfuse'];
  const mount = path.join(folder, 'mount');
  const table = macTypes.map((type) => `//nas/${type} on /Volumes/${type} (${type}, nodev)`);
  writeFileSync(
    mount,
    `#!/bin/sh\nprintf '%s\\n' ${table.map((line) => `'${line}'`).join(' ')}\n`,
    {
      mode: 0o755,
    },
  );
  for (const type of macTypes) {
    found.push(
      await detectNetworkFileSystem(`/Volumes/${type}/in`, 'darwin', { mountCommand: mount }),
    );
  }
  found.push(await detectNetworkFileSystem('\\\\nas\\scans', 'win32'));
  const realpath = () => Promise.resolve('\\\\nas\\scans\\facturen');
  found.push(await detectNetworkFileSystem('Z:\\facturen', 'win32', { realpath }));
  found.push(
    await detectNetworkFileSystem('/Volumes/Stick', 'darwin', { mountCommand: '/nonexistent' }),
  );

  for (const fileSystem of found) {
    assert.ok(fileSystem !== null, 'each one is recognised');
    const message = msg('polling_network', { fileSystem });
    assert.match(renderMessage(message, 'en'), /network|file system|shared folder|volume|drive/);
    for (const language of ['nl', 'fr'] as const) {
      const rendered = renderMessage(message, language);
      assert.doesNotMatch(
        rendered,
        /\b(an?|network|shares?|shared|drive|file system|folder|volume)\b/i,
        `${language} names ${fileSystem} in its own words: ${rendered}`,
      );
    }
  }
});
