package io.enclavelottery.frontend.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enclavelottery.frontend.view.ConfigSnapshot;
import io.enclavelottery.frontend.view.SyncStatus;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewJson;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the feed's messages: {@code type} and {@code schemaVersion}, then the fields of the view
 * part the message carries, in {@link ViewJson}'s shape (the REST API's), so that a message is the
 * REST resource plus its type. The shapes are listed in docs/API.md, "WebSocket feed".
 */
final class FeedEncoder {

  /** The version of the message shapes; a change that breaks a client raises it. */
  static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper = ViewJson.mapper();

  /** A message type and its JSON. */
  record Encoded(FeedMessageType type, byte[] json) {}

  /** The message for a change, or empty for a change the feed does not announce. */
  Optional<Encoded> encode(ViewChange change) {
    if (change instanceof ViewChange.ConfigChanged c) {
      return Optional.of(config(c.config()));
    } else if (change instanceof ViewChange.RoundChanged r) {
      return Optional.of(encode(FeedMessageType.ROUND_UPDATE, r.round()));
    } else if (change instanceof ViewChange.ParticipantsChanged p) {
      return Optional.of(encode(FeedMessageType.PARTICIPANTS_UPDATE, p.participants()));
    } else if (change instanceof ViewChange.HistoryChanged h) {
      return Optional.of(encode(FeedMessageType.HISTORY_UPDATE, h.history()));
    } else if (change instanceof ViewChange.ActivityAdded a) {
      return Optional.of(encode(FeedMessageType.ACTIVITY, a.item()));
    } else if (change instanceof ViewChange.Retracted r) {
      return Optional.of(encode(FeedMessageType.RETRACTED, r));
    }
    // SyncChanged: readiness and block progress travel in the heartbeat
    return Optional.empty();
  }

  /** The four messages a client gets on connect, from one consistent snapshot. */
  Encoded[] snapshot(ViewSnapshot view) {
    return new Encoded[] {
      view.config()
          .map(this::config)
          .orElseGet(() -> noConfig(view.sync().chainId(), view.sync().contract())),
      encode(FeedMessageType.ROUND_UPDATE, view.round()),
      encode(FeedMessageType.PARTICIPANTS_UPDATE, view.participants()),
      encode(FeedMessageType.HISTORY_UPDATE, view.history())
    };
  }

  Encoded heartbeat(SyncStatus sync, Instant now) {
    ObjectNode message = envelope(FeedMessageType.HEARTBEAT);
    message.put("serverTime", now.toEpochMilli());
    message.setAll((ObjectNode) mapper.valueToTree(sync));
    return write(FeedMessageType.HEARTBEAT, message);
  }

  private Encoded config(ConfigSnapshot config) {
    return encode(FeedMessageType.CONFIG_UPDATE, config);
  }

  /** Before the settings were first read: where, with {@code settings: null}. */
  private Encoded noConfig(long chainId, String contract) {
    ObjectNode message = envelope(FeedMessageType.CONFIG_UPDATE);
    message.put("contract", contract);
    message.put("chainId", chainId);
    message.putNull("settings");
    message.put("block", -1);
    return write(FeedMessageType.CONFIG_UPDATE, message);
  }

  private Encoded encode(FeedMessageType type, Record part) {
    ObjectNode message = envelope(type);
    message.setAll((ObjectNode) mapper.valueToTree(part));
    return write(type, message);
  }

  private ObjectNode envelope(FeedMessageType type) {
    ObjectNode message = mapper.createObjectNode();
    message.put("type", type.wireName());
    message.put("schemaVersion", SCHEMA_VERSION);
    return message;
  }

  private Encoded write(FeedMessageType type, ObjectNode message) {
    try {
      return new Encoded(type, mapper.writeValueAsBytes(message));
    } catch (JsonProcessingException e) {
      // the view's records always serialise; failing here is a bug in the mapper's set-up
      throw new IllegalStateException("cannot write a " + type.wireName() + " message", e);
    }
  }
}
