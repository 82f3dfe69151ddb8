import { describe, expect, it } from 'vitest';
import { readFromBlock } from '../src/api';

describe('readFromBlock', () => {
  const reads = (blocks: number[]) => {
    const left = [...blocks];
    let calls = 0;
    return {
      read: async () => {
        calls++;
        return { block: left.length > 1 ? left.shift()! : left[0] };
      },
      calls: () => calls,
    };
  };
  const noPause = async () => undefined;

  it('reads again until the server has seen the block of the mined transaction', async () => {
    const server = reads([11, 11, 12, 13]);
    expect(await readFromBlock(server.read, 12, noPause)).toEqual({ block: 12 });
    expect(server.calls()).toBe(3);
  });

  it('takes the first answer when the server is already there', async () => {
    const server = reads([14]);
    expect(await readFromBlock(server.read, 12, noPause)).toEqual({ block: 14 });
    expect(server.calls()).toBe(1);
  });

  it('gives up after its tries with the last answer', async () => {
    const server = reads([3]);
    expect(await readFromBlock(server.read, 12, noPause, 4)).toEqual({ block: 3 });
    expect(server.calls()).toBe(4);
  });
});
