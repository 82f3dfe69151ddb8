package io.enclavelottery.frontend.view;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.enclavelottery.chain.contract.Hex32;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The JSON shape of the view, shared by the REST API and the live feed so that both say the same
 * thing the same way: wei amounts as decimal strings, times as Unix seconds, lengths of time as
 * seconds, 32-byte values as {@code 0x} hex, an empty {@link Optional} as {@code null}, record
 * components under their own (camelCase) names.
 */
public final class ViewJson {

  private ViewJson() {}

  /** A new mapper configured for the view's wire shape (thread-safe once made; share it). */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(module())
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  private static SimpleModule module() {
    SimpleModule module = new SimpleModule("lottery-view");
    module.addSerializer(BigInteger.class, ToStringSerializer.instance);
    module.addSerializer(Instant.class, new InstantSeconds());
    module.addSerializer(Duration.class, new DurationSeconds());
    module.addSerializer(Hex32.class, new Hex32Text());
    module.addSerializer(new OptionalValue());
    return module;
  }

  private static final class InstantSeconds extends StdSerializer<Instant> {
    InstantSeconds() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(value.getEpochSecond());
    }
  }

  private static final class DurationSeconds extends StdSerializer<Duration> {
    DurationSeconds() {
      super(Duration.class);
    }

    @Override
    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(value.toSeconds());
    }
  }

  private static final class Hex32Text extends StdSerializer<Hex32> {
    Hex32Text() {
      super(Hex32.class);
    }

    @Override
    public void serialize(Hex32 value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.hex());
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final class OptionalValue extends StdSerializer<Optional> {
    OptionalValue() {
      super(Optional.class);
    }

    @Override
    public void serialize(Optional value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), gen);
      } else {
        gen.writeNull();
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional value) {
      return value == null || value.isEmpty();
    }
  }
}
