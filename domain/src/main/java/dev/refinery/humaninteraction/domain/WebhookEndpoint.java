package dev.refinery.humaninteraction.domain;

import java.util.Optional;

/** The receiver of webhook posts, over HTTP with a signature. Implemented in the EJB module. */
public interface WebhookEndpoint {

  /** Posts the JSON body signed with the secret; empty when the receiver took it, else why not. */
  Optional<String> post(String url, String secret, String body);
}
