package io.enclavelottery.enclave.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsmFactoryTest {

  @TempDir Path folder;

  @Test
  void withoutTheDeviceFailsUnlessSoftwareIsAllowed() {
    Path missing = folder.resolve("nsm");

    assertThatThrownBy(() -> NsmFactory.open(missing, false))
        .isInstanceOf(NsmException.class)
        .hasMessageContaining(missing + " does not exist: this is not a Nitro Enclave")
        .hasMessageContaining("NOT SECURE");
    assertThat(NsmFactory.open(missing, true)).isInstanceOf(SoftwareNsm.class);
  }

  @Test
  void theDeviceWinsWheneverItExists() throws Exception {
    Path device = Files.createFile(folder.resolve("nsm"));

    assertThat(NsmFactory.open(device, true)).isInstanceOf(DeviceNsm.class);
    assertThat(NsmFactory.open(device, false).secure()).isTrue();
  }
}
