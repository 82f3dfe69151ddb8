// Just enough DER to check an AWS Nitro certificate chain in the browser: the parts of an X.509
// certificate that a signature check, a validity check and issuer chaining need. A full X.509
// library would cost more of the page's size budget than the whole UI; WebCrypto does the crypto.

/** One DER element: its tag, where its contents lie, and its whole encoding. */
export interface DerElement {
  tag: number;
  contents: Uint8Array;
  encoded: Uint8Array;
}

/** Reads the element at `offset`; throws on anything truncated or with an indefinite length. */
export function readElement(bytes: Uint8Array, offset = 0): DerElement {
  if (offset + 2 > bytes.length) {
    throw new Error('DER: truncated');
  }
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > bytes.length) {
      throw new Error('DER: unsupported length');
    }
    length = 0;
    for (let i = 0; i < count; i++) {
      length = length * 256 + bytes[offset + 2 + i];
    }
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) {
    throw new Error('DER: truncated');
  }
  return {
    tag,
    contents: bytes.subarray(offset + header, end),
    encoded: bytes.subarray(offset, end),
  };
}

/** The elements inside a SEQUENCE (or any constructed element). */
export function children(element: DerElement): DerElement[] {
  const items: DerElement[] = [];
  let offset = 0;
  while (offset < element.contents.length) {
    const item = readElement(element.contents, offset);
    items.push(item);
    offset += item.encoded.length;
  }
  return items;
}

/** The parts of a certificate that verifying a chain needs. */
export interface Certificate {
  der: Uint8Array;
  tbs: Uint8Array;
  signatureAlgorithm: string;
  /** The signature as DER (ECDSA: SEQUENCE of r and s). */
  signature: Uint8Array;
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** SubjectPublicKeyInfo, DER, as WebCrypto imports it. */
  publicKeyInfo: Uint8Array;
  /** The subject's common name, for display. */
  commonName: string;
}

const OID_COMMON_NAME = '2.5.4.3';

export function parseCertificate(der: Uint8Array): Certificate {
  const [tbs, algorithm, signature] = children(readElement(der));
  if (!tbs || !algorithm || !signature || signature.tag !== 0x03) {
    throw new Error('not an X.509 certificate');
  }
  const fields = children(tbs);
  // an explicit [0] version comes first in v3 certificates
  const at = fields[0].tag === 0xa0 ? 1 : 0;
  const issuer = fields[at + 2];
  const validity = children(fields[at + 3]);
  const subject = fields[at + 4];
  const publicKeyInfo = fields[at + 5];
  return {
    der,
    tbs: tbs.encoded,
    signatureAlgorithm: oid(children(algorithm)[0].contents),
    signature: signature.contents.subarray(1), // drop the BIT STRING's unused-bits byte
    issuer: issuer.encoded,
    subject: subject.encoded,
    notBefore: time(validity[0]),
    notAfter: time(validity[1]),
    publicKeyInfo: publicKeyInfo.encoded,
    commonName: commonName(subject),
  };
}

/** An OBJECT IDENTIFIER's contents in dotted form. */
export function oid(contents: Uint8Array): string {
  const parts = [Math.floor(contents[0] / 40), contents[0] % 40];
  let value = 0;
  for (let i = 1; i < contents.length; i++) {
    value = value * 128 + (contents[i] & 0x7f);
    if (!(contents[i] & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** An ECDSA signature from DER (SEQUENCE { r INTEGER, s INTEGER }) to WebCrypto's r ‖ s. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const [r, s] = children(readElement(der));
  const raw = new Uint8Array(size * 2);
  raw.set(unsigned(r.contents, size), 0);
  raw.set(unsigned(s.contents, size), size);
  return raw;
}

function unsigned(integer: Uint8Array, size: number): Uint8Array {
  let start = 0;
  while (start < integer.length - 1 && integer[start] === 0) {
    start++;
  }
  const digits = integer.subarray(start);
  if (digits.length > size) {
    throw new Error('ECDSA: integer too long');
  }
  const padded = new Uint8Array(size);
  padded.set(digits, size - digits.length);
  return padded;
}

function time(element: DerElement): Date {
  const text = new TextDecoder().decode(element.contents);
  // UTCTime YYMMDDHHMMSSZ (years 1950–2049), GeneralizedTime YYYYMMDDHHMMSSZ
  const full = element.tag === 0x17 ? (Number(text.slice(0, 2)) >= 50 ? '19' : '20') + text : text;
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(full);
  if (!match) {
    throw new Error(`unsupported certificate time ${text}`);
  }
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
}

function commonName(name: DerElement): string {
  for (const set of children(name)) {
    for (const attribute of children(set)) {
      const [type, value] = children(attribute);
      if (oid(type.contents) === OID_COMMON_NAME) {
        return new TextDecoder().decode(value.contents);
      }
    }
  }
  return '';
}
