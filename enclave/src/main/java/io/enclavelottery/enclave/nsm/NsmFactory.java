package io.enclavelottery.enclave.nsm;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the NSM for this process: the real one whenever {@code /dev/nsm} exists (so an enclave
 * never runs on the software one, whatever it was told), the software one only when it is asked for
 * and there is no device, and otherwise a clear failure.
 */
public final class NsmFactory {

  private static final Logger LOG = LoggerFactory.getLogger(NsmFactory.class);

  private NsmFactory() {}

  /** The NSM at {@link DeviceNsm#DEVICE}, or a software one when {@code softwareAllowed}. */
  public static Nsm open(boolean softwareAllowed) {
    return open(DeviceNsm.DEVICE, softwareAllowed);
  }

  static Nsm open(Path device, boolean softwareAllowed) {
    if (Files.exists(device)) {
      LOG.info("Using the Nitro Security Module at {}", device);
      return DeviceNsm.open(device);
    }
    if (!softwareAllowed) {
      throw new NsmException(
          device
              + " does not exist: this is not a Nitro Enclave. For development only, ask for the"
              + " software NSM, whose attestations are NOT SECURE and rejected by default");
    }
    SoftwareNsm software = new SoftwareNsm();
    LOG.warn(
        "Using the software NSM {}: NOT SECURE, for development only; its attestations verify"
            + " only against its own test root",
        software.moduleId());
    return software;
  }
}
