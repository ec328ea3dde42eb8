package dev.refinery.productdefinition.infrastructure.prd;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.shared.infrastructure.resources.ClasspathResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;

/**
 * The PRD JSON schema ({@code productdefinition/prd.schema.json}, versioned with the code) and the
 * JSON form of a {@link Prd}: every PRD is checked against it before it is kept, whoever wrote it.
 */
@ApplicationScoped
public class PrdSchema implements PrdDocuments {

  public static final String RESOURCE = "productdefinition/prd.schema.json";
  private static final Jsonb JSONB = JsonbBuilder.create();

  private final String text;
  private final Schema schema;

  public PrdSchema() {
    this.text = ClasspathResources.text(RESOURCE);
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(text, InputFormat.JSON);
  }

  @Override
  public String schema() {
    return text;
  }

  @Override
  public List<String> problems(String json) {
    List<Error> errors = schema.validate(json, InputFormat.JSON);
    return errors.stream()
        .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
        .toList();
  }

  @Override
  public String json(Prd prd) {
    return JSONB.toJson(prd);
  }

  @Override
  public Prd prd(String json) {
    return JSONB.fromJson(json, Prd.class);
  }
}
