package dev.refinery.security;

import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.application.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks a username and password against Human Interaction's people; their roles become the groups.
 */
@ApplicationScoped
public class PeopleIdentityStore implements IdentityStore {

  @Inject People people;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    return people
        .authenticate(credential.getCaller(), credential.getPassword().getValue())
        .map(person -> new CredentialValidationResult(person.username(), Roles.groups(person)))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }

  /**
   * The groups of a person found again (a signed-in session re-checks its person on every request).
   */
  static CredentialValidationResult current(Person person) {
    return new CredentialValidationResult(person.username(), Roles.groups(person));
  }
}
