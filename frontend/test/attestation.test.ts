import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AWS_NITRO_ROOT_SHA256, verifyAttestation } from '../src/attestation/attestation';

// Two real documents from AWS Nitro Enclaves (test/fixtures/nitro/README.md says what is true of each).
function load(name: string): Uint8Array {
  return new Uint8Array(Buffer.from(readFileSync(new URL(`./fixtures/nitro/${name}`, import.meta.url), 'utf8').trim(), 'base64'));
}

const NONCE = Uint8Array.from(Buffer.from('0000000000000000000000000000000000000001', 'hex'));
const VALID_AT = new Date('2024-09-09T19:49:12.400Z');
const BAD_AT = new Date('2024-07-23T21:29:40.771Z');

describe('attestation verification in the browser', () => {
  it('verifies the valid document at its own timestamp and flags debug mode', async () => {
    const report = await verifyAttestation(load('debug-mode-valid.b64'), { nonce: NONCE, now: VALID_AT });
    expect(report.problems).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.signatureValid).toBe(true);
    expect(report.chainValid).toBe(true);
    expect(report.debugMode).toBe(true);
    expect(report.developmentSigner).toBe(false);
    expect(report.moduleId).toBe('i-0bbf1bfe232b8c2ce-enc0191ba35c9d1b77a');
    expect(report.timestamp.toISOString()).toBe('2024-09-09T19:49:12.400Z');
    expect(report.pcrs.get(0)).toMatch(/^0{96}$/);
  });

  it('rejects the document whose COSE signature does not verify, though its chain does', async () => {
    const report = await verifyAttestation(load('bad-signature.b64'), { nonce: NONCE, now: BAD_AT });
    expect(report.verified).toBe(false);
    expect(report.signatureValid).toBe(false);
    expect(report.chainValid).toBe(true);
    expect(report.problems.join(' ')).toContain('COSE signature does not verify');
  });

  it('rejects the valid document today: its chain has expired and it is not fresh', async () => {
    const report = await verifyAttestation(load('debug-mode-valid.b64'), { nonce: NONCE });
    expect(report.verified).toBe(false);
    expect(report.chainValid).toBe(false);
    expect(report.fresh).toBe(false);
  });

  it('rejects a nonce other than the one the page asked for', async () => {
    const report = await verifyAttestation(load('debug-mode-valid.b64'), { nonce: new Uint8Array(20), now: VALID_AT });
    expect(report.verified).toBe(false);
    expect(report.nonceMatches).toBe(false);
    expect(report.signatureValid).toBe(true);
  });

  it('accepts no root but the pinned AWS one', async () => {
    const report = await verifyAttestation(load('debug-mode-valid.b64'), {
      nonce: NONCE,
      now: VALID_AT,
      trustedRoots: ['00'.repeat(32)],
    });
    expect(report.chainValid).toBe(false);
    expect(report.problems.join(' ')).toContain('AWS Nitro root');
    expect(AWS_NITRO_ROOT_SHA256).toHaveLength(64);
  });

  it('reports garbage as unreadable instead of throwing', async () => {
    for (const bytes of [new Uint8Array(0), new Uint8Array([0x84, 1, 2]), new TextEncoder().encode('not cbor at all')]) {
      const report = await verifyAttestation(bytes, { nonce: NONCE });
      expect(report.verified).toBe(false);
      expect(report.problems[0]).toContain('cannot be read');
    }
  });

  it('rejects a document with one byte of its payload changed', async () => {
    const document = load('debug-mode-valid.b64');
    const tampered = document.slice();
    tampered[200] ^= 0x01;
    const report = await verifyAttestation(tampered, { nonce: NONCE, now: VALID_AT });
    expect(report.verified).toBe(false);
  });
});
