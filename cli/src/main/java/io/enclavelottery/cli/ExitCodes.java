package io.enclavelottery.cli;

/** The exit codes every {@code lottery} command uses. */
final class ExitCodes {

  /** The command did what was asked (for {@code verify-draw}: the draw verifies). */
  static final int OK = 0;

  /** The command ran but failed (for {@code verify-draw}: the draw does not verify). */
  static final int FAILED = 1;

  /** The input was unusable: bad arguments, an unreachable RPC, a missing or unreadable key. */
  static final int UNUSABLE_INPUT = 2;

  private ExitCodes() {}
}
