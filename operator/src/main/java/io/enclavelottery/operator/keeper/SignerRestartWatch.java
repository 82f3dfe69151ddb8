package io.enclavelottery.operator.keeper;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes a keeper's news on, and looks whether the enclave signer restarted when the keeper finds
 * that the address it signs for is no longer the contract's operator: a signer that restarted with
 * a generated key has a new address, which the publisher then makes the operator. The keeper itself
 * sends nothing while it is not the operator, so without this look nothing would notice. The look
 * runs on a thread of its own, one at a time, since the keeper calls this from its loop.
 */
final class SignerRestartWatch implements KeeperListener {

  private final KeeperListener next;
  private final AttestedSigner signer;
  private final AtomicBoolean looking = new AtomicBoolean();

  SignerRestartWatch(KeeperListener next, AttestedSigner signer) {
    this.next = Objects.requireNonNull(next, "next");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public void onEvent(KeeperEvent event) {
    next.onEvent(event);
  }

  @Override
  public void onStatus(KeeperStatus status) {
    next.onStatus(status);
    boolean notOperator =
        status.problem().filter(problem -> problem.kind() == Problem.Kind.NOT_OPERATOR).isPresent();
    if (notOperator && looking.compareAndSet(false, true)) {
      Thread look =
          new Thread(
              () -> {
                try {
                  signer.recheck();
                } finally {
                  looking.set(false);
                }
              },
              "signer-restart-watch");
      look.setDaemon(true);
      look.start();
    }
  }
}
