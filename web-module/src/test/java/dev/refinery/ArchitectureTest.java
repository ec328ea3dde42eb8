package dev.refinery;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.infrastructure.messaging.Consumed;
import dev.refinery.shared.infrastructure.messaging.Monitored;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.Schedule;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The house style's dependency rules over the whole application (domain, EJB and web modules):
 * contexts meet only in each other's published language, layers point inwards, the edges stay thin
 * and named.
 */
@AnalyzeClasses(packages = "dev.refinery", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String MESSAGING = "dev.refinery.shared.infrastructure.messaging";

  private static final List<String> CONTEXTS =
      List.of("humaninteraction", "taskmanagement", "productdefinition", "orchestration");

  @ArchTest
  static final ArchRule contextsMeetOnlyInEachOthersApi =
      classes()
          .that()
          .resideInAnyPackage(
              CONTEXTS.stream().map(c -> "dev.refinery." + c + "..").toArray(String[]::new))
          .should(useOtherContextsOnlyThroughTheirApi());

  /**
   * Shared code knows no context, but for who is calling: the operators' boundaries (dead letters,
   * background work, alerts, the audit export) check the {@link Caller}'s {@link Role} where the
   * action happens, as the contexts' boundaries do.
   */
  @ArchTest
  static final ArchRule sharedCodeKnowsNoContext =
      noClasses()
          .that()
          .resideInAPackage("dev.refinery.shared..")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      CONTEXTS.stream().map(c -> "dev.refinery." + c + "..").toArray(String[]::new))
                  .and(not(belongToAnyOf(Caller.class, Role.class))));

  @ArchTest
  static final ArchRule publishedLanguageStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("dev.refinery.*.api..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "..domain..", "..application..", "..infrastructure..", "..interfaces..");

  @ArchTest
  static final ArchRule domainDependsOnNothingOutward =
      noClasses()
          .that()
          .resideInAPackage("dev.refinery.*.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..application..", "..infrastructure..", "..interfaces..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ejb..", "jakarta.enterprise..", "jakarta.jms..");

  @ArchTest
  static final ArchRule applicationNeverReachesOutward =
      noClasses()
          .that()
          .resideInAPackage("dev.refinery.*.application..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("..interfaces..", "dev.refinery.console..", "dev.refinery.restapi..");

  @ArchTest
  static final ArchRule useCasesUsePortsNotTheirAdapters =
      classes()
          .that()
          .resideInAnyPackage(
              CONTEXTS.stream()
                  .map(c -> "dev.refinery." + c + ".application..")
                  .toArray(String[]::new))
          .should(notUseTheirOwnContexts("infrastructure"));

  /**
   * Every context's domain, use cases and edges, and what the contexts share (audit, dead letters,
   * monitoring), speak only ports: every query is in an infrastructure adapter.
   */
  @ArchTest
  static final ArchRule sqlLivesInInfrastructureAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(
              Stream.concat(
                      CONTEXTS.stream()
                          .flatMap(
                              c ->
                                  Stream.of("domain", "application", "interfaces")
                                      .map(layer -> "dev.refinery." + c + "." + layer + "..")),
                      Stream.of(
                          "dev.refinery.shared.application..", "dev.refinery.shared.monitoring.."))
                  .toArray(String[]::new))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching(
              "jakarta\\.persistence\\.(EntityManager"
                  + "|EntityManagerFactory|Query|TypedQuery|StoredProcedureQuery|criteria\\..*)")
          .because(
              "a context's SQL belongs to its infrastructure.persistence adapters, behind the ports"
                  + " its domain names");

  /**
   * No package depends on itself through others: each can be read, changed and tested from the
   * bottom up.
   */
  @ArchTest
  static final ArchRule packagesFormNoCycles =
      slices().matching("dev.refinery.(**)").should().beFreeOfCycles();

  /**
   * The messaging core in layers: its vocabulary (the package itself) knows none of its concerns;
   * routing, inbox, dead letters and outbox know no adapter; the two adapters know nothing of each
   * other; only {@code setup} sees both, to choose one.
   */
  @ArchTest
  static final ArchRule messagingConcernsPointInwards =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Setup")
          .definedBy(MESSAGING + ".setup..")
          .layer("JMS adapter")
          .definedBy(MESSAGING + ".jms..")
          .layer("In-memory adapter")
          .definedBy(MESSAGING + ".memory..")
          .layer("Concerns")
          .definedBy(
              MESSAGING + ".routing..",
              MESSAGING + ".inbox..",
              MESSAGING + ".deadletter..",
              MESSAGING + ".outbox..")
          .layer("Vocabulary")
          .definedBy(MESSAGING)
          .whereLayer("Setup")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("JMS adapter")
          .mayOnlyBeAccessedByLayers("Setup")
          .whereLayer("In-memory adapter")
          .mayOnlyBeAccessedByLayers("Setup")
          .whereLayer("Concerns")
          .mayOnlyBeAccessedByLayers("Setup", "JMS adapter", "In-memory adapter")
          .whereLayer("Vocabulary")
          .mayOnlyBeAccessedByLayers("Setup", "JMS adapter", "In-memory adapter", "Concerns");

  /**
   * Monitoring is declared on the method that publishes or consumes, in a shape the monitor reads:
   * a new {@code @Monitored} method either records what it says it is or fails the build here.
   */
  @ArchTest
  static final ArchRule monitoredMethodsDeclareACallTheMonitorCanRead =
      methods().that().areAnnotatedWith(Monitored.class).should(declareAMonitoredCall());

  @ArchTest
  static final ArchRule consoleAndApiCallBoundariesOnly =
      noClasses()
          .that()
          .resideInAnyPackage("dev.refinery.console..", "dev.refinery.restapi..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.refinery.*.domain..",
              "dev.refinery.*.infrastructure..",
              "dev.refinery.humaninteraction.interfaces..",
              "dev.refinery.taskmanagement.interfaces..",
              "dev.refinery.productdefinition.interfaces..",
              "dev.refinery.orchestration.interfaces..");

  /**
   * Application code speaks JMS, JPA and CDI; the broker, database and server are named in
   * server-config.
   */
  @ArchTest
  static final ArchRule applicationCodeNamesNoProduct =
      noClasses()
          .that()
          .resideInAPackage("dev.refinery..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.rabbitmq..",
              "org.postgresql..",
              "fish.payara..",
              "org.glassfish..",
              "org.hibernate..");

  @ArchTest
  static final ArchRule messageDrivenBeansAreThinNamedConsumersOnOurAdapter =
      classes()
          .that()
          .areAnnotatedWith(MessageDriven.class)
          .should()
          .haveSimpleNameEndingWith("Consumer")
          .andShould()
          .resideInAPackage("..interfaces.messaging..")
          .andShould(nameTheResourceAdapterFromConfiguration())
          .andShould()
          .onlyDependOnClassesThat()
          .resideOutsideOfPackages("jakarta.persistence..");

  @ArchTest
  static final ArchRule timersLiveAtTheEdge =
      methods()
          .that()
          .areAnnotatedWith(Schedule.class)
          .or()
          .areAnnotatedWith(Timeout.class)
          .should()
          .beDeclaredInClassesThat()
          .resideInAPackage("..interfaces.scheduling..");

  /** A programmatic timer (its interval from configuration) lives at the edge too. */
  @ArchTest
  static final ArchRule timerServiceIsUsedAtTheEdgeOnly =
      noClasses()
          .that()
          .resideOutsideOfPackage("..interfaces.scheduling..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(TimerService.class);

  @ArchTest
  static final ArchRule noGenericNames =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameStartingWith("Default")
          .orShould()
          .haveSimpleNameEndingWith("Manager");

  /**
   * The wire format's type names are explicit constants, one per message type, led by its context.
   */
  @ArchTest
  static final ArchRule everyMessageTypeNamesItselfOnTheWire =
      classes()
          .that()
          .implement(dev.refinery.shared.messaging.Message.class)
          .and()
          .areNotInterfaces()
          .should(haveAUniqueWireNameInTheirContext());

  @ArchTest
  static final ArchRule servicesAreOnlyTheSeedsTwo =
      classes()
          .that()
          .haveSimpleNameEndingWith("Service")
          .should()
          .haveSimpleName("TaskScanningService")
          .orShould()
          .haveSimpleName("TaskPollingService");

  private static ArchCondition<JavaMethod> declareAMonitoredCall() {
    return new ArchCondition<>(
        "declare PUBLISH (Publication.Outgoing) or CONSUME (BoundedContext,"
            + " delivery) -> Consumed") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        Monitored.Call call = method.getAnnotationOfType(Monitored.class).value();
        List<String> parameters =
            method.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        boolean readable =
            switch (call) {
              case PUBLISH -> parameters.equals(List.of(Publication.Outgoing.class.getName()));
              case CONSUME ->
                  parameters.size() == 2
                      && parameters.getFirst().equals(BoundedContext.class.getName())
                      && method.getRawReturnType().isEquivalentTo(Consumed.class);
              case NONE -> false;
            };
        events.add(
            new SimpleConditionEvent(
                method,
                readable,
                method.getFullName()
                    + " is @Monitored("
                    + call
                    + ")"
                    + (readable ? "" : " but does not take and return what that call carries")));
      }
    };
  }

  private static ArchCondition<JavaClass> haveAUniqueWireNameInTheirContext() {
    java.util.Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    return new ArchCondition<>("have a @WireName of their own, <context>.<Name>") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Optional<String> name =
            type.tryGetAnnotationOfType(dev.refinery.shared.messaging.WireName.class)
                .map(dev.refinery.shared.messaging.WireName::value);
        String context = contextOf(type.getPackageName()).orElse("?");
        if (name.isEmpty() || !name.get().matches(context + "\\.[A-Z][A-Za-z0-9]*")) {
          events.add(
              SimpleConditionEvent.violated(
                  type, type.getName() + " has no @WireName \"" + context + ".<Name>\""));
          return;
        }
        String earlier = seen.putIfAbsent(name.get(), type.getName());
        if (earlier != null && !earlier.equals(type.getName())) {
          events.add(
              SimpleConditionEvent.violated(
                  type, type.getName() + " and " + earlier + " share " + name.get()));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> useOtherContextsOnlyThroughTheirApi() {
    return new ArchCondition<>("use other contexts only through their api") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = contextOf(origin.getPackageName()).orElseThrow();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          contextOf(target)
              .filter(
                  other ->
                      !other.equals(own) && !target.startsWith("dev.refinery." + other + ".api"))
              .ifPresent(
                  other ->
                      events.add(
                          SimpleConditionEvent.violated(dependency, dependency.getDescription())));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notUseTheirOwnContexts(String layer) {
    return new ArchCondition<>("not use their own context's " + layer) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String forbidden =
            "dev.refinery." + contextOf(origin.getPackageName()).orElseThrow() + "." + layer;
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          if (dependency.getTargetClass().getPackageName().startsWith(forbidden)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /**
   * Every MDB names the resource adapter through MicroProfile Config, so both runtimes bind it to
   * ours.
   */
  private static ArchCondition<JavaClass> nameTheResourceAdapterFromConfiguration() {
    return new ArchCondition<>("name the resource adapter from configuration") {
      @Override
      public void check(JavaClass bean, ConditionEvents events) {
        JavaAnnotation<JavaClass> messageDriven =
            bean.getAnnotationOfType(MessageDriven.class.getName());
        Object[] properties =
            (Object[]) messageDriven.get("activationConfig").orElse(new Object[0]);
        boolean named =
            Arrays.stream(properties)
                .map(property -> (JavaAnnotation<?>) property)
                .anyMatch(
                    property ->
                        "resourceAdapter".equals(property.get("propertyName").orElse(null))
                            && "${MPCONFIG=refinery.messaging.resource-adapter}"
                                .equals(property.get("propertyValue").orElse(null)));
        events.add(
            new SimpleConditionEvent(
                bean,
                named,
                bean.getName() + (named ? " names" : " does not name") + " the resource adapter"));
      }
    };
  }

  private static Optional<String> contextOf(String packageName) {
    return CONTEXTS.stream()
        .filter(
            c ->
                packageName.equals("dev.refinery." + c)
                    || packageName.startsWith("dev.refinery." + c + "."))
        .findFirst();
  }
}
