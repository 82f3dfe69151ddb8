import { decode, encode } from 'cborg';
import { ecdsaDerToRaw, parseCertificate, readElement, children, oid, type Certificate } from './der';

// Checks an AWS Nitro attestation document in the browser, as the Java verifier does on the server:
// COSE_Sign1 with ES384, the certificate chain to the pinned AWS Nitro root, the nonce the page
// chose, the document's age, PCRs (all zero: debug mode) and the signer's user_data.

/** SHA-256 of the AWS Nitro Enclaves root certificate (G1), the only root accepted. */
export const AWS_NITRO_ROOT_SHA256 = '641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b';

/** A document older than this (or this far in the future) is not fresh. */
export const MAX_AGE_MS = 5 * 60_000;

const COSE_ES384 = -35;
const CURVES: Record<string, { curve: string; size: number }> = {
  '1.2.840.10045.3.1.7': { curve: 'P-256', size: 32 },
  '1.3.132.0.34': { curve: 'P-384', size: 48 },
  '1.3.132.0.35': { curve: 'P-521', size: 66 },
};
const HASHES: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};

/** What the signer states about itself in `user_data` (see the attestation format). */
export interface SignerClaims {
  v: number;
  operator: string;
  chainId: number;
  contract: string;
  secure: boolean;
}

export interface AttestationReport {
  /** Every check passed: signature, chain to the pinned root, nonce, age. */
  verified: boolean;
  /** What failed, in words; empty when verified. */
  problems: string[];
  signatureValid: boolean;
  chainValid: boolean;
  nonceMatches: boolean;
  fresh: boolean;
  timestamp: Date;
  moduleId: string;
  pcrs: Map<number, string>;
  /** PCR0–2 all zero: the enclave was started in debug mode and proves nothing about its code. */
  debugMode: boolean;
  /** Produced by the software NSM of the development signer, which is not secure. */
  developmentSigner: boolean;
  claims: SignerClaims | null;
  leaf: Certificate | null;
}

export interface VerifyOptions {
  /** The nonce the page asked for; the document must carry it. */
  nonce: Uint8Array;
  /** When to check the chain's validity and the document's age at (default: now). */
  now?: Date;
  /** SHA-256 fingerprints (hex) of accepted roots (default: the AWS Nitro root alone). */
  trustedRoots?: readonly string[];
}

interface Payload {
  module_id: string;
  digest: string;
  timestamp: number | bigint;
  pcrs: Map<number, Uint8Array>;
  certificate: Uint8Array;
  cabundle: Uint8Array[];
  public_key: Uint8Array | null;
  user_data: Uint8Array | null;
  nonce: Uint8Array | null;
}

/** Verifies a raw attestation document; never throws on a bad document, it reports it. */
export async function verifyAttestation(document: Uint8Array, options: VerifyOptions): Promise<AttestationReport> {
  const now = options.now ?? new Date();
  const roots = options.trustedRoots ?? [AWS_NITRO_ROOT_SHA256];
  const problems: string[] = [];
  let sign1: [Uint8Array, unknown, Uint8Array, Uint8Array];
  let payload: Payload;
  let header: Map<number, unknown>;
  try {
    sign1 = decodeCbor(document) as typeof sign1;
    if (!Array.isArray(sign1) || sign1.length !== 4) {
      throw new Error('not a COSE_Sign1 structure');
    }
    payload = toPayload(decodeCbor(sign1[2]));
    header = decodeCbor(sign1[0]) as Map<number, unknown>;
  } catch (e) {
    return unreadable(`the document cannot be read: ${(e as Error).message}`);
  }

  const leaf = safeParse(payload.certificate);
  let signatureValid = false;
  if (header.get(1) !== COSE_ES384) {
    problems.push('the document is not signed with ES384');
  } else if (!leaf) {
    problems.push('the signing certificate cannot be read');
  } else {
    const signed = encode(['Signature1', sign1[0], new Uint8Array(0), sign1[2]]);
    signatureValid = await verifyEcdsa(leaf.publicKeyInfo, 'SHA-384', sign1[3], signed);
    if (!signatureValid) {
      problems.push('the COSE signature does not verify: the document was altered or not signed by its certificate');
    }
  }

  const chainProblem = leaf ? await checkChain(payload.cabundle, leaf, now, roots) : 'no signing certificate';
  if (chainProblem) {
    problems.push(chainProblem);
  }
  const nonceMatches = !!payload.nonce && equalBytes(payload.nonce, options.nonce);
  if (!nonceMatches) {
    problems.push('the document does not carry the nonce this page asked for (it may be replayed)');
  }
  const timestamp = new Date(Number(payload.timestamp));
  const fresh = Math.abs(now.getTime() - timestamp.getTime()) <= MAX_AGE_MS;
  if (!fresh) {
    problems.push(`the document is not fresh: made ${timestamp.toISOString()}`);
  }
  const pcrs = new Map<number, string>();
  for (const [index, value] of payload.pcrs) {
    pcrs.set(Number(index), hex(value));
  }
  const debugMode = [0, 1, 2].every((i) => /^0*$/.test(pcrs.get(i) ?? ''));
  const claims = parseClaims(payload.user_data);
  return {
    verified: problems.length === 0,
    problems,
    signatureValid,
    chainValid: !chainProblem,
    nonceMatches,
    fresh,
    timestamp,
    moduleId: payload.module_id,
    pcrs,
    debugMode,
    developmentSigner: payload.module_id.startsWith('software-nsm-') || claims?.secure === false,
    claims,
    leaf,
  };
}

async function checkChain(
  bundle: Uint8Array[],
  leaf: Certificate,
  now: Date,
  roots: readonly string[],
): Promise<string | null> {
  if (bundle.length === 0) {
    return 'the document carries no certificate chain';
  }
  const rootPrint = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bundle[0] as BufferSource)));
  if (!roots.includes(rootPrint)) {
    return 'the certificate chain does not end at the AWS Nitro root';
  }
  const chain: Certificate[] = [];
  for (const der of bundle) {
    const certificate = safeParse(der);
    if (!certificate) {
      return 'a certificate of the chain cannot be read';
    }
    chain.push(certificate);
  }
  chain.push(leaf);
  for (let i = 0; i < chain.length; i++) {
    const certificate = chain[i];
    if (now < certificate.notBefore || now > certificate.notAfter) {
      return `the certificate "${certificate.commonName}" is not valid at ${now.toISOString()}`;
    }
    if (i === 0) {
      continue;
    }
    const issuer = chain[i - 1];
    const hash = HASHES[certificate.signatureAlgorithm];
    const curve = curveOf(issuer.publicKeyInfo);
    const signed =
      hash &&
      curve &&
      equalBytes(certificate.issuer, issuer.subject) &&
      (await verifyEcdsa(issuer.publicKeyInfo, hash, ecdsaDerToRaw(certificate.signature, curve.size), certificate.tbs));
    if (!signed) {
      return `the certificate "${certificate.commonName}" is not signed by "${issuer.commonName}"`;
    }
  }
  return null;
}

async function verifyEcdsa(spki: Uint8Array, hash: string, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const curve = curveOf(spki);
  if (!curve) {
    return false;
  }
  try {
    const key = await crypto.subtle.importKey(
      'spki',
      spki as BufferSource,
      { name: 'ECDSA', namedCurve: curve.curve },
      false,
      ['verify'],
    );
    return await crypto.subtle.verify({ name: 'ECDSA', hash }, key, signature as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/** The named curve of an EC SubjectPublicKeyInfo. */
function curveOf(spki: Uint8Array): { curve: string; size: number } | undefined {
  try {
    const [algorithm] = children(readElement(spki));
    const parameters = children(algorithm)[1];
    return parameters?.tag === 0x06 ? CURVES[oid(parameters.contents)] : undefined;
  } catch {
    return undefined;
  }
}

function decodeCbor(bytes: Uint8Array): unknown {
  const tags: ((inner: unknown) => unknown)[] = [];
  tags[18] = (inner) => inner; // COSE_Sign1 may come tagged
  return decode(bytes, { useMaps: true, tags });
}

function toPayload(value: unknown): Payload {
  if (!(value instanceof Map)) {
    throw new Error('the payload is not a map');
  }
  const field = <T>(name: string): T => value.get(name) as T;
  const certificate = field<Uint8Array>('certificate');
  const cabundle = field<Uint8Array[]>('cabundle');
  const pcrs = field<Map<number, Uint8Array>>('pcrs');
  if (!(certificate instanceof Uint8Array) || !Array.isArray(cabundle) || !(pcrs instanceof Map)) {
    throw new Error('the payload lacks its certificate, chain or PCRs');
  }
  return {
    module_id: String(field('module_id') ?? ''),
    digest: String(field('digest') ?? ''),
    timestamp: field<number | bigint>('timestamp') ?? 0,
    pcrs,
    certificate,
    cabundle,
    public_key: field('public_key') ?? null,
    user_data: field('user_data') ?? null,
    nonce: field('nonce') ?? null,
  };
}

function parseClaims(userData: Uint8Array | null): SignerClaims | null {
  if (!userData) {
    return null;
  }
  try {
    const claims = JSON.parse(new TextDecoder().decode(userData)) as SignerClaims;
    return typeof claims.operator === 'string' && typeof claims.contract === 'string' ? claims : null;
  } catch {
    return null;
  }
}

function unreadable(problem: string): AttestationReport {
  return {
    verified: false,
    problems: [problem],
    signatureValid: false,
    chainValid: false,
    nonceMatches: false,
    fresh: false,
    timestamp: new Date(0),
    moduleId: '',
    pcrs: new Map(),
    debugMode: false,
    developmentSigner: false,
    claims: null,
    leaf: null,
  };
}

function safeParse(der: Uint8Array): Certificate | null {
  try {
    return parseCertificate(der);
  } catch {
    return null;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh random nonce for one attestation request. */
export function newNonce(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}
