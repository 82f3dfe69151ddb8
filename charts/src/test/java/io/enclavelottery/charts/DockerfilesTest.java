package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.operator.dependent.EnclaveLaunchScript;
import io.enclavelottery.operator.dependent.ReleaseImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The images' Dockerfiles, checked without Docker (none runs here): pinned bases, several stages, a
 * numeric non-root user, nothing the user may write outside /tmp, health checks, and the paths and
 * ports the controller's pods expect.
 */
class DockerfilesTest {

  private static final Path IMAGES = Path.of(System.getProperty("images.directory"));

  @ParameterizedTest
  @ValueSource(strings = {"lottery", "enclave", "signer"})
  void basesArePinnedByDigest(String image) throws IOException {
    Dockerfile dockerfile = read(image);
    assertThat(dockerfile.stages()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(dockerfile.stages())
        .filteredOn(stage -> !dockerfile.isStage(stage.image()))
        .isNotEmpty()
        .allSatisfy(
            stage ->
                assertThat(stage.image())
                    .as("FROM %s", stage.image())
                    .matches("[a-z0-9./_-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}")
                    .doesNotContain(":latest"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lottery", "enclave", "signer"})
  void theImageRunsAsANumericNonRootUser(String image) throws IOException {
    assertThat(read(image).last().arguments("USER"))
        .last()
        .asString()
        .matches("[1-9][0-9]*:[1-9][0-9]*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lottery", "enclave", "signer"})
  void whatTheImageShipsIsReadOnlyToItsUser(String image) throws IOException {
    Dockerfile.Stage last = read(image).last();
    assertThat(last.arguments("COPY"))
        .isNotEmpty()
        .allSatisfy(
            copy -> {
              assertThat(copy).contains("--chown=0:0");
              assertThat(copy).containsPattern("--chmod=0[45][45][45] ");
            });
    assertThat(last.arguments("ADD")).isEmpty();
    assertThat(last.arguments("VOLUME")).allSatisfy(v -> assertThat(v).isEqualTo("[\"/tmp\"]"));
    assertThat(last.arguments("WORKDIR")).allSatisfy(w -> assertThat(w).isEqualTo("/tmp"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lottery", "enclave"})
  void theJvmWritesNothingButTemporaryFiles(String image) throws IOException {
    assertThat(String.join(" ", read(image).last().arguments("ENV")))
        .contains("-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp");
    assertThat(read(image).last().arguments("ENTRYPOINT"))
        .singleElement()
        .asString()
        .startsWith("[");
  }

  @Test
  void theReleaseImageChecksItsHealthAndRunsStandaloneByDefault() throws IOException {
    Dockerfile.Stage last = read("lottery").last();
    assertThat(last.arguments("HEALTHCHECK")).singleElement().asString().contains("curl -fsS");
    assertThat(String.join(" ", last.arguments("ENV")))
        .contains("LOTTERY_HEALTH_URL=http://127.0.0.1:6080/health", "SERVER_PORT=6080");
    assertThat(last.arguments("EXPOSE")).containsExactly("6080 8081");
    assertThat(last.arguments("CMD")).containsExactly("[\"run\"]");
  }

  @Test
  void theSignerImageHoldsTheEifWhereTheLaunchScriptStartsIt() throws IOException {
    Dockerfile.Stage last = read("signer").last();
    assertThat(last.arguments("COPY"))
        .anySatisfy(copy -> assertThat(copy).endsWith(" " + EnclaveLaunchScript.EIF_PATH));
    assertThat(last.arguments("HEALTHCHECK")).singleElement().asString().contains("nitro-cli");
    assertThat(String.join(" ", read("signer").stages().get(0).arguments("RUN")))
        .contains("aws-nitro-enclaves-cli", "socat");
  }

  @Test
  void theEnclaveListensOnTheVsockPortsThePodBridgesTo() throws IOException {
    String start = Files.readString(IMAGES.resolve("enclave").resolve("start-signer.sh"));
    assertThat(start)
        .contains(
            "VSOCK-LISTEN:" + EnclaveLaunchScript.SIGNING_VSOCK_PORT + ",",
            "VSOCK-LISTEN:" + EnclaveLaunchScript.ATTESTATION_VSOCK_PORT + ",",
            "lottery.jar signer");
    // the enclave has no HEALTHCHECK: no container runtime runs inside an enclave
    assertThat(read("enclave").last().arguments("HEALTHCHECK")).isEmpty();
  }

  @Test
  void everySettingOfTheEnclaveIsABuildArgumentOfTheScriptSoThatItIsMeasured() throws IOException {
    Dockerfile.Stage enclave = read("enclave").last();
    String script =
        Files.readString(Path.of(System.getProperty("scripts.directory"), "build-images"));
    List<String> settings =
        List.of(
            "SIGNER_CHAIN_ID",
            "SIGNER_CONTRACT_ADDRESS",
            "SIGNER_OPERATOR_ADDRESS",
            "SIGNER_PAYOUT_ADDRESS");
    assertThat(settings)
        .allSatisfy(
            setting -> {
              assertThat(enclave.arguments("ARG"))
                  .anySatisfy(arg -> assertThat(arg).startsWith(setting));
              assertThat(String.join(" ", enclave.arguments("ENV")))
                  .contains(setting + "=${" + setting + "}");
              assertThat(script).contains("--build-arg \"" + setting + "=$");
            });
  }

  @Test
  void theScriptTagsTheReleaseImageTheControllerStartsFrontendsFrom() throws IOException {
    String script =
        Files.readString(Path.of(System.getProperty("scripts.directory"), "build-images"));
    assertThat(script)
        .contains("registry=\"ghcr.io/enclave-lottery\"", "release=\"$registry/enclave-lottery:");
    assertThat(ReleaseImage.REPOSITORY).isEqualTo("ghcr.io/enclave-lottery/enclave-lottery");
    assertThat(
            Chart.render(Map.of())
                .one(io.fabric8.kubernetes.api.model.apps.Deployment.class, "-controller")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .startsWith(ReleaseImage.REPOSITORY + ":");
    assertThat(List.of("lottery", "enclave", "signer"))
        .allSatisfy(image -> assertThat(IMAGES.resolve(image).resolve("Dockerfile")).exists());
  }

  private static Dockerfile read(String image) throws IOException {
    return Dockerfile.read(IMAGES.resolve(image).resolve("Dockerfile"));
  }
}
