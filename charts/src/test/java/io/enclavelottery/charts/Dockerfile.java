package io.enclavelottery.charts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as Docker reads it: comments dropped, continuation lines joined, each
 * instruction split into its keyword and arguments, grouped by build stage.
 *
 * @param stages the stages in order; the last one is the image
 */
record Dockerfile(List<Stage> stages) {

  /** One instruction: {@code keyword} in upper case, {@code arguments} as written. */
  record Instruction(String keyword, String arguments) {}

  /**
   * One stage: {@code FROM image [AS name]} and what follows.
   *
   * @param image the image it starts from (a registry image or an earlier stage's name)
   * @param name its name, or empty
   */
  record Stage(String image, String name, List<Instruction> instructions) {

    List<String> arguments(String keyword) {
      return instructions.stream()
          .filter(i -> i.keyword().equals(keyword))
          .map(Instruction::arguments)
          .toList();
    }
  }

  static Dockerfile read(Path file) throws IOException {
    List<String> logical = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
        continue; // a comment, also inside a continued instruction
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        logical.add(current.append(trimmed).toString().strip());
        current.setLength(0);
      }
    }
    List<Stage> stages = new ArrayList<>();
    for (String instruction : logical) {
      if (instruction.isEmpty()) {
        continue;
      }
      String[] parts = instruction.split("\\s+", 2);
      String keyword = parts[0].toUpperCase(Locale.ROOT);
      String arguments = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        String[] from = arguments.split("\\s+");
        String name = from.length == 3 && from[1].equalsIgnoreCase("AS") ? from[2] : "";
        stages.add(new Stage(from[0], name, new ArrayList<>()));
      } else if (!stages.isEmpty()) {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(stages);
  }

  /** The stage that becomes the image. */
  Stage last() {
    return stages.get(stages.size() - 1);
  }

  /** Whether {@code image} names an earlier stage rather than an image from a registry. */
  boolean isStage(String image) {
    return stages.stream().anyMatch(s -> s.name().equals(image));
  }
}
