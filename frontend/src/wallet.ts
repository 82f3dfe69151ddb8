import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  type Address,
  type EIP1193Provider,
  type Hex,
} from 'viem';
import { lotteryAbi } from './contract';
import { formatEth } from './format';

// Wallets: found through EIP-6963 (and the legacy window.ethereum), driven through EIP-1193 with
// viem. Every failure is turned into a sentence a player can act on.

export interface WalletInfo {
  uuid: string;
  name: string;
  icon: string;
  rdns: string;
}

export interface DiscoveredWallet {
  info: WalletInfo;
  provider: EIP1193Provider;
}

/** Listens for wallets announcing themselves (EIP-6963) and asks them to; calls back on each. */
export function discoverWallets(found: (wallet: DiscoveredWallet) => void): void {
  window.addEventListener('eip6963:announceProvider', (event) => {
    const detail = (event as CustomEvent<DiscoveredWallet>).detail;
    if (detail?.info?.uuid && detail.provider) {
      found(detail);
    }
  });
  window.dispatchEvent(new Event('eip6963:requestProvider'));
  const legacy = (window as unknown as { ethereum?: EIP1193Provider }).ethereum;
  if (legacy) {
    found({ info: { uuid: 'window.ethereum', name: 'Browser wallet', icon: '', rdns: '' }, provider: legacy });
  }
}

/** A transaction of the player's, mined: its hash and its block. */
export interface Mined {
  hash: Hex;
  block: number;
}

/** One connected account on one wallet, talking to one lottery on one chain. */
export class WalletSession {
  private constructor(
    readonly wallet: DiscoveredWallet,
    readonly account: Address,
    private readonly lottery: Address,
    private readonly chainId: number,
  ) {}

  /** Asks the wallet for an account (the wallet shows its own prompt). */
  static async connect(wallet: DiscoveredWallet, lottery: Address, chainId: number): Promise<WalletSession> {
    const accounts = (await wallet.provider.request({ method: 'eth_requestAccounts' })) as Address[];
    if (!accounts?.length) {
      throw new Error('The wallet gave no account.');
    }
    return new WalletSession(wallet, accounts[0], lottery, chainId);
  }

  /** The chain the wallet is on now. */
  async walletChainId(): Promise<number> {
    return Number(await this.wallet.provider.request({ method: 'eth_chainId' }));
  }

  /** Asks the wallet to switch to the lottery's chain. */
  async switchChain(): Promise<void> {
    await this.wallet.provider.request({
      method: 'wallet_switchEthereumChain',
      params: [{ chainId: `0x${this.chainId.toString(16)}` }],
    });
  }

  /** Bets `amount` wei: simulated first (a revert is explained, nothing is sent), then sent. */
  async placeBet(amount: bigint, onSent: (hash: Hex) => void): Promise<Mined> {
    return this.send({ functionName: 'placeBet', value: amount }, onSent);
  }

  /** Withdraws what the contract credited to this account (prizes it could not push, commission). */
  async withdraw(onSent: (hash: Hex) => void): Promise<Mined> {
    return this.send({ functionName: 'withdraw' }, onSent);
  }

  /** Claims the refund (and any penalty share) of a refunded round. */
  async claimRefund(roundId: number, onSent: (hash: Hex) => void): Promise<Mined> {
    return this.send({ functionName: 'claimRefund', args: [BigInt(roundId)] }, onSent);
  }

  private async send(
    call:
      | { functionName: 'placeBet'; value: bigint }
      | { functionName: 'withdraw' }
      | { functionName: 'claimRefund'; args: [bigint] },
    onSent: (hash: Hex) => void,
  ): Promise<Mined> {
    const chain = localChain(this.chainId);
    const transport = custom(this.wallet.provider);
    const reader = createPublicClient({ chain, transport });
    const writer = createWalletClient({ account: this.account, chain, transport });
    const { request } = await reader.simulateContract({
      ...call,
      address: this.lottery,
      abi: lotteryAbi,
      account: this.account,
    } as Parameters<typeof reader.simulateContract>[0]);
    const hash = await writer.writeContract(request as Parameters<typeof writer.writeContract>[0]);
    onSent(hash);
    const receipt = await reader.waitForTransactionReceipt({ hash, pollingInterval: 1_000 });
    if (receipt.status !== 'success') {
      throw new Error('The transaction was mined but reverted; nothing was spent but gas.');
    }
    return { hash, block: Number(receipt.blockNumber) };
  }
}

/**
 * Reads a drawn round's bets from the chain through a wallet's node (`eth_call` needs no account),
 * so the browser can recompute the winner without trusting the feed server.
 */
export async function readBets(
  provider: EIP1193Provider,
  lottery: Address,
  chainId: number,
  roundId: number,
  betCount: number,
): Promise<{ bettors: readonly Address[]; cumulativeTotals: readonly bigint[] }> {
  if (Number(await provider.request({ method: 'eth_chainId' })) !== chainId) {
    throw new Error('the wallet is on another network');
  }
  const reader = createPublicClient({ chain: localChain(chainId), transport: custom(provider) });
  const bettors: Address[] = [];
  const cumulativeTotals: bigint[] = [];
  const page = 500;
  for (let offset = 0; offset < betCount; offset += page) {
    const [someBettors, someTotals] = await reader.readContract({
      address: lottery,
      abi: lotteryAbi,
      functionName: 'getBets',
      args: [BigInt(roundId), BigInt(offset), BigInt(page)],
    });
    bettors.push(...someBettors);
    cumulativeTotals.push(...someTotals);
  }
  return { bettors, cumulativeTotals };
}

function localChain(id: number) {
  return defineChain({
    id,
    name: `chain ${id}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  });
}

/** A wallet's or the chain's error as a sentence for the player. */
export function explainError(error: unknown): string {
  const code = findCode(error);
  if (code === 4001) {
    return 'You declined the request in your wallet; nothing was sent.';
  }
  if (code === 4100) {
    return 'The wallet has not allowed this site to use the account; connect again.';
  }
  if (code === 4902) {
    return 'The wallet does not know this network; add it in the wallet first.';
  }
  if (code === -32002) {
    return 'The wallet is already showing a request; answer it there first.';
  }
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (revert instanceof ContractFunctionRevertedError) {
      return explainRevert(revert.data?.errorName, revert.data?.args ?? []) ?? revert.shortMessage;
    }
    const text = `${error.shortMessage} ${error.details ?? ''}`;
    if (/insufficient funds/i.test(text)) {
      return 'Your wallet does not hold enough ETH for this amount and its gas.';
    }
    if (/nonce/i.test(text)) {
      return 'The wallet’s transaction count is out of step with the chain; reset the account in the wallet and retry.';
    }
    return error.shortMessage;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return 'Something went wrong with the wallet.';
}

function explainRevert(name: string | undefined, args: readonly unknown[]): string | null {
  switch (name) {
    case 'BetTooSmall':
      return `The bet is below the minimum of ${formatEth(args[1] as bigint, 18)} ETH.`;
    case 'BettingClosed':
      return 'Betting on this round has closed; wait for the draw and the next round.';
    case 'Paused':
      return 'The operator has paused new rounds; bets open again when it resumes.';
    case 'PotCapExceeded':
      return `This bet would take the pot over its cap of ${formatEth(args[1] as bigint)} ETH; bet less.`;
    case 'WrongState':
      return 'The round is not taking bets right now (it is being drawn or settled).';
    case 'NothingToWithdraw':
      return 'The contract owes this account nothing to withdraw.';
    case 'NothingToClaim':
      return 'There is no refund left to claim for that round.';
    case 'TransferFailed':
      return 'The contract could not send the ETH to this account.';
    default:
      return null;
  }
}

function findCode(error: unknown): number | undefined {
  let current = error as { code?: number; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 6; depth++) {
    if (typeof current.code === 'number') {
      return current.code;
    }
    current = current.cause as typeof current;
  }
  return undefined;
}
