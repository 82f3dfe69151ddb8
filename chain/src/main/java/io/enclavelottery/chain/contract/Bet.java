package io.enclavelottery.chain.contract;

import java.math.BigInteger;

/**
 * One bet as the contract stores it: the bettor and the round's running total after the bet. The
 * bet covers the points {@code [previous cumulativeTotal, cumulativeTotal)} of the pot.
 *
 * @param bettor lower-case {@code 0x} address
 * @param cumulativeTotal the round's pot after this bet, in wei
 */
public record Bet(String bettor, BigInteger cumulativeTotal) {}
