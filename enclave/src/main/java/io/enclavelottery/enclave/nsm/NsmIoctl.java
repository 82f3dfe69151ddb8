package io.enclavelottery.enclave.nsm;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.nio.file.Path;

/**
 * The NSM driver's one ioctl, through JNA: {@code NSM_IOCTL_REQUEST = _IOWR(0x0A, 0, struct
 * nsm_message)}, where {@code nsm_message} is two {@code iovec}s (request, response), each a 64-bit
 * address and length; the driver writes the response and sets its length. The kernel's header
 * reserves this raw message for {@code CAP_SYS_ADMIN}: the signer runs as root inside the enclave.
 * Not run on real Nitro hardware by this project's tests (only its failures on a device that is not
 * the NSM).
 */
final class NsmIoctl implements NsmTransport {

  static final int REQUEST_MAX_SIZE = 0x1000;
  static final int RESPONSE_MAX_SIZE = 0x3000;

  /** Two iovecs of (8-byte address, 8-byte length). */
  static final int MESSAGE_SIZE = 32;

  /** {@code _IOWR(0x0A, 0, 32)}: direction read|write (3) << 30, size << 16, type << 8, number. */
  static final long NSM_IOCTL_REQUEST = (3L << 30) | ((long) MESSAGE_SIZE << 16) | (0x0AL << 8);

  private static final int O_RDWR = 2;

  private final Path device;

  NsmIoctl(Path device) {
    this.device = device;
  }

  @Override
  public byte[] exchange(byte[] request) {
    if (request.length > REQUEST_MAX_SIZE) {
      throw new NsmException("an NSM request is at most 4096 bytes, not " + request.length);
    }
    try (Memory requestBuffer = new Memory(Math.max(1, request.length));
        Memory responseBuffer = new Memory(RESPONSE_MAX_SIZE);
        Memory message = new Memory(MESSAGE_SIZE)) {
      requestBuffer.write(0, request, 0, request.length);
      message.setPointer(0, requestBuffer);
      message.setLong(8, request.length);
      message.setPointer(16, responseBuffer);
      message.setLong(24, RESPONSE_MAX_SIZE);
      call(message);
      long length = message.getLong(24);
      if (length < 0 || length > RESPONSE_MAX_SIZE) {
        throw new NsmException("the NSM driver reported a response of " + length + " bytes");
      }
      return responseBuffer.getByteArray(0, (int) length);
    }
  }

  private void call(Memory message) {
    int fd;
    try {
      fd = LibC.INSTANCE.open(device.toString(), O_RDWR);
    } catch (LastErrorException e) {
      throw new NsmException("cannot open " + device + ": " + e.getMessage(), e);
    }
    try {
      LibC.INSTANCE.ioctl(fd, new NativeLong(NSM_IOCTL_REQUEST), message);
    } catch (LastErrorException e) {
      throw new NsmException("the NSM request on " + device + " failed: " + e.getMessage(), e);
    } finally {
      LibC.INSTANCE.close(fd);
    }
  }

  /** The three C library calls used; errors surface as {@link LastErrorException} (errno). */
  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int open(String path, int flags) throws LastErrorException;

    int ioctl(int fd, NativeLong request, Pointer message) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }
}
