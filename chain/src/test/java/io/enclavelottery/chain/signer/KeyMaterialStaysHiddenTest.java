package io.enclavelottery.chain.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.utils.Numeric;

/**
 * Tries to make a key or a seed show itself through every door a value has: {@code toString},
 * Jackson (with default and with field-snooping settings), exception messages and log lines.
 */
class KeyMaterialStaysHiddenTest {

  static final String KEY_HEX = LocalSeedDerivationTest.KEY_HEX;
  static final SigningKey KEY = SigningKey.fromHex(KEY_HEX);
  static final DrawSeed SEED =
      new LocalSeedDerivation(KEY).seedFor(31337, LocalSeedDerivationTest.LOTTERY, BigInteger.ONE);

  /** Every spelling of a secret that could end up in text. */
  static List<String> spellings(byte[] secret) {
    String hex = Numeric.toHexStringNoPrefix(secret);
    return List.of(
        hex,
        hex.toUpperCase(Locale.ROOT),
        new BigInteger(1, secret).toString(),
        java.util.Base64.getEncoder().encodeToString(secret),
        hex.substring(0, 16)); // even a fragment
  }

  static final List<String> SECRETS = secrets();

  private static List<String> secrets() {
    List<String> all = new ArrayList<>(spellings(Numeric.hexStringToByteArray(KEY_HEX)));
    all.addAll(spellings(SEED.bytes()));
    return all;
  }

  /** A record holding key-bearing values, as a status or a config object might by mistake. */
  record Holder(SigningKey key, Signer signer, LocalSeedDerivation seeds, DrawSeed seed) {}

  static Stream<Object> keyBearingValues() {
    return Stream.of(
        KEY,
        new LocalKeySigner(KEY),
        new LocalSeedDerivation(KEY),
        SEED,
        new Holder(KEY, new LocalKeySigner(KEY), new LocalSeedDerivation(KEY), SEED));
  }

  private static void assertNoSecretIn(String text) {
    for (String secret : SECRETS) {
      assertThat(text).doesNotContainIgnoringCase(secret);
    }
  }

  @ParameterizedTest
  @MethodSource("keyBearingValues")
  void toStringIsRedacted(Object value) {
    assertNoSecretIn(value.toString());
  }

  @ParameterizedTest
  @MethodSource("keyBearingValues")
  void jacksonWritesNoSecretWithDefaultSettings(Object value) {
    assertNoSecretIn(serialise(new ObjectMapper(), value));
  }

  @ParameterizedTest
  @MethodSource("keyBearingValues")
  void jacksonWritesNoSecretEvenWhenReadingPrivateFields(Object value) {
    ObjectMapper snooping =
        new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.ANY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    assertNoSecretIn(serialise(snooping, value));
  }

  /** The JSON, or the failure's messages if Jackson refuses: neither may hold a secret. */
  private static String serialise(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (Exception e) {
      return messages(e);
    }
  }

  @Test
  void keySourceErrorsNeverRepeatWhatTheyRead(@TempDir Path dir) throws Exception {
    String nearlyAKey = KEY_HEX.substring(0, 63) + "g";
    Path badFile = dir.resolve("bad.key");
    Files.writeString(badFile, nearlyAKey);
    Path hugeFile = dir.resolve("huge.key");
    Files.writeString(hugeFile, (KEY_HEX + "\n").repeat(100));
    Path twoKeys = dir.resolve("two.key");
    Files.writeString(twoKeys, KEY_HEX + "\n" + KEY_HEX);

    List<Throwable> failures = new ArrayList<>();
    try (CapturedLogs logs = new CapturedLogs()) {
      failures.add(catchThrowable(() -> new KeySource.KeyFile(badFile).load()));
      failures.add(catchThrowable(() -> new KeySource.KeyFile(hugeFile).load()));
      failures.add(catchThrowable(() -> new KeySource.KeyFile(twoKeys).load()));
      failures.add(
          catchThrowable(
              () ->
                  new KeySource.EnvironmentVariable("OPERATOR_KEY")
                      .loadFrom(Map.of("OPERATOR_KEY", nearlyAKey)::get)));
      failures.add(
          catchThrowable(
              () ->
                  new KeySource.EnvironmentVariable("OPERATOR_KEY")
                      .loadFrom(Map.of("OPERATOR_KEY", KEY_HEX + " trailing words")::get)));
      failures.add(catchThrowable(() -> KeySource.parse(KEY_HEX)));
      failures.add(catchThrowable(() -> KeySource.parse("0x" + KEY_HEX)));
      failures.add(catchThrowable(() -> SigningKey.fromHex(nearlyAKey)));
      logs.lines().forEach(KeyMaterialStaysHiddenTest::assertNoSecretIn);
    }

    assertThat(failures).doesNotContainNull().hasSize(8);
    for (Throwable failure : failures) {
      assertNoSecretIn(messages(failure));
      assertNoSecretIn(serialise(new ObjectMapper(), failure));
    }
  }

  @Test
  void loadingAndUsingAKeyLogsNoSecret(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("operator.key");
    Files.writeString(file, "0x" + KEY_HEX + "\n");
    try (CapturedLogs logs = new CapturedLogs()) {
      // world-readable, so the loader warns about the file
      Files.setPosixFilePermissions(
          file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      SigningKey key = new KeySource.KeyFile(file).load();
      new LocalSeedDerivation(key).seedFor(1, LocalSeedDerivationTest.LOTTERY, BigInteger.TWO);

      assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("readable by every"));
      logs.lines().forEach(KeyMaterialStaysHiddenTest::assertNoSecretIn);
    }
  }

  private static String messages(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (Throwable suppressed : t.getSuppressed()) {
        text.append(suppressed).append('\n');
      }
    }
    return text.toString();
  }
}
