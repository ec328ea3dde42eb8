package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.LlmProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.LlmSettings;
import dev.refinery.productdefinition.infrastructure.llm.ModelCalls;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the Product Manager agent from {@code refinery.agent.provider}: {@code offline} (the
 * default, no network), {@code openai} (any OpenAI-compatible server) or {@code ollama}. A wrong
 * setting stops the deployment with a line naming it, rather than failing every task later.
 */
@ApplicationScoped
public class ProductManagerAgents {

  private static final System.Logger LOG = System.getLogger(ProductManagerAgents.class.getName());

  @Inject Config config;

  @Inject OfflineProductManagerAgent offline;

  @Inject ModelCalls calls;

  @Inject PrdDocuments documents;

  private ProductManagerAgent chosen;

  @PostConstruct
  void choose() {
    String provider = config.getValue("refinery.agent.provider", String.class).strip();
    if (provider.equals(OfflineProductManagerAgent.NAME)) {
      chosen = offline;
      LOG.log(Level.INFO, "Product Manager agent: the built-in offline agent");
    } else {
      try {
        LlmSettings settings = LlmSettings.from(config, provider);
        chosen = new LlmProductManagerAgent(settings, calls, documents);
        LOG.log(Level.INFO, "Product Manager agent: {0}", settings);
      } catch (IllegalArgumentException e) {
        // Said here in one line: the container reports only that this method failed, not why.
        LOG.log(
            Level.ERROR, "Refinery cannot start its Product Manager agent: {0}", e.getMessage());
        throw e;
      }
    }
  }

  /** The agent the configuration names. */
  /** Chooses at deployment, so a wrong setting fails the deployment, not the first task. */
  void atStartup(@Observes Startup startup) {
    LOG.log(Level.DEBUG, "Product Manager agent {0} ready", chosen.name());
  }

  @Produces
  public ProductManagerAgent configured() {
    return chosen;
  }
}
