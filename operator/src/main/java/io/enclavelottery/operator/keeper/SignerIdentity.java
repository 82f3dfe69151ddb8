package io.enclavelottery.operator.keeper;

import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the enclave signer's last verified attestation showed, for status: whom it signs for and the
 * measurements of the image it runs.
 *
 * @param operator the operator address it signs for (lower case)
 * @param pcrs its PCRs as lower-case hex, by index
 * @param secure under the AWS Nitro root and not in debug mode (false on the software NSM)
 */
public record SignerIdentity(String operator, SortedMap<Integer, String> pcrs, boolean secure) {

  public SignerIdentity {
    Objects.requireNonNull(operator, "operator");
    pcrs = new TreeMap<>(pcrs);
  }
}
