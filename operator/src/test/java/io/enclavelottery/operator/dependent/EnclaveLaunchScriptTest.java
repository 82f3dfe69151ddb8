package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.crd.EnclaveSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the signer container's script with /bin/sh against stand-ins for nitro-cli and socat that
 * record how they were called; the enclave "stops" when the test creates a file.
 */
class EnclaveLaunchScriptTest {

  @TempDir Path dir;

  @Test
  void startsTheEnclaveBridgesBothPortsAndExitsWhenTheEnclaveStops() throws Exception {
    Path log = dir.resolve("calls.log");
    Path stopped = dir.resolve("stopped");
    stub(
        "nitro-cli",
        "echo \"nitro-cli $*\" >> '" + log + "'",
        "if [ \"$1\" = describe-enclaves ]; then",
        "  if [ -f '" + stopped + "' ]; then echo '[]'; else echo '[{\"State\": \"RUNNING\"}]'; fi",
        "fi");
    stub(
        "socat",
        "echo \"socat $*\" >> '" + log + "'",
        "while [ ! -f '" + stopped + "' ]; do sleep 0.1; done");
    EnclaveSpec enclave = new EnclaveSpec("image", null, 4, 3001, null, null, 9100, 9101);

    ProcessBuilder builder =
        new ProcessBuilder("/bin/sh", "-c", EnclaveLaunchScript.of(enclave))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output.log").toFile());
    builder.environment().put("PATH", dir + ":" + System.getenv("PATH"));
    Process script = builder.start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(Files.exists(log) ? Files.readString(log) : "")
                      .contains("socat TCP-LISTEN:9100,fork,reuseaddr VSOCK-CONNECT:16:5000")
                      .contains("socat TCP-LISTEN:9101,fork,reuseaddr VSOCK-CONNECT:16:5001")
                      .contains("nitro-cli describe-enclaves"));
      assertThat(script.isAlive()).isTrue();

      Files.createFile(stopped);

      assertThat(script.waitFor(15, TimeUnit.SECONDS)).isTrue();
      assertThat(script.exitValue()).isEqualTo(1);
      assertThat(Files.readAllLines(log))
          .startsWith(
              "nitro-cli run-enclave --eif-path /enclave/lottery-signer.eif --cpu-count 4"
                  + " --memory 3002 --enclave-cid 16")
          .endsWith("nitro-cli terminate-enclave --all");
      assertThat(Files.readString(dir.resolve("output.log")))
          .contains("enclave or vsock bridge stopped");
    } finally {
      script.destroyForcibly();
    }
  }

  private void stub(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }
}
