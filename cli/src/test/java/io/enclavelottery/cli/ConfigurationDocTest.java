package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/CONFIGURATION.md true: every environment variable the main sources name and every
 * property of the generated CRD's spec must be documented there, so a new setting cannot ship
 * undocumented.
 */
class ConfigurationDocTest {

  /** The modules whose processes read environment variables (chain: the fee variables). */
  private static final List<String> MODULES =
      List.of("cli", "operator", "frontend-server", "enclave", "chain");

  private static final Pattern VARIABLE =
      Pattern.compile("\"((?:BLOCKCHAIN|EVENTMGR|SERVER|APP|SIGNER|HEALTH|LOTTERY)_[A-Z0-9_]+)\"");

  private static final Path ROOT =
      Path.of(System.getProperty("lottery.root", "..")).toAbsolutePath().normalize();

  private static final Path CRD =
      ROOT.resolve("charts/enclave-lottery/crds/lotteryrounds.enclave-lottery.io-v1.yml");

  @Test
  void everyEnvironmentVariableOfTheMainSourcesIsDocumented() {
    SortedSet<String> variables = variablesInMainSources();
    String doc = read(ROOT.resolve("docs/CONFIGURATION.md"));

    assertThat(variables)
        .as("variables found in the main sources (is the project root %s?)", ROOT)
        .contains("BLOCKCHAIN_RPC_URL", "SIGNER_CHAIN_ID", "SERVER_CORS_ORIGINS");
    assertThat(variables.stream().filter(name -> !mentions(doc, name)).toList())
        .as("environment variables missing from docs/CONFIGURATION.md")
        .isEmpty();
  }

  @Test
  void everyPropertyOfTheLotteryRoundSpecIsDocumented() {
    SortedSet<String> properties = new TreeSet<>();
    JsonNode spec =
        yaml(CRD).at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
    collect(spec, "", properties);
    String doc = read(ROOT.resolve("docs/CONFIGURATION.md"));

    assertThat(properties)
        .as("spec properties of %s", CRD)
        .contains("chain.rpcUrl", "signer.enclave.expectedPcrs.pcr0");
    assertThat(properties.stream().filter(path -> !doc.contains("`" + path + "`")).toList())
        .as("LotteryRound spec fields missing from docs/CONFIGURATION.md (as `path.to.field`)")
        .isEmpty();
  }

  @Test
  void aVariableCountsOnlyAsAWholeName() {
    assertThat(mentions("`SIGNER_EXPECTED_PCR0`", "SIGNER_EXPECTED_PCR")).isTrue();
    assertThat(mentions("`SIGNER_PORT`", "SIGNER_PORT")).isTrue();
    assertThat(mentions("`SIGNER_PORT_X`", "SIGNER_PORT")).isFalse();
    assertThat(mentions("`X_SIGNER_PORT`", "SIGNER_PORT")).isFalse();
  }

  /**
   * Whether {@code doc} names the variable: not as a part of a longer name, though a numbered
   * family ({@code SIGNER_EXPECTED_PCR} + 0, 1, 2) counts.
   */
  private static boolean mentions(String doc, String variable) {
    return Pattern.compile("(?<![A-Z0-9_])" + Pattern.quote(variable) + "(?![A-Z_])")
        .matcher(doc)
        .find();
  }

  /** The dotted paths of every property below {@code properties}, arrays' items excluded. */
  private static void collect(JsonNode properties, String prefix, SortedSet<String> paths) {
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String path = prefix + property.getKey();
      paths.add(path);
      JsonNode nested = property.getValue().path("properties");
      if (nested.isObject()) {
        collect(nested, path + ".", paths);
      }
    }
  }

  private static SortedSet<String> variablesInMainSources() {
    SortedSet<String> variables = new TreeSet<>();
    for (String module : MODULES) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        files
            .filter(file -> file.toString().endsWith(".java"))
            .forEach(
                file -> {
                  Matcher matcher = VARIABLE.matcher(read(file));
                  while (matcher.find()) {
                    variables.add(matcher.group(1));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return variables;
  }

  private static JsonNode yaml(Path file) {
    try {
      return new YAMLMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
