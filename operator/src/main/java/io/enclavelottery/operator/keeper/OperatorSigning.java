package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.signer.SigningKey;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who signs the operator's transactions and holds the rounds' seeds: a key in this process (the
 * operator is trusted with every seed) or the enclave signer (nobody outside the enclave learns a
 * seed before its draw).
 */
public sealed interface OperatorSigning {

  /**
   * The operator's key in this process: it signs, and derives the rounds' seeds.
   *
   * @param key the operator's key; shown only as its address
   */
  record LocalKey(SigningKey key) implements OperatorSigning {
    public LocalKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
      return "LocalKey[" + key.address() + "]";
    }
  }

  /**
   * The enclave signer, used only after a fresh attestation document from it passed verification
   * (and again after each of its restarts).
   *
   * @param signingUrl its signing port ({@code /sign}, {@code /commit}, {@code /draw})
   * @param attestationUrl its attestation port ({@code /attestation?nonce=})
   * @param expectedPcrs PCR values the enclave must report, by index, as lower-case hex (empty: any
   *     image; logged)
   * @param trustSoftwareNsm accept the software NSM's documents under their own test root —
   *     development only, logged NOT SECURE
   * @param timeout for each call to the signer
   * @param keyToInject the operator key to hand a signer that waits for one, encrypted to the
   *     injection key of its verified attestation (after each of its restarts too); empty when the
   *     signer generates its own
   */
  record Enclave(
      URI signingUrl,
      URI attestationUrl,
      Map<Integer, String> expectedPcrs,
      boolean trustSoftwareNsm,
      Duration timeout,
      Optional<SigningKey> keyToInject)
      implements OperatorSigning {

    public Enclave {
      Objects.requireNonNull(signingUrl, "signingUrl");
      Objects.requireNonNull(attestationUrl, "attestationUrl");
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(keyToInject, "keyToInject");
      SortedMap<Integer, String> copy = new TreeMap<>();
      expectedPcrs.forEach(
          (index, value) -> {
            String hex = value.toLowerCase(Locale.ROOT);
            if (!hex.matches("([0-9a-f]{2})+")) {
              throw new IllegalArgumentException("PCR" + index + " must be hex, not " + value);
            }
            copy.put(index, hex);
          });
      expectedPcrs = Collections.unmodifiableSortedMap(copy);
    }

    /** The expected PCRs as bytes, for the verifier. */
    Map<Integer, byte[]> expectedPcrBytes() {
      SortedMap<Integer, byte[]> bytes = new TreeMap<>();
      expectedPcrs.forEach((index, hex) -> bytes.put(index, HexFormat.of().parseHex(hex)));
      return bytes;
    }

    @Override
    public String toString() {
      return "Enclave[signing="
          + signingUrl
          + ", attestation="
          + attestationUrl
          + ", expectedPcrs="
          + expectedPcrs.keySet()
          + keyToInject.map(key -> ", injecting the key of " + key.address()).orElse("")
          + (trustSoftwareNsm ? ", trusting the software NSM (NOT SECURE)" : "")
          + "]";
    }
  }
}
