package dev.refinery.console;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.faces.view.ViewScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Names each view-scoped backing bean the same way in every deployment, so that a view one instance
 * made is finished on another. Faces keeps a view's beans in the session under the bean's
 * passivation id, and Weld makes that id from the deployment: on Payara Server's EAR {@code
 * WELD%ManagedBean%ejb-module_jar.ejb|web-module_war.war|<class>|null|0}, on a Payara Micro
 * worker's WAR {@code WELD%ManagedBean%root_refinery.war.bda|refinery.war|<class>|null|0}. A view
 * the server made reached a worker without its beans, and leaving it failed (Mojarra found no bean
 * to destroy). The beans are added back as they were, with the id {@code refinery.console:<class>}.
 */
public class PortableViewBeans implements Extension {

  static final String ID_PREFIX = "refinery.console:";

  private final List<AnnotatedType<?>> viewScoped = new ArrayList<>();

  <T> void takeOut(@Observes @WithAnnotations(ViewScoped.class) ProcessAnnotatedType<T> type) {
    if (type.getAnnotatedType().isAnnotationPresent(ViewScoped.class)) {
      viewScoped.add(type.getAnnotatedType());
      type.veto();
    }
  }

  void addBack(@Observes AfterBeanDiscovery discovery) {
    viewScoped.forEach(type -> addBack(discovery, type));
  }

  private static <T> void addBack(AfterBeanDiscovery discovery, AnnotatedType<T> type) {
    discovery
        .addBean()
        .read(type)
        .beanClass(type.getJavaClass())
        .id(ID_PREFIX + type.getJavaClass().getName());
  }
}
