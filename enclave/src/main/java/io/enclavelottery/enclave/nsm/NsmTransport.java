package io.enclavelottery.enclave.nsm;

/** One request–response exchange with the NSM, both CBOR; the ioctl in production. */
@FunctionalInterface
interface NsmTransport {

  /** Sends {@code request} and returns the module's response. */
  byte[] exchange(byte[] request);
}
