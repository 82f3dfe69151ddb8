// How amounts, times and addresses read on the page. Pure functions, unit-tested.

const WEI_PER_ETH = 10n ** 18n;

/**
 * Wei (a decimal string or bigint, as the API sends it) as ETH with at most `decimals` decimals,
 * trailing zeros dropped, never in exponent notation; rounds down, so a pot never reads larger than
 * it is. Amounts too small to show read as "< 0.0001" rather than a misleading "0".
 */
export function formatEth(wei: string | bigint, decimals = 4): string {
  const value = typeof wei === 'bigint' ? wei : BigInt(wei);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / WEI_PER_ETH;
  const fraction = abs % WEI_PER_ETH;
  const scale = 10n ** BigInt(18 - decimals);
  const shown = (fraction / scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  if (whole === 0n && shown === '' && fraction > 0n) {
    return `${negative ? '> -' : '< '}0.${'0'.repeat(decimals - 1)}1`;
  }
  const text = shown === '' ? whole.toLocaleString('en-US') : `${whole.toLocaleString('en-US')}.${shown}`;
  return negative ? `-${text}` : text;
}

/** Parses what a player typed as ETH ("0.01", "1", ".5") into wei; null when it is not an amount. */
export function parseEthInput(text: string): bigint | null {
  const trimmed = text.trim();
  const match = /^(\d*)(?:\.(\d{0,18}))?$/.exec(trimmed);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) {
    return null;
  }
  const whole = BigInt(match[1] === '' ? '0' : match[1]);
  const fraction = BigInt((match[2] ?? '').padEnd(18, '0'));
  return whole * WEI_PER_ETH + fraction;
}

/** What a player typed in the bet field: the amount in wei, or why it cannot be bet. */
export function checkBetAmount(text: string, minimum: bigint | null): { wei: bigint } | { error: string } {
  const wei = parseEthInput(text);
  if (wei === null) {
    return { error: 'Enter an amount in ETH, such as 0.01' };
  }
  if (minimum !== null && wei < minimum) {
    return { error: `The minimum bet is ${formatEth(minimum, 18)} ETH` };
  }
  return { wei };
}

/** A share of the pot (0–1) as a percentage with sensible precision. */
export function formatChance(share: number): string {
  if (!Number.isFinite(share) || share <= 0) {
    return '0%';
  }
  if (share >= 1) {
    return '100%';
  }
  const percent = share * 100;
  if (percent < 0.01) {
    return '< 0.01%';
  }
  return `${percent.toFixed(percent < 10 ? 2 : 1)}%`;
}

/** The share `part / whole` of two wei amounts, as a number from 0 to 1. */
export function share(part: string | bigint, whole: string | bigint): number {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w <= 0n) {
    return 0;
  }
  // parts per billion keeps the precision of bigints before going to floating point
  return Number((p * 1_000_000_000n) / w) / 1_000_000_000;
}

/** Seconds left as "2d 3h", "1h 05m", "4m 09s" or "12s"; "0s" once the moment has passed. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const secs = s % 60;
  const two = (n: number) => n.toString().padStart(2, '0');
  if (days > 0) {
    return `${days}d ${hours}h`;
  }
  if (hours > 0) {
    return `${hours}h ${two(minutes)}m`;
  }
  if (minutes > 0) {
    return `${minutes}m ${two(secs)}s`;
  }
  return `${secs}s`;
}

/** A length of time in seconds, as settings state it: "2 min", "1 h 30 min", "45 s". */
export function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 86_400) {
    return `${seconds / 86_400} d`;
  }
  const hours = Math.floor(seconds / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const secs = seconds % 60;
  const parts = [];
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (secs || parts.length === 0) parts.push(`${secs} s`);
  return parts.join(' ');
}

/** An address as 0x1234…abcd; anything that is not an address is returned as it is. */
export function shortAddress(address: string): string {
  return /^0x[0-9a-fA-F]{40}$/.test(address) ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A 32-byte hex value shortened the same way, for hashes and seeds. */
export function shortHash(hash: string): string {
  return /^0x[0-9a-fA-F]{64}$/.test(hash) ? `${hash.slice(0, 10)}…${hash.slice(-8)}` : hash;
}

/** Unix seconds as a local date and time. */
export function formatTime(unixSeconds: number): string {
  if (!unixSeconds) {
    return '—';
  }
  return new Date(unixSeconds * 1000).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}

/** Basis points as a percentage: 500 → "5%". */
export function formatBps(bps: number): string {
  return `${(bps / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
}

/**
 * What a player should know about the reveal penalty: with none, the operator (or the host of an
 * enclave signer) can withhold a draw whose outcome it dislikes at no cost, and pots are not capped
 * by a bond. Null when there is a penalty.
 */
export function noPenaltyWarning(revealPenaltyBps: number): string | null {
  return revealPenaltyBps === 0
    ? 'No penalty: the operator can withhold a draw at no cost, so a round it dislikes can be refunded instead of drawn.'
    : null;
}

/** The contract's reason for a refund when no seed was committed by the end of betting. */
export const NO_SEED_REASON = 'No seed committed';

/**
 * Why a round was refunded, in words a player reads right: a round that ended with fewer players
 * than needed gets no seed by design (the operator commits one only once enough players bet), so
 * the contract's "No seed committed" is said as too few players rather than as a failure.
 */
export function refundExplanation(
  reason: string | null,
  participants: number,
  minParticipants: number | null,
): string | null {
  if (reason === NO_SEED_REASON && minParticipants !== null && participants < minParticipants) {
    return `too few players (${participants} of the ${minParticipants} needed), so no draw`;
  }
  return reason;
}

export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
export const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** Same address whatever the letter case. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
