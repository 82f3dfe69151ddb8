package io.enclavelottery.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated CRD against manifests, as the API server would judge them (the controller's tests
 * run on a mock API server that checks nothing), and against the Java model.
 */
class CrdSchemaTest {

  private static final GeneratedCrd CRD = GeneratedCrd.load();
  private static final AdmissionCheck API_SERVER = new AdmissionCheck(CRD);
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final String REJECTED_PREFIX = "# rejected: ";

  @Test
  void namesTheResourceAsDesigned() {
    JsonNode spec = CRD.document().path("spec");
    assertThat(spec.path("group").asText()).isEqualTo("enclave-lottery.io");
    assertThat(spec.path("scope").asText()).isEqualTo("Namespaced");
    assertThat(spec.path("names").path("kind").asText()).isEqualTo("LotteryRound");
    assertThat(spec.path("names").path("plural").asText()).isEqualTo("lotteryrounds");
    assertThat(spec.path("names").path("shortNames").get(0).asText()).isEqualTo("lr");
    assertThat(CRD.version().path("name").asText()).isEqualTo("v1alpha1");
    assertThat(CRD.version().path("subresources").has("status")).isTrue();
    assertThat(HasMetadata.getApiVersion(LotteryRound.class))
        .isEqualTo("enclave-lottery.io/v1alpha1");
  }

  @ParameterizedTest
  @ValueSource(strings = {Manifests.MINIMAL, Manifests.COMPLETE})
  void examplesAreAccepted(String file) {
    JsonNode manifest = Manifests.parse(Manifests.exampleText(file));

    assertThat(API_SERVER.create(manifest)).isEmpty();
  }

  static Stream<Arguments> rejectedManifests() throws IOException, URISyntaxException {
    Path directory = Path.of(CrdSchemaTest.class.getResource("/rejected").toURI());
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .sorted()
          .map(
              file -> {
                String text = Manifests.text(file);
                String expected = text.lines().findFirst().orElse("");
                if (!expected.startsWith(REJECTED_PREFIX)) {
                  throw new IllegalStateException(
                      file + " must start with '" + REJECTED_PREFIX + "<the answer expected>'");
                }
                return Arguments.of(
                    file.getFileName().toString(),
                    expected.substring(REJECTED_PREFIX.length()),
                    Manifests.parse(text));
              })
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectedManifests")
  void badManifestGetsOneClearAnswer(String file, String expected, JsonNode manifest) {
    assertThat(API_SERVER.create(manifest)).singleElement().asString().contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {Manifests.MINIMAL, Manifests.COMPLETE})
  void javaModelFillsTheSchemaDefaults(String file) {
    LotteryRound resource =
        SERIALIZATION.unmarshal(Manifests.exampleText(file), LotteryRound.class);
    JsonNode javaSpec = SERIALIZATION.convertValue(resource.getSpec(), JsonNode.class);

    JsonNode specSchema = CRD.schema().path("properties").path("spec");
    assertThat(StructuralValidator.withDefaults(javaSpec, specSchema))
        .as("the spec as the API server would default it, next to the Java model's")
        .isEqualTo(javaSpec);
    assertThat(StructuralValidator.violations(javaSpec, specSchema, "spec")).isEmpty();
  }

  @Test
  void javaDefaultsForAnAbsentSection() {
    LotteryRound resource =
        SERIALIZATION.unmarshal(Manifests.exampleText(Manifests.MINIMAL), LotteryRound.class);
    LotteryRoundSpec spec = resource.getSpec();

    assertThat(spec.rounds().autoStart()).isTrue();
    assertThat(spec.rounds().paused()).isFalse();
    assertThat(spec.rounds().minBet()).as("absent: the contract's value is kept").isNull();
    assertThat(spec.gas().multiplier()).isEqualTo(1.2);
    assertThat(spec.frontend().enabled()).isTrue();
    assertThat(spec.frontend().service().port()).isEqualTo(80);
    assertThat(spec.frontend().ingress().enabled()).isFalse();
    assertThat(spec.signer().keySecretRef().key()).isEqualTo("privateKey");
    assertThat(spec.chain().confirmations()).isEqualTo(2);
  }

  @Test
  void readsResourcesWithFieldsFromANewerVersion() {
    String newer =
        Manifests.exampleText(Manifests.MINIMAL)
                .replace("chainId: 31337", "chainId: 31337\n    finality: safe")
            + "status:\n  phase: Running\n  nextDrawEstimate: soon\n";

    LotteryRound resource = SERIALIZATION.unmarshal(newer, LotteryRound.class);

    assertThat(resource.getSpec().chain().chainId()).isEqualTo(31337L);
    assertThat(resource.getStatus().phase()).isEqualTo(LotteryPhase.RUNNING);
  }

  @Test
  void enclaveNodeSelectorDefaultsToNitroNodes() {
    LotteryRound resource =
        SERIALIZATION.unmarshal(Manifests.exampleText(Manifests.COMPLETE), LotteryRound.class);
    EnclaveSpec given = resource.getSpec().signer().enclave();
    EnclaveSpec absent =
        new EnclaveSpec(given.image(), given.expectedPcrs(), null, null, null, null, null, null);

    assertThat(absent.nodeSelector())
        .containsExactly(Map.entry("aws-nitro-enclaves-k8s-dp", "enabled"));
    assertThat(absent.tolerations()).isEmpty();
    assertThat(given.tolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getEffect()).isEqualTo("NoSchedule"));
  }

  @Test
  void everyFieldIsDescribedForKubectlExplain() {
    List<String> undescribed = new ArrayList<>();
    JsonNode properties = CRD.schema().path("properties");
    properties.properties().forEach(p -> collectUndescribed(p.getValue(), p.getKey(), undescribed));

    assertThat(undescribed).isEmpty();
  }

  private static void collectUndescribed(JsonNode schema, String path, List<String> into) {
    // Kubernetes' own Toleration type: kubectl explain pod.spec.tolerations describes it
    if (path.endsWith(".tolerations[*]")) {
      return;
    }
    if (!path.endsWith("[*]") && schema.path("description").asText().isBlank()) {
      into.add(path);
    }
    schema
        .path("properties")
        .properties()
        .forEach(p -> collectUndescribed(p.getValue(), path + "." + p.getKey(), into));
    if (schema.has("items")) {
      collectUndescribed(schema.get("items"), path + "[*]", into);
    }
  }

  @Test
  void printerColumnsShowTheRoundAtAGlance() {
    List<String> names = new ArrayList<>();
    for (JsonNode column : CRD.version().path("additionalPrinterColumns")) {
      names.add(column.path("name").asText());
      if (column.path("priority").asInt() == 0) {
        assertThat(column.path("type").asText())
            .as("type of column %s", column.path("name"))
            .isEqualTo(typeAt(column.path("jsonPath").asText()));
      }
    }

    assertThat(names)
        .containsExactly(
            "Round",
            "State",
            "Pot (ETH)",
            "Players",
            "Betting ends",
            "Last winner",
            "Ready",
            "Age",
            "Phase");
  }

  /** The schema type a printer column's JSON path reads; a column pointing nowhere fails. */
  private static String typeAt(String jsonPath) {
    if (jsonPath.equals(".metadata.creationTimestamp")) {
      return "date";
    }
    String path = jsonPath.replace("[?(@.type==\"Ready\")]", "[*]");
    JsonNode schema = CRD.schema();
    for (String segment : path.substring(1).split("\\.")) {
      boolean items = segment.endsWith("[*]");
      schema = schema.path("properties").path(items ? segment.replace("[*]", "") : segment);
      if (items) {
        schema = schema.path("items");
      }
      assertThat(schema.isMissingNode())
          .as("%s points at a field of the schema", jsonPath)
          .isFalse();
    }
    return schema.path("type").asText();
  }

  @Test
  void statusTheControllerWritesPassesTheSchemaAndReadsBack() {
    LotteryRound resource =
        SERIALIZATION.unmarshal(Manifests.exampleText(Manifests.MINIMAL), LotteryRound.class);
    resource.setMetadata(
        new ObjectMetaBuilder().withName("dev-lottery").withGeneration(3L).build());
    RoundResult drawn =
        new RoundResult(
            6L,
            RoundOutcome.DRAWN,
            "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
            "0.495",
            "0.5",
            null,
            "2025-05-01T12:00:30Z",
            "0x" + "ab".repeat(32));
    RoundResult refunded =
        new RoundResult(
            5L,
            RoundOutcome.REFUNDED,
            null,
            null,
            "0.01",
            "1 player, 2 needed",
            "2025-05-01T11:00:30Z",
            "0x" + "cd".repeat(32));
    LotteryRoundStatus status =
        new LotteryRoundStatus(
            3L,
            LotteryPhase.RUNNING,
            List.of(
                new LotteryCondition(
                    ConditionType.READY,
                    ConditionStatus.TRUE,
                    "RoundsRunning",
                    "the controller runs rounds on the contract",
                    "2025-05-01T10:00:00Z",
                    3L),
                new LotteryCondition(
                    ConditionType.SETTINGS_IN_SYNC,
                    ConditionStatus.FALSE,
                    "HeldUntilRoundEnds",
                    "minBet 0.02 is applied when round 7 ends",
                    "2025-05-01T12:01:00Z",
                    3L)),
            31337L,
            1234L,
            "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
            new SignerAttestationStatus("ab".repeat(48), "cd".repeat(48), "ef".repeat(48), true),
            "9.87",
            "1",
            "10",
            0L,
            new RoundStatus(
                7L,
                RoundState.BETTING,
                "2025-05-01T12:01:00Z",
                "2025-05-01T13:01:00Z",
                "2025-05-01T13:01:10Z",
                "2025-05-01T13:11:00Z",
                "0.03",
                2L,
                false),
            drawn,
            List.of(drawn, refunded),
            new PendingTransaction(
                "0x" + "ef".repeat(32), "commitSeed", 41L, "2025-05-01T12:02:00Z"),
            new PendingSettings("0.02", null, null),
            "https://lottery.example.com",
            null);
    resource.setStatus(status);

    String yaml = SERIALIZATION.asYaml(resource);

    assertThat(API_SERVER.create(Manifests.parse(yaml))).isEmpty();
    assertThat(SERIALIZATION.unmarshal(yaml, LotteryRound.class).getStatus()).isEqualTo(status);
    assertThat(status.condition(ConditionType.READY))
        .map(LotteryCondition::status)
        .hasValue(ConditionStatus.TRUE);
    assertThat(status.condition(ConditionType.BOND_SUFFICIENT)).isEmpty();
  }

  @Test
  void historyIsBounded() {
    List<RoundResult> eleven =
        Collections.nCopies(
            LotteryRoundStatus.HISTORY_LIMIT + 1,
            new RoundResult(1L, RoundOutcome.REFUNDED, null, null, "0", "no players", null, null));

    assertThat(CRD.schema().at("/properties/status/properties/history/maxItems").asInt())
        .isEqualTo(LotteryRoundStatus.HISTORY_LIMIT);
    assertThatThrownBy(
            () ->
                new LotteryRoundStatus(
                    null, null, null, null, null, null, null, null, null, null, null, null, null,
                    eleven, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 10");
  }
}
