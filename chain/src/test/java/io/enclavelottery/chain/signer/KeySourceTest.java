package io.enclavelottery.chain.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeySourceTest {

  static final String KEY_HEX = LocalSeedDerivationTest.KEY_HEX;
  static final String ADDRESS = SigningKey.fromHex(KEY_HEX).address();

  @TempDir Path dir;

  @Test
  void readsAKeyFileWithOrWithoutPrefixAndTrailingNewline() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain"), KEY_HEX);
    Path prefixed = Files.writeString(dir.resolve("prefixed"), "0x" + KEY_HEX + "\n");

    assertThat(new KeySource.KeyFile(plain).load().address()).isEqualTo(ADDRESS);
    assertThat(new KeySource.KeyFile(prefixed).load().address()).isEqualTo(ADDRESS);
  }

  @Test
  void readsAnEnvironmentVariable() {
    SigningKey key =
        new KeySource.EnvironmentVariable("OPERATOR_KEY")
            .loadFrom(Map.of("OPERATOR_KEY", "  0x" + KEY_HEX + "\n")::get);

    assertThat(key.address()).isEqualTo(ADDRESS);
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = dir.resolve("nope.key");

    assertThatThrownBy(() -> new KeySource.KeyFile(missing).load())
        .isInstanceOf(KeyLoadException.class)
        .hasMessage("key file " + missing + " does not exist");
  }

  @Test
  void aDirectorySaysSo() {
    assertThatThrownBy(() -> new KeySource.KeyFile(dir).load())
        .isInstanceOf(KeyLoadException.class)
        .hasMessage("key file " + dir + " is a directory");
  }

  @Test
  void anUnreadableFileSaysSo() throws Exception {
    Path locked = Files.writeString(dir.resolve("locked.key"), KEY_HEX);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(locked), "running as root: every file is readable");

    assertThatThrownBy(() -> new KeySource.KeyFile(locked).load())
        .isInstanceOf(KeyLoadException.class)
        .hasMessage("key file " + locked + " is not readable by this process");
  }

  @Test
  void badContentSaysWhatIsWrongWithoutShowingIt() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.key"), "not a key at all");

    assertThatThrownBy(() -> new KeySource.KeyFile(bad).load())
        .isInstanceOf(KeyLoadException.class)
        .hasMessage(
            "key file "
                + bad
                + " does not hold a private key: a private key must be 32 bytes of hex (64 hex"
                + " digits)")
        .hasNoCause();
  }

  @Test
  void anUnsetOrEmptyVariableSaysSo() {
    Map<String, String> environment = new HashMap<>();
    environment.put("EMPTY_KEY", " \n");
    KeySource.EnvironmentVariable unset = new KeySource.EnvironmentVariable("OPERATOR_KEY");
    KeySource.EnvironmentVariable empty = new KeySource.EnvironmentVariable("EMPTY_KEY");

    assertThatThrownBy(() -> unset.loadFrom(environment::get))
        .hasMessage("environment variable OPERATOR_KEY is not set");
    assertThatThrownBy(() -> empty.loadFrom(environment::get))
        .hasMessage("environment variable EMPTY_KEY is empty");
  }

  @Test
  void aZeroKeyIsRefused() {
    assertThatThrownBy(
            () ->
                new KeySource.EnvironmentVariable("K").loadFrom(Map.of("K", "00".repeat(32))::get))
        .hasMessageContaining("must not be zero");
  }

  @Test
  void parsesEnvAndFileSources() {
    assertThat(KeySource.parse("env:OPERATOR_KEY"))
        .isEqualTo(new KeySource.EnvironmentVariable("OPERATOR_KEY"));
    assertThat(KeySource.parse("file:/var/run/secrets/operator/key"))
        .isEqualTo(new KeySource.KeyFile(Path.of("/var/run/secrets/operator/key")));
    assertThat(KeySource.parse("env:OPERATOR_KEY").toString()).isEqualTo("env:OPERATOR_KEY");
    assertThatThrownBy(() -> KeySource.parse("OPERATOR_KEY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env:NAME or file:PATH");
    assertThatThrownBy(() -> KeySource.parse("env:not a name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
