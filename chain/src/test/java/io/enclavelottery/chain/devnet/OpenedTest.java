package io.enclavelottery.chain.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenedTest {

  private final List<String> closed = new ArrayList<>();

  @Test
  void givesBackWhatItAddsAndClosesTheLatestFirst() throws Exception {
    Opened opened = new Opened();
    AutoCloseable node = () -> closed.add("node");

    assertThat(opened.add(node)).isSameAs(node);
    opened.add(() -> closed.add("client"));
    opened.close();

    assertThat(closed).containsExactly("client", "node");
  }

  @Test
  void aFailingCloseStillClosesTheRestAndIsThrownWithTheLaterFailures() {
    Opened opened = new Opened();
    opened.add(() -> closed.add("node"));
    opened.add(
        () -> {
          throw new IllegalStateException("server would not stop");
        });
    opened.add(
        () -> {
          throw new IllegalStateException("client would not stop");
        });

    assertThatThrownBy(opened::close)
        .hasMessage("client would not stop")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .extracting(Throwable::getMessage)
                    .containsExactly("server would not stop"));
    assertThat(closed).containsExactly("node");
  }

  @Test
  void closingTwiceClosesNothingTwice() throws Exception {
    Opened opened = new Opened();
    opened.add(() -> closed.add("node"));

    opened.close();
    opened.close();

    assertThat(closed).containsExactly("node");
  }
}
