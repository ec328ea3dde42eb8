package dev.refinery.productdefinition.domain;

import java.util.List;

/** PRDs as JSON documents, and the JSON schema every one must match before it is kept. */
public interface PrdDocuments {

  String json(Prd prd);

  Prd prd(String json);

  /** What is wrong with the JSON, one line per problem; empty when it is a valid PRD. */
  List<String> problems(String json);

  /** The schema itself, for agents that can be asked for output in its shape. */
  String schema();
}
