package io.enclavelottery.enclave.signer;

import io.enclavelottery.enclave.nsm.Nsm;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Objects;

/**
 * A {@link SecureRandom} whose every byte comes from the NSM's generator, so the keys made inside
 * the enclave (the operator key, the injection key) owe nothing to the host's entropy. Seeds
 * offered by callers are ignored.
 */
public final class NsmRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  public NsmRandom(Nsm nsm) {
    super(new ModuleSpi(Objects.requireNonNull(nsm, "nsm")), null);
  }

  private static final class ModuleSpi extends SecureRandomSpi {

    private static final long serialVersionUID = 1L;

    private final transient Nsm nsm;

    ModuleSpi(Nsm nsm) {
      this.nsm = nsm;
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // the module keeps its own entropy; a caller's seed must not weaken or steer it
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      byte[] random = nsm.random(bytes.length);
      if (random.length != bytes.length) {
        throw new IllegalStateException(
            "the NSM returned " + random.length + " random bytes, not " + bytes.length);
      }
      System.arraycopy(random, 0, bytes, 0, bytes.length);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      byte[] seed = new byte[numBytes];
      engineNextBytes(seed);
      return seed;
    }
  }
}
