package io.enclavelottery.enclave.nsm;

import java.nio.file.Path;

/**
 * The real Nitro Security Module, {@code /dev/nsm} inside an enclave: attestation documents signed
 * by AWS's chain and hardware randomness. Only exists inside a Nitro Enclave; this project's tests
 * cover its message codec, not the device itself.
 */
public final class DeviceNsm implements Nsm {

  /** Where the NSM driver exposes the module inside an enclave. */
  public static final Path DEVICE = Path.of("/dev/nsm");

  private final NsmTransport transport;

  DeviceNsm(NsmTransport transport) {
    this.transport = transport;
  }

  /** The module behind the device file {@code device}. */
  public static DeviceNsm open(Path device) {
    return new DeviceNsm(new NsmIoctl(device));
  }

  @Override
  public byte[] attestation(byte[] userData, byte[] nonce, byte[] publicKey) {
    AttestationRequest request = new AttestationRequest(userData, nonce, publicKey);
    return NsmCodec.attestationDocument(transport.exchange(NsmCodec.attestationRequest(request)));
  }

  /** Asks the module as many times as needed: each answer carries a bounded number of bytes. */
  @Override
  public byte[] random(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("cannot produce " + length + " random bytes");
    }
    byte[] bytes = new byte[length];
    int filled = 0;
    while (filled < length) {
      byte[] chunk = NsmCodec.randomBytes(transport.exchange(NsmCodec.randomRequest()));
      if (chunk.length == 0) {
        throw new NsmException("the NSM answered GetRandom with no bytes");
      }
      int taken = Math.min(chunk.length, length - filled);
      System.arraycopy(chunk, 0, bytes, filled, taken);
      filled += taken;
    }
    return bytes;
  }

  @Override
  public boolean secure() {
    return true;
  }
}
