package io.enclavelottery.chain.contract;

import java.math.BigInteger;

/**
 * A distinct player of a round and the total of their bets in it.
 *
 * @param address the player, lower-case {@code 0x} hex
 * @param amount the player's total bet in wei
 */
public record Participant(String address, BigInteger amount) {}
