package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL types of a structural schema, as the API server declares {@code self}: an object with
 * properties is a struct with those fields (so a misspelt field or a comparison of a string with an
 * integer fails to compile, as it does when the CRD is created), a map is {@code map(string, T)},
 * an array {@code list(T)}, integers {@code int}, numbers {@code double}.
 */
final class SchemaCelTypes implements CelTypeProvider {

  private final List<CelType> structs = new ArrayList<>();
  private final Map<String, CelType> byPath = new LinkedHashMap<>();

  /** The types of every value a schema describes, from its root. */
  SchemaCelTypes(JsonNode rootSchema) {
    typeOf(rootSchema, "");
  }

  /** The CEL type of the value at a path ({@code spec.signer}, {@code a.b[*]}). */
  CelType typeAt(String path) {
    CelType type = byPath.get(path);
    if (type == null) {
      throw new IllegalArgumentException("the schema has no value at " + path);
    }
    return type;
  }

  private CelType typeOf(JsonNode schema, String path) {
    CelType type = newTypeOf(schema, path);
    byPath.put(path, type);
    return type;
  }

  private CelType newTypeOf(JsonNode schema, String path) {
    return switch (schema.path("type").asText()) {
      case "string" -> SimpleType.STRING;
      case "integer" -> SimpleType.INT;
      case "number" -> SimpleType.DOUBLE;
      case "boolean" -> SimpleType.BOOL;
      case "array" -> ListType.create(typeOf(schema.path("items"), path + "[*]"));
      case "object" -> objectType(schema, path);
      default ->
          throw new IllegalStateException(
              "no CEL type for '" + schema.path("type").asText() + "' at " + path);
    };
  }

  private CelType objectType(JsonNode schema, String path) {
    if (schema.path("additionalProperties").isObject()) {
      return MapType.create(
          SimpleType.STRING, typeOf(schema.get("additionalProperties"), path + "[*]"));
    }
    Map<String, CelType> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      fields.put(
          property.getKey(),
          typeOf(property.getValue(), StructuralValidator.fieldPath(path, property.getKey())));
    }
    StructType struct =
        StructType.create(
            StructuralValidator.fieldPath("lotteryround", path.replace("[*]", ".items")),
            ImmutableSet.copyOf(fields.keySet()),
            name -> Optional.ofNullable(fields.get(name)));
    structs.add(struct);
    return struct;
  }

  @Override
  public ImmutableCollection<CelType> types() {
    return ImmutableList.copyOf(structs);
  }

  @Override
  public Optional<CelType> findType(String typeName) {
    return structs.stream().filter(type -> type.name().equals(typeName)).findFirst();
  }
}
