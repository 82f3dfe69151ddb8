package io.enclavelottery.frontend.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trusted-proxy blocks: CIDR and single addresses, IPv4 and IPv6, never a name lookup. */
class AddressBlockTest {

  @Test
  void blocksContainTheirAddressesOnly() throws Exception {
    AddressBlock tenSlash8 = AddressBlock.parse("10.0.0.0/8");
    assertThat(tenSlash8.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(tenSlash8.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    assertThat(tenSlash8.contains(InetAddress.getByName("::1"))).isFalse();
    AddressBlock single = AddressBlock.parse("192.168.1.1");
    assertThat(single.contains(InetAddress.getByName("192.168.1.1"))).isTrue();
    assertThat(single.contains(InetAddress.getByName("192.168.1.2"))).isFalse();
    AddressBlock v6 = AddressBlock.parse("fd00::/8");
    assertThat(v6.contains(InetAddress.getByName("fd12:3456::1"))).isTrue();
    assertThat(v6.contains(InetAddress.getByName("fe80::1"))).isFalse();
    assertThat(AddressBlock.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com",
        "10.0.0.0/33",
        "10.0.0.0/x",
        "256.1.1.1",
        "1.2.3",
        "10.0.0.0/8/8",
        "::1/129",
        "1.2.3.4 5"
      })
  void anythingButALiteralIsRefused(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> AddressBlock.parse(text));
  }
}
