import type { Address, Hex } from 'viem';
import { api, readFromBlock, type FeedMessage } from './api';
import { hex, newNonce, verifyAttestation } from './attestation/attestation';
import { checkDraw, type RoundBets } from './fairness';
import { LiveFeed } from './feed';
import { ZERO_HASH } from './format';
import { applyFeedMessage, initialState, mergeActivities, type PageState } from './state';
import { discoverWallets, explainError, readBets, WalletSession, type DiscoveredWallet, type Mined } from './wallet';

/** What the views may ask the page to do. */
export interface PageActions {
  connect(wallet: DiscoveredWallet): void;
  disconnect(): void;
  switchChain(): void;
  placeBet(amountWei: bigint): void;
  withdraw(): void;
  claimRefund(roundId: number): void;
  checkAttestation(): void;
}

/** How many drawn rounds get a fairness check. */
const FAIRNESS_ROUNDS = 5;

/**
 * The page's controller: holds the state, feeds it from the WebSocket (and, once per connection,
 * the REST API for what the feed's snapshot does not carry), runs the wallet's actions, and asks
 * for a render after every change.
 */
export class LotteryPage implements PageActions {
  readonly state: PageState = initialState();
  private readonly feed: LiveFeed;
  private playerRefresh: ReturnType<typeof setTimeout> | undefined;
  private readonly followed = new Set<DiscoveredWallet>();

  constructor(private readonly changed: () => void) {
    this.feed = LiveFeed.sameOrigin({
      connected: () => this.onConnected(),
      message: (message) => this.onMessage(message),
      disconnected: (retryInSeconds) => {
        this.state.connection = { status: 'offline', retryInSeconds };
        this.changed();
      },
    });
  }

  start(): void {
    discoverWallets((wallet) => {
      if (!this.state.wallets.some((known) => known.info.uuid === wallet.info.uuid)) {
        this.state.wallets = [...this.state.wallets, wallet];
        this.changed();
      }
    });
    window.addEventListener('online', () => this.feed.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.feed.reconnectNow();
    });
    this.feed.start();
  }

  /** Chain time now, in Unix seconds. */
  now(): number {
    return Math.floor(Date.now() / 1000) + this.state.clockOffset;
  }

  private onConnected(): void {
    // the snapshot that follows replaces round, players, history and settings; the activity feed and
    // health are not in it, so they are read once per connection
    this.state.connection = { status: 'live', retryInSeconds: 0 };
    this.state.activities = []; // what a reorg retracted while the socket was down must go too
    this.changed();
    api
      .activities()
      .then((answer) => {
        mergeActivities(this.state, answer.items);
        this.changed();
      })
      .catch(() => undefined);
    api
      .health()
      .then((health) => {
        this.state.health = health;
        this.changed();
      })
      .catch(() => undefined);
  }

  private onMessage(message: FeedMessage): void {
    const before = this.state.settings;
    applyFeedMessage(this.state, message, Math.floor(Date.now() / 1000));
    if (message.type === 'config_update' && !before && this.state.settings) {
      this.checkAttestation();
    }
    if (message.type === 'history_update') {
      this.checkRecentDraws();
    }
    if (
      this.state.session &&
      (message.type === 'participants_update' || message.type === 'history_update' || message.type === 'activity')
    ) {
      this.refreshPlayerSoon();
    }
    this.changed();
  }

  // ---- wallet ----

  connect(wallet: DiscoveredWallet): void {
    const { contract, chainId } = this.state;
    if (!contract || !chainId) {
      this.fail('The lottery’s address is not known yet; wait for the page to load.');
      return;
    }
    this.state.action = { status: 'working', what: `Connecting to ${wallet.info.name}…` };
    this.changed();
    WalletSession.connect(wallet, contract as Address, chainId)
      .then(async (session) => {
        this.state.session = session;
        this.state.walletChainId = await session.walletChainId();
        this.state.action = { status: 'idle' };
        this.follow(wallet);
        this.refreshPlayer();
        this.checkRecentDraws();
        this.changed();
      })
      .catch((error) => this.fail(explainError(error)));
  }

  /** Hears a wallet's network and account changes (once per wallet, however often it connects). */
  private follow(wallet: DiscoveredWallet): void {
    if (this.followed.has(wallet)) return;
    this.followed.add(wallet);
    wallet.provider.on?.('chainChanged', (id: string) => {
      if (this.state.session?.wallet !== wallet) return;
      this.state.walletChainId = Number(id);
      this.changed();
    });
    wallet.provider.on?.('accountsChanged', (accounts: string[]) => {
      if (this.state.session?.wallet !== wallet) return;
      if (accounts.length) this.connect(wallet);
      else this.disconnect();
    });
  }

  disconnect(): void {
    this.state.session = null;
    this.state.player = null;
    this.state.walletChainId = null;
    this.state.action = { status: 'idle' };
    this.changed();
  }

  switchChain(): void {
    const session = this.state.session;
    if (!session) return;
    session
      .switchChain()
      .then(async () => {
        this.state.walletChainId = await session.walletChainId();
        this.changed();
      })
      .catch((error) => this.fail(explainError(error)));
  }

  placeBet(amountWei: bigint): void {
    this.transact('bet', 'Bet placed and mined.', (session, sent) => session.placeBet(amountWei, sent));
  }

  withdraw(): void {
    this.transact('withdrawal', 'Withdrawn to your account.', (session, sent) => session.withdraw(sent));
  }

  claimRefund(roundId: number): void {
    this.transact(`refund of round ${roundId}`, `Refund of round ${roundId} claimed.`, (session, sent) =>
      session.claimRefund(roundId, sent),
    );
  }

  private transact(
    what: string,
    success: string,
    run: (session: WalletSession, sent: (hash: Hex) => void) => Promise<Mined>,
  ): void {
    const session = this.state.session;
    if (!session) return;
    this.state.action = { status: 'working', what: `Preparing the ${what}; confirm it in your wallet…` };
    this.changed();
    run(session, (hash) => {
      this.state.action = { status: 'pending', what: `The ${what} is waiting to be mined…`, hash };
      this.changed();
    })
      .then(({ hash, block }) => {
        this.state.action = { status: 'done', message: success, hash };
        this.refreshPlayer(block);
        this.changed();
      })
      .catch((error) => this.fail(explainError(error)));
  }

  private fail(message: string): void {
    this.state.action = { status: 'failed', message };
    this.changed();
  }

  private refreshPlayerSoon(): void {
    clearTimeout(this.playerRefresh);
    this.playerRefresh = setTimeout(() => this.refreshPlayer(), 300);
  }

  /** Reads what the connected player has bet and is owed, as of `fromBlock` or later. */
  private refreshPlayer(fromBlock = 0): void {
    const session = this.state.session;
    if (!session) return;
    readFromBlock(() => api.player(session.account), fromBlock)
      .then((player) => {
        if (this.state.session === session) {
          this.state.player = player;
          this.changed();
        }
      })
      .catch(() => undefined);
  }

  // ---- trust ----

  checkAttestation(): void {
    this.state.attestation = { status: 'loading' };
    this.changed();
    const nonce = newNonce();
    api
      .attestation(hex(nonce))
      .then(async (document) => {
        this.state.attestation = document
          ? { status: 'checked', report: await verifyAttestation(document, { nonce }) }
          : { status: 'none' };
        this.changed();
      })
      .catch((error) => {
        this.state.attestation = { status: 'failed', message: explainError(error) };
        this.changed();
      });
  }

  /** Recomputes the newest drawn rounds' fairness in the browser (each once it is checked). */
  private checkRecentDraws(): void {
    const drawn = this.state.history
      .filter((entry) => entry.round.state === 'COMPLETED' && entry.round.revealedSeed !== ZERO_HASH)
      .slice(0, FAIRNESS_ROUNDS);
    for (const entry of drawn) {
      const known = this.state.fairness.get(entry.round.roundId);
      const recheck = known?.status === 'checked' && known.check.recomputedWinner === null && this.betsProvider();
      if (!known || known.status === 'failed' || recheck) {
        this.checkDraw(entry.round.roundId);
      }
    }
  }

  private betsProvider() {
    return this.state.session?.wallet.provider ?? this.state.wallets[0]?.provider ?? null;
  }

  private async checkDraw(roundId: number): Promise<void> {
    const entry = this.state.history.find((e) => e.round.roundId === roundId);
    const { contract, chainId } = this.state;
    if (!entry || !contract || !chainId) return;
    this.state.fairness.set(roundId, { status: 'checking' });
    this.changed();
    const round = entry.round;
    try {
      const server = await api.verification(roundId);
      const { bets, source } = await this.betsOf(roundId, round.betCount, round.participantCount);
      const check = checkDraw({
        chainId: BigInt(chainId),
        lottery: contract as Hex,
        roundId: BigInt(roundId),
        seed: round.revealedSeed as Hex,
        storedCommitment: round.seedCommitment as Hex,
        totalPot: BigInt(round.totalPot),
        winnerOnChain: round.winner as Hex,
        bets,
      });
      this.state.fairness.set(roundId, {
        status: 'checked',
        check,
        betsSource: source,
        serverMatches: server.matches,
        serverReason: server.reason,
      });
    } catch (error) {
      this.state.fairness.set(roundId, { status: 'failed', message: explainError(error) });
    }
    this.changed();
  }

  /** The round's bets: from the chain through a wallet's node, else from the players seen live. */
  private async betsOf(
    roundId: number,
    betCount: number,
    participantCount: number,
  ): Promise<{ bets: RoundBets | null; source: string }> {
    const provider = this.betsProvider();
    const { contract, chainId } = this.state;
    if (provider && contract && chainId) {
      try {
        return {
          bets: await readBets(provider, contract as Address, chainId, roundId, betCount),
          source: 'bets read from the chain through your wallet',
        };
      } catch {
        // fall through to what this page saw
      }
    }
    const players = this.state.playersByRound.get(roundId);
    if (players && players.length === betCount && betCount === participantCount) {
      let total = 0n;
      return {
        bets: {
          bettors: players.map((p) => p.address as Hex),
          cumulativeTotals: players.map((p) => (total += BigInt(p.amount))),
        },
        source: 'bets as this page saw them placed',
      };
    }
    return { bets: null, source: 'connect a wallet to read the bets from the chain and recompute the winner' };
  }
}
