package io.enclavelottery.enclave.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What of the ioctl path runs outside an enclave: the request code and the failures. */
class NsmIoctlTest {

  @Test
  void requestCodeIsIowr0x0aZeroOfTwoIovecs() {
    assertThat(NsmIoctl.NSM_IOCTL_REQUEST).isEqualTo(0xC0200A00L);
  }

  @Test
  void aDeviceThatIsNotTheNsmFailsClearly() {
    NsmIoctl notNsm = new NsmIoctl(Path.of("/dev/null"));

    assertThatThrownBy(() -> notNsm.exchange(NsmCodec.randomRequest()))
        .isInstanceOf(NsmException.class)
        .hasMessageStartingWith("the NSM request on /dev/null failed");
  }

  @Test
  void aMissingDeviceFailsClearly(@org.junit.jupiter.api.io.TempDir Path folder) {
    NsmIoctl missing = new NsmIoctl(folder.resolve("nsm"));

    assertThatThrownBy(() -> missing.exchange(NsmCodec.randomRequest()))
        .isInstanceOf(NsmException.class)
        .hasMessageStartingWith("cannot open " + folder.resolve("nsm"));
  }

  @Test
  void oversizedRequestsAreRefusedBeforeTheDevice() {
    assertThatThrownBy(() -> new NsmIoctl(Path.of("/dev/null")).exchange(new byte[4097]))
        .isInstanceOf(NsmException.class)
        .hasMessage("an NSM request is at most 4096 bytes, not 4097");
  }
}
