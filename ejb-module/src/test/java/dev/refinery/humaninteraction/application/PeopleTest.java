package dev.refinery.humaninteraction.application;

import static dev.refinery.humaninteraction.application.InMemoryHumanInteraction.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.testing.RecordingAuditTrail;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Given the people who sign in, when an admin or anyone else manages them or signs in, then what
 * holds.
 */
class PeopleTest {

  private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN));
  private static final Caller OPERATOR = new Caller("op", Set.of(Role.OPERATOR));
  private static final char[] PASSWORD = "correct horse".toCharArray();

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final List<String> audited = audit.entries();
  private final People people = new People();

  PeopleTest() {
    Deciders deciders = new Deciders();
    deciders.audit = audit;
    deciders.refusals = audit.refusals();
    Notifications notifications = new Notifications();
    notifications.escalations = "operators";
    SignIns signIns = new SignIns();
    signIns.people = store.people;
    signIns.audit = audit;
    signIns.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    signIns.lockoutAfter = 3;
    people.people = store.people;
    people.hash = new PlainHash();
    people.audit = audit;
    people.deciders = deciders;
    people.signIns = signIns;
    people.notifications = notifications;
    people.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    people.iterations = 1;
    people.configure();
  }

  private void add(String username, Role... roles) {
    people.create(username, null, PASSWORD.clone(), Set.of(roles), ADMIN);
  }

  @Test
  void anAdminAddsAPersonWhoCanThenSignInAndItIsAudited() {
    add("ana", Role.REQUESTER);

    Optional<Person> signedIn = people.authenticate("ana", PASSWORD.clone());

    assertThat(signedIn).map(Person::roles).contains(Set.of(Role.REQUESTER));
    assertThat(audited).containsExactly("admin PERSON_CREATED ana: roles REQUESTER");
  }

  @Test
  void nobodyButAnAdminManagesPeople() {
    assertThatThrownBy(
            () -> people.create("eve", null, PASSWORD.clone(), Set.of(Role.ADMIN), OPERATOR))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("needs the role ADMIN");
    assertThatThrownBy(() -> people.all(OPERATOR)).isInstanceOf(NotPermittedException.class);
    assertThat(store.persons).isEmpty();
  }

  @Test
  void badUsernamesSharedInboxNamesShortPasswordsAndNoRolesAreRefusedNamingTheField() {
    add("ana", Role.REQUESTER);

    assertThatThrownBy(() -> add("ana", Role.REQUESTER)).hasMessageContaining("'ana' is taken");
    assertThatThrownBy(() -> add("a b", Role.REQUESTER)).hasMessageContaining("a username is");
    assertThatThrownBy(() -> add("approvers", Role.APPROVER)).hasMessageContaining("shared inbox");
    assertThatThrownBy(() -> add("operators", Role.OPERATOR)).hasMessageContaining("shared inbox");
    assertThatThrownBy(
            () -> people.create("bo", null, "short".toCharArray(), Set.of(Role.APPROVER), ADMIN))
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("at least " + People.MIN_PASSWORD);
    assertThatThrownBy(() -> add("cy"))
        .isInstanceOf(InvalidPersonException.class)
        .hasMessageContaining("at least one role");
    assertThat(store.persons).containsOnlyKeys("ana");
  }

  @Test
  void anAdminCannotTakeTheirOwnAdminRoleOrDisableThemselves() {
    add("root", Role.ADMIN);
    Caller root = new Caller("root", Set.of(Role.ADMIN));

    assertThatThrownBy(() -> people.change("root", Set.of(Role.OPERATOR), true, root))
        .hasMessageContaining("cannot take away your own ADMIN role");
    assertThatThrownBy(() -> people.change("root", Set.of(Role.ADMIN), false, root))
        .hasMessageContaining("disable yourself");
  }

  @Test
  void aDisabledPersonNoLongerSignsInAndHasNoVersionToCache() {
    add("ana", Role.REQUESTER);

    people.change("ana", Set.of(Role.REQUESTER), false, ADMIN);

    assertThat(people.authenticate("ana", PASSWORD.clone())).isEmpty();
    assertThat(people.version("ana")).isEmpty();
  }

  @Test
  void aLockedOutPersonIsRefusedEvenWithTheRightPasswordUntilAPasswordReset() {
    add("ana", Role.REQUESTER);
    for (int i = 0; i < 3; i++) {
      assertThat(people.authenticate("ana", "wrong password".toCharArray())).isEmpty();
    }

    assertThat(people.authenticate("ana", PASSWORD.clone())).isEmpty();
    people.resetPassword("ana", "a new password".toCharArray(), ADMIN);

    assertThat(people.authenticate("ana", "a new password".toCharArray())).isPresent();
    assertThat(audited)
        .contains(
            "sign-in PERSON_LOCKED ana: after 3 failed sign-ins in a row",
            "admin PASSWORD_RESET ana: and unlocked");
  }

  @Test
  void anUnknownNameIsRefusedLikeAWrongPassword() {
    assertThat(people.authenticate("nobody", PASSWORD.clone())).isEmpty();
    assertThat(people.authenticate(null, null)).isEmpty();
  }

  @Test
  void theFirstAdminIsCreatedOnceFromConfiguration() {
    boolean first = people.ensureFirstAdmin("admin", "first admin pw".toCharArray());
    boolean again = people.ensureFirstAdmin("admin", "another pw 123".toCharArray());

    assertThat(first).isTrue();
    assertThat(again).isFalse();
    assertThat(people.authenticate("admin", "first admin pw".toCharArray())).isPresent();
  }

  /**
   * A stand-in for the container's PBKDF2: the "hash" is the password reversed, salted by a mark.
   */
  private static final class PlainHash implements Pbkdf2PasswordHash {
    @Override
    public void initialize(Map<String, String> parameters) {}

    @Override
    public String generate(char[] password) {
      return "plain:" + new StringBuilder(new String(password)).reverse();
    }

    @Override
    public boolean verify(char[] password, String hashed) {
      return generate(password).equals(hashed);
    }
  }
}
