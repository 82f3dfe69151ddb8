package io.enclavelottery.chain.follower;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** A test's handle on a local Anvil: sending from dev accounts, mining, forking, reading logs. */
final class DevChain implements AutoCloseable {

  /** A response whose result is read as plain JSON values. */
  static final class AnyResponse extends Response<Object> {}

  /** A transaction for {@code anvil_reorg}: placed in the new block at {@code blockOffset}. */
  record ReorgTransaction(Map<String, Object> transaction, int blockOffset) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalAnvil anvil;
  private final HttpService service;
  private final Web3jChainRpc rpc;

  DevChain(LocalAnvil anvil) {
    this.anvil = anvil;
    this.service = new HttpService(anvil.httpUrl());
    this.rpc = new Web3jChainRpc(Web3j.build(service), service);
  }

  LocalAnvil anvil() {
    return anvil;
  }

  String account(int index) {
    return anvil.account(index).address();
  }

  /** {@code eth_sendTransaction} from an unlocked dev account; returns the transaction hash. */
  String send(Map<String, Object> transaction) {
    return (String) call("eth_sendTransaction", transaction);
  }

  /**
   * Sends and waits for the receipt: with automine, Anvil may answer before the block is mined.
   *
   * @throws IllegalStateException when the transaction reverted
   */
  Map<?, ?> sendAndWait(Map<String, Object> transaction) {
    return sendAllAndWait(List.of(transaction)).get(0);
  }

  /** Sends all, then waits for every receipt; the receipts come back in the same order. */
  List<Map<?, ?>> sendAllAndWait(List<Map<String, Object>> transactions) {
    List<String> hashes = transactions.stream().map(this::send).toList();
    List<Map<?, ?>> receipts = new ArrayList<>();
    for (String hash : hashes) {
      AtomicReference<Map<?, ?>> receipt = new AtomicReference<>();
      await()
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(10))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                receipt.set((Map<?, ?>) call("eth_getTransactionReceipt", hash));
                return receipt.get() != null;
              });
      if (!"0x1".equals(receipt.get().get("status"))) {
        throw new IllegalStateException("transaction " + hash + " reverted");
      }
      receipts.add(receipt.get());
    }
    return receipts;
  }

  void setAutomine(boolean on) {
    call("evm_setAutomine", on);
  }

  void mine(int blocks) {
    call("anvil_mine", Numeric.encodeQuantity(BigInteger.valueOf(blocks)));
  }

  void setCode(String address, String code) {
    call("anvil_setCode", address, code);
  }

  /**
   * Replaces the newest {@code depth} blocks with as many new ones holding {@code transactions}.
   */
  void reorg(int depth, List<ReorgTransaction> transactions) {
    call(
        "anvil_reorg",
        depth,
        transactions.stream().map(tx -> List.of(tx.transaction(), tx.blockOffset())).toList());
  }

  String snapshot() {
    return (String) call("evm_snapshot");
  }

  void revert(String snapshot) {
    call("evm_revert", snapshot);
  }

  long head() {
    return rpc.latestHeader().number();
  }

  BlockHeader block(long number) {
    return rpc.headerByNumber(number).orElseThrow();
  }

  /** The canonical chain's logs of {@code addresses}, fresh from the node, in chain order. */
  List<ChainLog> canonicalLogs(List<String> addresses) {
    return rpc.logs(new LogQuery(0, head(), addresses, Set.of())).stream()
        .sorted(ChainLog.CHAIN_ORDER)
        .toList();
  }

  Object call(String method, Object... params) {
    return JSON.convertValue(anvil.rpc(method, params), Object.class);
  }

  @Override
  public void close() {
    rpc.close();
  }
}
