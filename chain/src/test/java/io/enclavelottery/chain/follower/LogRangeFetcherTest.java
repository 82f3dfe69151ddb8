package io.enclavelottery.chain.follower;

import static io.enclavelottery.chain.follower.FakeChain.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.RpcException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogRangeFetcherTest {

  private static final List<String> ADDRESSES = List.of(address(1));

  private final FakeChain chain = new FakeChain();

  @Test
  void halvesARefusedRangeUntilTheNodeAcceptsIt() {
    chain.mineEmpty(3_000);
    chain.refuseRangesOver(300);
    LogRangeFetcher fetcher = new LogRangeFetcher(2_000);
    LogRangeFetcher.Fetched fetched = fetcher.fetch(chain, 0, 3_000, ADDRESSES, Set.of());
    assertThat(fetched.fromBlock()).isZero();
    assertThat(fetched.toBlock()).isEqualTo(249);
    assertThat(chain.logQueries)
        .extracting(LogQuery::blockCount)
        .containsExactly(2_000L, 1_000L, 500L, 250L);
    assertThat(fetcher.chunkBlocks()).isEqualTo(250);
  }

  @Test
  void growsBackAfterFullChunksSucceed() {
    chain.mineEmpty(10_000);
    chain.refuseRangesOver(300);
    LogRangeFetcher fetcher = new LogRangeFetcher(2_000);
    long from = fetcher.fetch(chain, 0, 10_000, ADDRESSES, Set.of()).toBlock() + 1;
    chain.refuseRangesOver(Integer.MAX_VALUE);
    for (int i = 0; i < LogRangeFetcher.GROW_AFTER; i++) {
      from = fetcher.fetch(chain, from, 10_000, ADDRESSES, Set.of()).toBlock() + 1;
    }
    assertThat(fetcher.chunkBlocks()).isEqualTo(500);
  }

  @Test
  void shortRangesAtTheHeadDoNotGrowTheChunk() {
    chain.mineEmpty(3_000);
    chain.refuseRangesOver(300);
    LogRangeFetcher fetcher = new LogRangeFetcher(2_000);
    fetcher.fetch(chain, 0, 3_000, ADDRESSES, Set.of());
    chain.refuseRangesOver(Integer.MAX_VALUE);
    for (int i = 0; i < 10; i++) {
      fetcher.fetch(chain, 2_990 + i, 2_990 + i, ADDRESSES, Set.of());
    }
    assertThat(fetcher.chunkBlocks()).isEqualTo(250);
  }

  @Test
  void aRefusedSingleBlockIsAFailure() {
    chain.mineEmpty(10);
    chain.refuseRangesOver(0);
    LogRangeFetcher fetcher = new LogRangeFetcher(4);
    assertThatThrownBy(() -> fetcher.fetch(chain, 0, 10, ADDRESSES, Set.of()))
        .isInstanceOf(RpcException.class)
        .isNotInstanceOf(RangeTooLargeException.class)
        .hasMessageContaining("one-block");
  }
}
