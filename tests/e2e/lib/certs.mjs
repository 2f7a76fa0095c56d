// A throwaway self-signed certificate for the fixture hosts, made with openssl at test time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @param {string[]} hosts */
export function makeCertificate(hosts) {
  const dir = mkdtempSync(join(tmpdir(), 'msgguard-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-sha256',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', `/CN=${hosts[0]}`,
      '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`], { stdio: 'pipe', timeout: 30_000 });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch (e) {
    throw new Error(`openssl could not make a test certificate (is openssl installed? apt-get install openssl): ${e}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
