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
import { setForTest } from '../../../support/test-environment.ts';

test('Linux network and user-space file systems are recognised by their statfs magic', () => {
  assert.match(describeLinuxFileSystemType(0x6969) ?? '', /NFS/);
  assert.match(describeLinuxFileSystemType(0xff534d42) ?? '', /SMB\/CIFS/);
  assert.match(describeLinuxFileSystemType(0xfe534d42) ?? '', /SMB2/);
  assert.match(describeLinuxFileSystemType(0x65735546) ?? '', /FUSE/);
  // Negative when a platform hands f_type over as a signed 32-bit value.
  assert.match(describeLinuxFileSystemType(0xff534d42 | 0) ?? '', /SMB\/CIFS/);
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
  assert.match((await detectNetworkFileSystem('\\\\nas\\scans', 'win32')) ?? '', /network share/);
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
  assert.match(found ?? '', /SMB/i, 'the stand-in ran and its table was read');
  const environment = readFileSync(seen, 'utf8');
  assert.doesNotMatch(environment, /CLEARFACTS_TOKEN/);
  assert.ok(!environment.includes(token), 'the token is not in the child environment');
});

test('the statfs answer decides on Linux: a CIFS, NFS or sshfs mount is a network share', async () => {
  // f_type values as statfs(2) gives them on such mounts (linux/magic.h), handed in because this
  // machine mounts none; ext4 and tmpfs are local.
  const onLinux = (type: number) =>
    detectNetworkFileSystem('/mnt/scans', 'linux', { statfs: () => Promise.resolve({ type }) });
  assert.match((await onLinux(0xff534d42)) ?? '', /SMB\/CIFS/);
  assert.match((await onLinux(0xfe534d42)) ?? '', /SMB2/);
  assert.match((await onLinux(0x6969)) ?? '', /NFS/);
  assert.match((await onLinux(0x65735546)) ?? '', /sshfs/);
  assert.equal(await onLinux(0xef53), null);
  assert.equal(await onLinux(0x01021994), null);
  const failing = () => Promise.reject(Object.assign(new Error('gone'), { code: 'ENOENT' }));
  assert.equal(await detectNetworkFileSystem('/mnt/gone', 'linux', { statfs: failing }), null);
});

test('a mapped network drive on Windows is found by its real path', async () => {
  // libuv's realpath (GetFinalPathNameByHandleW) names a mapped drive by its UNC path.
  const realpath = (folder: string) =>
    Promise.resolve(folder.startsWith('Z:') ? folder.replace('Z:', '\\\\nas\\scans') : folder);
  assert.match(
    (await detectNetworkFileSystem('Z:\\facturen', 'win32', { realpath })) ?? '',
    /mapped network drive/,
  );
  assert.equal(await detectNetworkFileSystem('C:\\scans', 'win32', { realpath }), null);
});

test('the network verdict of a folder is asked once a minute at most', async () => {
  let asked = 0;
  let now = 0;
  const isNetwork = networkShareCheck(
    () => {
      asked += 1;
      return Promise.resolve('an SMB network share');
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
