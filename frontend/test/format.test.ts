import { describe, expect, it } from 'vitest';
import {
  checkBetAmount,
  formatBps,
  formatChance,
  formatCountdown,
  formatDuration,
  formatEth,
  noPenaltyWarning,
  parseEthInput,
  refundExplanation,
  sameAddress,
  share,
  shortAddress,
  shortHash,
} from '../src/format';

describe('wei as ETH', () => {
  it.each([
    ['0', '0'],
    ['1000000000000000000', '1'],
    ['20000000000000000', '0.02'],
    ['19000000000000000', '0.019'],
    ['1500000000000000001', '1.5'],
    ['123456789000000000000000', '123,456.789'],
    ['1', '< 0.0001'],
    ['99999999999999', '< 0.0001'],
    ['100000000000000', '0.0001'],
    ['999999999999999999', '0.9999'],
  ])('%s wei reads %s ETH', (wei, eth) => {
    expect(formatEth(wei)).toBe(eth);
    expect(formatEth(BigInt(wei))).toBe(eth);
  });

  it('shows more decimals when asked, rounding down', () => {
    expect(formatEth('1234567890123456789', 9)).toBe('1.23456789');
    expect(formatEth('1', 18)).toBe('0.000000000000000001');
  });

  it('parses what a player types', () => {
    expect(parseEthInput('0.01')).toBe(10n ** 16n);
    expect(parseEthInput(' 1 ')).toBe(10n ** 18n);
    expect(parseEthInput('.5')).toBe(5n * 10n ** 17n);
    expect(parseEthInput('0.000000000000000001')).toBe(1n);
    for (const bad of ['', '.', 'abc', '-1', '1e3', '0.0000000000000000001', '1,5', '0x10']) {
      expect(parseEthInput(bad)).toBeNull();
    }
  });
});

describe('shares and chances', () => {
  it('divides wei exactly enough', () => {
    expect(share('10000000000000000', '20000000000000000')).toBe(0.5);
    expect(share('1', '3')).toBeCloseTo(1 / 3, 8);
    expect(share('5', '0')).toBe(0);
    expect(formatChance(0.5)).toBe('50.0%');
    expect(formatChance(0.0123)).toBe('1.23%');
    expect(formatChance(1)).toBe('100%');
    expect(formatChance(0)).toBe('0%');
    expect(formatChance(0.00001)).toBe('< 0.01%');
  });
});

describe('countdowns and durations', () => {
  it.each([
    [0, '0s'],
    [-5, '0s'],
    [9.9, '9s'],
    [59, '59s'],
    [60, '1m 00s'],
    [249, '4m 09s'],
    [3_600, '1h 00m'],
    [3_900, '1h 05m'],
    [86_400 * 2 + 3_600 * 3, '2d 3h'],
  ])('%s seconds counts down as %s', (seconds, text) => {
    expect(formatCountdown(seconds)).toBe(text);
  });

  it('states durations', () => {
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(5_400)).toBe('1 h 30 min');
    expect(formatDuration(86_400)).toBe('1 d');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatBps(500)).toBe('5%');
    expect(formatBps(1250)).toBe('12.5%');
  });
});

describe('addresses', () => {
  it('shortens addresses and hashes, leaves anything else alone', () => {
    expect(shortAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toBe('0x7099…79C8');
    expect(shortAddress('not an address')).toBe('not an address');
    expect(shortHash(`0x${'ab'.repeat(32)}`)).toBe('0xabababab…abababab');
    expect(sameAddress('0xABC', '0xabc')).toBe(true);
    expect(sameAddress(null, '0xabc')).toBe(false);
  });
});

describe('the bet field', () => {
  const minimum = 10n ** 15n;
  it('accepts an amount at or above the minimum and explains anything else', () => {
    expect(checkBetAmount('0.001', minimum)).toEqual({ wei: minimum });
    expect(checkBetAmount('2', minimum)).toEqual({ wei: 2n * 10n ** 18n });
    expect(checkBetAmount('0.0009', minimum)).toEqual({ error: 'The minimum bet is 0.001 ETH' });
    expect(checkBetAmount('', minimum)).toEqual({ error: 'Enter an amount in ETH, such as 0.01' });
    expect(checkBetAmount('ten', minimum)).toEqual({ error: 'Enter an amount in ETH, such as 0.01' });
    expect(checkBetAmount('0.5', null)).toEqual({ wei: 5n * 10n ** 17n });
  });
});

describe('refund reasons', () => {
  it('says a round without enough players had too few players, not a missing seed', () => {
    expect(refundExplanation('No seed committed', 1, 2)).toBe(
      'too few players (1 of the 2 needed), so no draw',
    );
  });

  it("keeps the contract's reason when enough players bet", () => {
    expect(refundExplanation('No seed committed', 3, 2)).toBe('No seed committed');
    expect(refundExplanation('Draw time expired', 1, 2)).toBe('Draw time expired');
  });

  it('keeps it while the settings are not known', () => {
    expect(refundExplanation('No seed committed', 1, null)).toBe('No seed committed');
  });
});

describe('the reveal penalty', () => {
  it('warns when there is none: withholding a draw costs the operator nothing', () => {
    expect(noPenaltyWarning(0)).toContain('withhold a draw at no cost');
  });

  it('says nothing when there is one', () => {
    expect(noPenaltyWarning(1000)).toBeNull();
    expect(noPenaltyWarning(1)).toBeNull();
  });
});
