package dev.refinery.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Console sessions are shared by every instance through Payara's data grid: what a session holds
 * (the sign-in, the view-scoped beans the views keep, and everything their fields reach) travels as
 * Java serialization between instances, so each of those types must be serializable. None of them
 * has an injected field: the container's proxy is serializable, but an EJB's is written as its
 * container's id, which a worker's deployment does not know (the server's EAR and the worker's WAR
 * are two deployments), so they look their services up ({@link Lookup}).
 */
class SessionStateTest {

  @Test
  void everythingASessionHoldsIsSerializable() {
    List<Class<?>> held = sessionHeld();
    assertThat(held)
        .as("the view- and session-scoped beans found")
        .extracting(Class::getSimpleName)
        .contains("PrdBacking", "ClarifyBacking", "QueueBacking", "DeadLettersBacking");
    List<String> problems = new ArrayList<>();
    Set<Type> seen = new HashSet<>();
    for (Class<?> type : held) {
      check(type, type.getSimpleName(), problems, seen);
    }
    check(signedIn(), "SignedIn", problems, seen);
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckFindsAFieldThatCannotTravel() {
    List<String> problems = new ArrayList<>();
    check(Careless.class, "Careless", problems, new HashSet<>());
    assertThat(problems)
        .containsExactly(
            "Careless.container: injected, so it travels as this deployment's proxy",
            "Careless.lock: java.lang.Object is not serializable",
            "Careless.pages[]: java.lang.Thread is not serializable");
  }

  /** A bean as it must not be written. */
  static final class Careless implements Serializable {
    private static final long serialVersionUID = 1L;
    @Inject Object container; // a proxy that only this deployment can read back
    private transient Object cache; // not kept: fine
    private final Lookup<Thread> worker = Lookup.of(Thread.class); // looked up, not kept: fine
    private Object lock;
    private List<Thread> pages;
  }

  /** The session attribute the console's sign-in keeps (package-private in its package). */
  private static Class<?> signedIn() {
    try {
      return Class.forName("dev.refinery.security.RefineryAuthentication$SignedIn");
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static List<Class<?>> sessionHeld() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.refinery")
            .stream()
            .filter(
                type ->
                    type.isAnnotatedWith(ViewScoped.class)
                        || type.isAnnotatedWith(SessionScoped.class))
            .map(JavaClass::reflect)
            .<Class<?>>map(type -> type)
            .toList();
  }

  private static void check(Type type, String path, List<String> problems, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof ParameterizedType parameterized) {
      Class<?> raw = (Class<?>) parameterized.getRawType();
      if (!Collection.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw)) {
        check(raw, path, problems, seen);
      }
      if (holdsItsArguments(raw)) {
        for (Type argument : parameterized.getActualTypeArguments()) {
          check(argument, path + "[]", problems, seen);
        }
      }
      return;
    }
    if (!(type instanceof Class<?> plain) || plain.isPrimitive() || plain.isEnum()) {
      return; // type variables and wildcards: their bounds are checked where they are bound
    }
    if (plain.isArray()) {
      check(plain.getComponentType(), path + "[]", problems, seen);
      return;
    }
    if (!Serializable.class.isAssignableFrom(plain)) {
      problems.add(path + ": " + plain.getName() + " is not serializable");
      return;
    }
    if (!plain.getName().startsWith("dev.refinery")) {
      return; // the JDK's serializable types
    }
    for (Class<?> level = plain; level != null; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
          continue;
        }
        if (field.isAnnotationPresent(Inject.class)) {
          problems.add(
              path.replace("[]", "")
                  + "."
                  + field.getName()
                  + ": injected, so it travels as this deployment's proxy");
          continue;
        }
        check(
            field.getGenericType(), path.replace("[]", "") + "." + field.getName(), problems, seen);
      }
    }
  }

  /**
   * Whether a value of a generic type carries values of its type arguments: a JDK type is assumed
   * to (a list holds its elements); one of ours does when it keeps a field of a type variable, as
   * {@link Lookup} does not (its bean is transient).
   */
  private static boolean holdsItsArguments(Class<?> raw) {
    if (!raw.getName().startsWith("dev.refinery")) {
      return true;
    }
    for (Class<?> level = raw; level != null; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        Type type = field.getGenericType();
        boolean generic =
            type instanceof TypeVariable<?>
                || type instanceof GenericArrayType
                || type instanceof ParameterizedType parameterized
                    && parameterized.getRawType() != Class.class;
        if (generic && !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
          return true;
        }
      }
    }
    return false;
  }
}
