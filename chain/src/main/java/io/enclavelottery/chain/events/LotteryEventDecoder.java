package io.enclavelottery.chain.events;

import io.enclavelottery.chain.generated.LotteryBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Decodes logs of the lottery contract into {@link LotteryEvent}s, using the event shapes of the
 * generated binding. A log that is not a lottery event (another contract's, an unknown topic, a
 * known topic with another shape, a pending log without a block) decodes to empty: the decoder
 * never throws on a log it is given.
 */
public final class LotteryEventDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(LotteryEventDecoder.class);

  /** One event: its ABI shape and how its values become the record. */
  private record Shape(
      Event abi, Class<? extends LotteryEvent> type, Function<LogValues, LotteryEvent> build) {}

  private static final Map<String, Shape> BY_TOPIC =
      byTopic(
          shape(
              LotteryBinding.ROUNDCREATED_EVENT,
              RoundCreated.class,
              v ->
                  new RoundCreated(
                      v.position(),
                      v.count(0),
                      v.time(1),
                      v.time(2),
                      v.time(3),
                      v.time(4),
                      v.time(5))),
          shape(
              LotteryBinding.BETPLACED_EVENT,
              BetPlaced.class,
              v ->
                  new BetPlaced(
                      v.position(), v.count(0), v.address(1), v.wei(2), v.wei(3), v.time(4))),
          shape(
              LotteryBinding.ENDTIMEEXTENDED_EVENT,
              EndTimeExtended.class,
              v -> new EndTimeExtended(v.position(), v.count(0), v.time(1), v.time(2), v.time(3))),
          shape(
              LotteryBinding.ROUNDSTATECHANGED_EVENT,
              RoundStateChanged.class,
              v ->
                  new RoundStateChanged(
                      v.position(), v.count(0), v.state(1), v.state(2), v.time(3))),
          shape(
              LotteryBinding.ROUNDCOMPLETED_EVENT,
              RoundCompleted.class,
              v ->
                  new RoundCompleted(
                      v.position(),
                      v.count(0),
                      v.address(1),
                      v.wei(2),
                      v.wei(3),
                      v.wei(4),
                      v.uintAsBytes32(5),
                      v.time(6))),
          shape(
              LotteryBinding.ROUNDREFUNDED_EVENT,
              RoundRefunded.class,
              v ->
                  new RoundRefunded(
                      v.position(), v.count(0), v.wei(1), v.count(2), v.text(3), v.time(4))),
          shape(
              LotteryBinding.MINBETAMOUNTUPDATED_EVENT,
              MinBetAmountUpdated.class,
              v -> new MinBetAmountUpdated(v.position(), v.wei(0), v.wei(1), v.time(2))),
          shape(
              LotteryBinding.BETTINGDURATIONUPDATED_EVENT,
              BettingDurationUpdated.class,
              v -> new BettingDurationUpdated(v.position(), v.seconds(0), v.seconds(1), v.time(2))),
          shape(
              LotteryBinding.MINPARTICIPANTSUPDATED_EVENT,
              MinParticipantsUpdated.class,
              v -> new MinParticipantsUpdated(v.position(), v.count(0), v.count(1), v.time(2))),
          shape(
              LotteryBinding.OPERATORUPDATED_EVENT,
              OperatorUpdated.class,
              v -> new OperatorUpdated(v.position(), v.address(0), v.address(1), v.time(2))),
          shape(
              LotteryBinding.WITHDRAWN_EVENT,
              Withdrawn.class,
              v -> new Withdrawn(v.position(), v.address(0), v.wei(1), v.time(2))),
          shape(
              LotteryBinding.DRAWDELAYSUPDATED_EVENT,
              DrawDelaysUpdated.class,
              v ->
                  new DrawDelaysUpdated(
                      v.position(),
                      v.seconds(0),
                      v.seconds(1),
                      v.seconds(2),
                      v.seconds(3),
                      v.time(4))),
          shape(
              LotteryBinding.MINENDTIMEEXTENSIONUPDATED_EVENT,
              MinEndTimeExtensionUpdated.class,
              v ->
                  new MinEndTimeExtensionUpdated(
                      v.position(), v.seconds(0), v.seconds(1), v.time(2))),
          shape(
              LotteryBinding.SEEDCOMMITTED_EVENT,
              SeedCommitted.class,
              v -> new SeedCommitted(v.position(), v.count(0), v.bytes32(1), v.time(2), v.time(3))),
          shape(
              LotteryBinding.REVEALWITHHELD_EVENT,
              RevealWithheld.class,
              v -> new RevealWithheld(v.position(), v.count(0), v.wei(1), v.count(2), v.time(3))),
          shape(
              LotteryBinding.PRIZECREDITED_EVENT,
              PrizeCredited.class,
              v -> new PrizeCredited(v.position(), v.count(0), v.address(1), v.wei(2), v.time(3))),
          shape(
              LotteryBinding.REFUNDCLAIMED_EVENT,
              RefundClaimed.class,
              v ->
                  new RefundClaimed(
                      v.position(), v.count(0), v.address(1), v.wei(2), v.wei(3), v.time(4))),
          shape(
              LotteryBinding.BONDDEPOSITED_EVENT,
              BondDeposited.class,
              v -> new BondDeposited(v.position(), v.address(0), v.wei(1), v.wei(2), v.time(3))),
          shape(
              LotteryBinding.BONDWITHDRAWN_EVENT,
              BondWithdrawn.class,
              v -> new BondWithdrawn(v.position(), v.address(0), v.wei(1), v.wei(2), v.time(3))),
          shape(
              LotteryBinding.PAUSEDSET_EVENT,
              PausedSet.class,
              v -> new PausedSet(v.position(), v.bool(0), v.time(1))),
          shape(
              LotteryBinding.OPERATORCHANGEPROPOSED_EVENT,
              OperatorChangeProposed.class,
              v -> new OperatorChangeProposed(v.position(), v.address(0), v.time(1), v.time(2))),
          shape(
              LotteryBinding.PENDINGBONDDEPOSITED_EVENT,
              PendingBondDeposited.class,
              v ->
                  new PendingBondDeposited(
                      v.position(), v.address(0), v.wei(1), v.wei(2), v.time(3))),
          shape(
              LotteryBinding.OPERATORCHANGECANCELLED_EVENT,
              OperatorChangeCancelled.class,
              v -> new OperatorChangeCancelled(v.position(), v.address(0), v.wei(1), v.time(2))));

  private LotteryEventDecoder() {}

  /**
   * The event in the log, or empty when it is not a lottery event. Logs removed by a reorg decode
   * like any other; telling them apart is the caller's business ({@link Log#isRemoved()}).
   */
  public static Optional<LotteryEvent> decode(Log log) {
    if (log == null || log.getTopics() == null || log.getTopics().isEmpty()) {
      return Optional.empty();
    }
    String topic = log.getTopics().get(0);
    Shape shape = topic == null ? null : BY_TOPIC.get(topic.toLowerCase(Locale.ROOT));
    if (shape == null) {
      return Optional.empty();
    }
    try {
      return position(log).map(position -> shape.build().apply(values(shape.abi(), log, position)));
    } catch (RuntimeException malformed) {
      LOG.debug(
          "ignoring a log with the topic of {} that does not decode as one (tx {}): {}",
          shape.type().getSimpleName(),
          log.getTransactionHash(),
          malformed.toString());
      return Optional.empty();
    }
  }

  /** The first topic (event signature hash) of every lottery event, for {@code eth_getLogs}. */
  public static List<String> topics() {
    return List.copyOf(BY_TOPIC.keySet());
  }

  /** The first topic of the events of one type. */
  public static String topic(Class<? extends LotteryEvent> type) {
    return BY_TOPIC.entrySet().stream()
        .filter(entry -> entry.getValue().type().equals(type))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a lottery event: " + type));
  }

  /** The first topics of the events whose first indexed parameter is the round id. */
  public static List<String> roundTopics() {
    return BY_TOPIC.entrySet().stream()
        .filter(entry -> RoundEvent.class.isAssignableFrom(entry.getValue().type()))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Optional<EventPosition> position(Log log) {
    if (log.getBlockNumberRaw() == null || log.getBlockHash() == null) {
      return Optional.empty(); // pending: not in a block yet
    }
    return Optional.of(
        new EventPosition(
            log.getAddress() == null ? "" : log.getAddress().toLowerCase(Locale.ROOT),
            log.getBlockNumber().longValueExact(),
            log.getBlockHash(),
            log.getTransactionHash() == null ? "" : log.getTransactionHash(),
            log.getLogIndexRaw() == null ? 0 : log.getLogIndex().longValueExact()));
  }

  /** The log's parameters in declaration order: indexed ones from the topics, others from data. */
  @SuppressWarnings("rawtypes")
  private static LogValues values(Event event, Log log, EventPosition position) {
    List<TypeReference<Type>> indexed = event.getIndexedParameters();
    List<TypeReference<Type>> plain = event.getNonIndexedParameters();
    if (log.getTopics().size() != indexed.size() + 1) {
      throw new IllegalArgumentException(
          (log.getTopics().size() - 1) + " indexed values where the event has " + indexed.size());
    }
    List<Type> data = FunctionReturnDecoder.decode(log.getData(), plain);
    if (data.size() != plain.size()) {
      throw new IllegalArgumentException(
          data.size() + " data values where the event has " + plain.size());
    }
    Iterator<String> topics = log.getTopics().subList(1, log.getTopics().size()).iterator();
    Iterator<TypeReference<Type>> indexedTypes = indexed.iterator();
    Iterator<Type> dataValues = data.iterator();
    List<Type> all = new ArrayList<>();
    for (TypeReference<Type> parameter : event.getParameters()) {
      all.add(
          parameter.isIndexed()
              ? FunctionReturnDecoder.decodeIndexedValue(topics.next(), indexedTypes.next())
              : dataValues.next());
    }
    return new LogValues(position, all);
  }

  private static Shape shape(
      Event abi, Class<? extends LotteryEvent> type, Function<LogValues, LotteryEvent> build) {
    return new Shape(abi, type, build);
  }

  private static Map<String, Shape> byTopic(Shape... shapes) {
    Map<String, Shape> map = new LinkedHashMap<>();
    for (Shape shape : shapes) {
      map.put(EventEncoder.encode(shape.abi()).toLowerCase(Locale.ROOT), shape);
    }
    return Collections.unmodifiableMap(map);
  }
}
