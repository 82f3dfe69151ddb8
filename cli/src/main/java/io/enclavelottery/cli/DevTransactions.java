package io.enclavelottery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends contract calls from a local Anvil's dev accounts, which the node holds unlocked: {@code
 * eth_sendTransaction} with no key in this process. The node estimates gas first, so a call that
 * would revert is refused with its reason and nothing is mined. For dev mode only.
 */
final class DevTransactions {

  private static final Duration RECEIPT_PATIENCE = Duration.ofSeconds(30);
  private static final long RECEIPT_POLL_MILLIS = 100;

  private final LocalAnvil anvil;

  DevTransactions(LocalAnvil anvil) {
    this.anvil = anvil;
  }

  /**
   * Sends {@code call} from {@code from} and returns its hash without waiting for it to be mined.
   *
   * @throws IllegalStateException when the node refuses it (a revert found by the estimate, say)
   */
  String send(String from, ContractCall call) {
    Map<String, String> transaction = new LinkedHashMap<>();
    transaction.put("from", from);
    transaction.put("to", call.to());
    transaction.put("data", call.data());
    transaction.put("value", "0x" + call.value().toString(16));
    return anvil.rpc("eth_sendTransaction", transaction).asText();
  }

  /**
   * Sends {@code call} from {@code from} and waits until it is mined.
   *
   * @throws IllegalStateException when it is refused, reverts or is not mined in time
   */
  void sendAndWait(String from, ContractCall call) throws InterruptedException {
    String hash = send(from, call);
    Instant deadline = Instant.now().plus(RECEIPT_PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      JsonNode receipt = anvil.rpc("eth_getTransactionReceipt", hash);
      if (receipt != null && !receipt.isNull()) {
        if (!"0x1".equals(receipt.path("status").asText())) {
          throw new IllegalStateException(call.function() + " reverted in " + hash);
        }
        return;
      }
      Thread.sleep(RECEIPT_POLL_MILLIS);
    }
    throw new IllegalStateException(call.function() + " not mined within " + RECEIPT_PATIENCE);
  }
}
