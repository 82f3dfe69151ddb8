package io.enclavelottery.operator.decision;

import java.time.Instant;

/** A step's answer before {@link Decision} adds what holds for every state (funds, settings). */
record Choice(Action action, String reason, Instant recheckAt) {}
