package io.enclavelottery.chain.signer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a local signer's private key comes from: an environment variable or a file (a mounted
 * Kubernetes Secret is either). Never a command-line argument, which other users of the machine can
 * read in the process list. A source only names the place, so it can be logged and shown; the key
 * it loads is a redacted {@link SigningKey}.
 *
 * <p>The key is 32 bytes of hex, with or without {@code 0x}; surrounding whitespace (a trailing
 * newline in a file) is ignored.
 */
public sealed interface KeySource permits KeySource.EnvironmentVariable, KeySource.KeyFile {

  /**
   * Reads the key.
   *
   * @throws KeyLoadException when it is missing, unreadable or not a key; the message never
   *     contains what was read
   */
  SigningKey load();

  /**
   * Parses a source written as {@code env:NAME} or {@code file:PATH}.
   *
   * @throws IllegalArgumentException for anything else, without repeating the text (someone may
   *     have pasted the key itself)
   */
  static KeySource parse(String spec) {
    Objects.requireNonNull(spec, "key source");
    if (spec.startsWith("env:") && spec.length() > 4) {
      return new EnvironmentVariable(spec.substring(4));
    }
    if (spec.startsWith("file:") && spec.length() > 5) {
      return new KeyFile(Path.of(spec.substring(5)));
    }
    throw new IllegalArgumentException(
        "a key source is written env:NAME or file:PATH (the key itself is never accepted here)");
  }

  /** The key is the value of an environment variable. */
  record EnvironmentVariable(String name) implements KeySource {

    public EnvironmentVariable {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not an environment variable name");
      }
    }

    @Override
    public SigningKey load() {
      return loadFrom(System::getenv);
    }

    /** Reads the variable through {@code environment} (for tests and embedding). */
    public SigningKey loadFrom(Function<String, String> environment) {
      String value = environment.apply(name);
      if (value == null) {
        throw new KeyLoadException("environment variable " + name + " is not set");
      }
      if (value.isBlank()) {
        throw new KeyLoadException("environment variable " + name + " is empty");
      }
      return parseKey(value, "environment variable " + name);
    }

    @Override
    public String toString() {
      return "env:" + name;
    }
  }

  /** The key is the content of a file, such as a Secret mounted into a pod. */
  record KeyFile(Path path) implements KeySource {

    /** A key with a newline is 67 bytes at most; anything much larger is the wrong file. */
    private static final long MAX_SIZE = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);

    public KeyFile {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public SigningKey load() {
      String where = "key file " + path;
      if (Files.isDirectory(path)) {
        throw new KeyLoadException(where + " is a directory");
      }
      String content;
      try {
        if (Files.size(path) > MAX_SIZE) {
          throw new KeyLoadException(where + " is too large to hold a private key");
        }
        content = Files.readString(path);
      } catch (NoSuchFileException e) {
        throw new KeyLoadException(where + " does not exist");
      } catch (AccessDeniedException e) {
        throw new KeyLoadException(where + " is not readable by this process");
      } catch (IOException e) {
        // an IOException's message is about the file, but keep to its kind to be sure
        throw new KeyLoadException(
            "could not read " + where + " (" + e.getClass().getSimpleName() + ")");
      }
      warnIfOthersCanRead();
      return parseKey(content, where);
    }

    private void warnIfOthersCanRead() {
      try {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
          LOG.warn("key file {} is readable by every user of this machine", path);
        }
      } catch (IOException | UnsupportedOperationException e) {
        // not a POSIX file system: nothing to check
      }
    }

    @Override
    public String toString() {
      return "file:" + path;
    }
  }

  private static SigningKey parseKey(String text, String where) {
    try {
      return SigningKey.fromHex(text);
    } catch (IllegalArgumentException e) {
      // SigningKey's message never repeats the text; the cause is dropped all the same
      throw new KeyLoadException(where + " does not hold a private key: " + e.getMessage());
    }
  }
}
