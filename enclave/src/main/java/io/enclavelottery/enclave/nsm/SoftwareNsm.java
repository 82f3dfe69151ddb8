package io.enclavelottery.enclave.nsm;

import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import io.enclavelottery.enclave.attestation.CoseSign1;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An NSM in software, for development and tests: documents in exactly the Nitro format (COSE_Sign1,
 * ES384, the same payload fields), signed by a leaf under its own freshly generated test root. It
 * is not secure ({@link #secure()} is false, the module id starts with {@value #MODULE_ID_PREFIX}),
 * and a verifier accepts its documents only when explicitly given {@link #testRoot()}.
 */
public final class SoftwareNsm implements Nsm {

  /** Every software NSM's module id starts with this. */
  public static final String MODULE_ID_PREFIX = "software-nsm-";

  /** The Nitro NSM reports 16 PCRs of 48 bytes (SHA-384). */
  static final int PCR_COUNT = 16;

  static final int PCR_LENGTH = 48;

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final SortedMap<Integer, byte[]> pcrs;
  private final String moduleId;
  private final SoftwareNsmCertificates certificates;

  /** A software NSM with the {@link #defaultPcrs() default PCRs} and the system clock. */
  public SoftwareNsm() {
    this(Clock.systemUTC(), defaultPcrs());
  }

  /**
   * A software NSM reporting {@code pcrs} (indexes 0–15, 48 bytes each; the others are zero),
   * dating its documents and certificates by {@code clock}.
   */
  public SoftwareNsm(Clock clock, Map<Integer, byte[]> pcrs) {
    this.clock = clock;
    this.pcrs = allPcrs(pcrs);
    byte[] id = new byte[8];
    random.nextBytes(id);
    this.moduleId = MODULE_ID_PREFIX + HexFormat.of().formatHex(id);
    this.certificates = SoftwareNsmCertificates.issue(moduleId, clock.instant(), random);
  }

  /**
   * Distinct non-zero PCR0–2 (SHA-384 of {@code "enclave-lottery software NSM PCR<n>"}), so a
   * software document is not in debug mode; the other PCRs are zero.
   */
  public static SortedMap<Integer, byte[]> defaultPcrs() {
    SortedMap<Integer, byte[]> pcrs = new TreeMap<>();
    for (int index = 0; index <= 2; index++) {
      pcrs.put(index, sha384("enclave-lottery software NSM PCR" + index));
    }
    return pcrs;
  }

  /** The self-signed test root this NSM's documents chain to: trust it only in development. */
  public X509Certificate testRoot() {
    return certificates.root();
  }

  /** {@link #testRoot()} as PEM text, to hand to {@code lottery verify-attestation}. */
  public String testRootPem() {
    return certificates.rootPem();
  }

  /** This NSM's module id, {@value #MODULE_ID_PREFIX} and 16 hex digits. */
  public String moduleId() {
    return moduleId;
  }

  @Override
  public byte[] attestation(byte[] userData, byte[] nonce, byte[] publicKey) {
    AttestationRequest request = new AttestationRequest(userData, nonce, publicKey);
    byte[] protectedHeader = CoseSign1.es384Header();
    byte[] payload = payload(request);
    byte[] toBeSigned = new CoseSign1(protectedHeader, payload, new byte[0]).toBeSigned();
    return new CoseSign1(protectedHeader, payload, sign(toBeSigned)).encoded();
  }

  @Override
  public byte[] random(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("cannot produce " + length + " random bytes");
    }
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  @Override
  public boolean secure() {
    return false;
  }

  // The Nitro payload, field for field and in the NSM's order.
  private byte[] payload(AttestationRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator cbor = (CBORGenerator) new CBORFactory().createGenerator(out)) {
      cbor.writeStartObject(null, 9);
      cbor.writeStringField("module_id", moduleId);
      cbor.writeStringField("digest", "SHA384");
      cbor.writeNumberField("timestamp", clock.millis());
      cbor.writeFieldName("pcrs");
      cbor.writeStartObject(null, pcrs.size());
      for (Map.Entry<Integer, byte[]> pcr : pcrs.entrySet()) {
        cbor.writeFieldId(pcr.getKey());
        cbor.writeBinary(pcr.getValue());
      }
      cbor.writeEndObject();
      cbor.writeBinaryField("certificate", certificates.leaf().getEncoded());
      cbor.writeFieldName("cabundle");
      cbor.writeStartArray(null, 1);
      cbor.writeBinary(certificates.root().getEncoded());
      cbor.writeEndArray();
      writeOptional(cbor, "public_key", request.publicKey());
      writeOptional(cbor, "user_data", request.userData());
      writeOptional(cbor, "nonce", request.nonce());
      cbor.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the software NSM's certificates", e);
    }
    return out.toByteArray();
  }

  private static void writeOptional(CBORGenerator cbor, String name, byte[] value)
      throws IOException {
    cbor.writeFieldName(name);
    if (value == null) {
      cbor.writeNull();
    } else {
      cbor.writeBinary(value);
    }
  }

  private byte[] sign(byte[] toBeSigned) {
    try {
      Signature signer = Signature.getInstance("SHA384withECDSAinP1363Format");
      signer.initSign(certificates.leafKey(), random);
      signer.update(toBeSigned);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the software NSM's key", e);
    }
  }

  private static SortedMap<Integer, byte[]> allPcrs(Map<Integer, byte[]> given) {
    SortedMap<Integer, byte[]> all = new TreeMap<>();
    for (int index = 0; index < PCR_COUNT; index++) {
      all.put(index, new byte[PCR_LENGTH]);
    }
    for (Map.Entry<Integer, byte[]> pcr : given.entrySet()) {
      if (pcr.getKey() < 0 || pcr.getKey() >= PCR_COUNT) {
        throw new IllegalArgumentException("PCR index " + pcr.getKey() + " is not 0 to 15");
      }
      if (pcr.getValue().length != PCR_LENGTH) {
        throw new IllegalArgumentException(
            "PCR" + pcr.getKey() + " has " + pcr.getValue().length + " bytes, not 48");
      }
      all.put(pcr.getKey(), pcr.getValue().clone());
    }
    return all;
  }

  private static byte[] sha384(String text) {
    try {
      return MessageDigest.getInstance("SHA-384").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
