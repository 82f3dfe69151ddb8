package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.reactivex.Flowable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.websocket.events.Notification;

/** Which requests get the next block's time, and what happens when a node refuses it. */
class NextBlockSimulationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NEXT = Instant.ofEpochSecond(1_800_000_001L);
  private static final Transaction CALL =
      Transaction.createEthCallTransaction(
          "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
          "0x5fbdb2315678afecb367f032d93f642f64180aa3",
          "0x12345678");

  /** Answers every request with a result, or with -32602 to requests of four parameters. */
  private static final class RecordingNode implements Web3jService {
    final List<String> requests = new ArrayList<>();
    boolean refusesOverrides;

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      requests.add(request.getMethod() + " " + JSON.writeValueAsString(request.getParams()));
      try {
        T response = responseType.getDeclaredConstructor().newInstance();
        if (refusesOverrides && request.getParams().size() == 4) {
          response.setError(new Response.Error(-32602, "invalid params"));
        } else {
          response.setResult("0x");
        }
        return response;
      } catch (ReflectiveOperationException e) {
        throw new IOException(e);
      }
    }

    @Override
    public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> type) {
      throw new UnsupportedOperationException();
    }

    @Override
    public BatchResponse sendBatch(BatchRequest batchRequest) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <T extends Notification<?>> Flowable<T> subscribe(
        Request request, String unsubscribeMethod, Class<T> responseType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private final RecordingNode node = new RecordingNode();
  private final Web3j web3j = Web3j.build(new NextBlockSimulation(node, () -> Optional.of(NEXT)));

  @Test
  void simulationsAtThePendingBlockRunAtTheNextBlocksTime() throws IOException {
    web3j.ethCall(CALL, DefaultBlockParameterName.PENDING).send();
    web3j.ethEstimateGas(CALL).send();

    assertThat(node.requests)
        .hasSize(2)
        .allMatch(request -> request.endsWith(",\"pending\",{},{\"time\":\"0x6b49d201\"}]"));
    assertThat(node.requests.get(0)).startsWith("eth_call [{");
    assertThat(node.requests.get(1)).startsWith("eth_estimateGas [{");
  }

  @Test
  void everythingElsePassesUnchanged() throws IOException {
    web3j.ethCall(CALL, DefaultBlockParameterName.LATEST).send();
    web3j.ethBlockNumber().send();

    assertThat(node.requests.get(0)).endsWith(",\"latest\"]");
    assertThat(node.requests.get(1)).isEqualTo("eth_blockNumber []");
  }

  @Test
  void withoutABlockSeenYetTheSimulationIsPlain() throws IOException {
    Web3j plain = Web3j.build(new NextBlockSimulation(node, Optional::empty));

    plain.ethCall(CALL, DefaultBlockParameterName.PENDING).send();

    assertThat(node.requests).singleElement().asString().endsWith(",\"pending\"]");
  }

  @Test
  void aNodeThatRefusesOverridesIsAskedPlainlyFromThenOn() throws IOException {
    node.refusesOverrides = true;

    Response<?> first = web3j.ethCall(CALL, DefaultBlockParameterName.PENDING).send();
    web3j.ethEstimateGas(CALL).send();

    assertThat(first.hasError()).isFalse();
    assertThat(node.requests).hasSize(3);
    assertThat(node.requests.get(0)).contains("\"time\"");
    assertThat(node.requests.get(1)).endsWith(",\"pending\"]");
    assertThat(node.requests.get(2)).doesNotContain("\"time\"");
  }
}
