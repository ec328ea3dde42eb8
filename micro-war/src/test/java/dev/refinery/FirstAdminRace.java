package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.application.People;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Two instances starting together on a database where nobody is an admin yet: exactly one of them
 * creates the first admin. Inside the container, with every admin of the tests' database disabled
 * for the moment (and enabled again after), the two starts are two concurrent calls of the same
 * boundary.
 */
final class FirstAdminRace {

  private static final String ADMINS = "enabled AND ',' || roles || ',' LIKE '%,ADMIN,%'";

  private final People people;
  private final DataSource database;
  private final ManagedExecutorService executor;

  FirstAdminRace(People people, DataSource database, ManagedExecutorService executor) {
    this.people = people;
    this.database = database;
    this.executor = executor;
  }

  void twoInstancesStartingTogetherCreateOneFirstAdmin() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> candidates = List.of("first-a-" + suffix, "first-b-" + suffix);
    List<String> disabled = setEnabled(enabledAdmins(), false);
    try {
      // given nobody can administer, when two starts ask for the first admin at the same moment
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> starts = new ArrayList<>();
      for (String candidate : candidates) {
        starts.add(
            executor.submit(
                () -> {
                  start.await();
                  return people.ensureFirstAdmin(candidate, ("pw-" + candidate).toCharArray());
                }));
      }
      start.countDown();
      List<Boolean> created = new ArrayList<>();
      for (Future<Boolean> each : starts) {
        created.add(each.get(60, TimeUnit.SECONDS));
      }
      // then one created it, the other found it
      assertThat(created).as("which start created an admin").containsExactlyInAnyOrder(true, false);
      assertThat(enabledAdmins()).as("admins after both starts").singleElement().isIn(candidates);
    } finally {
      setEnabled(candidates, false);
      setEnabled(disabled, true);
    }
    assertThat(enabledAdmins()).as("the tests' admins, enabled again").containsAll(disabled);
  }

  private List<String> enabledAdmins() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = database.getConnection();
        var query =
            connection.prepareStatement(
                "SELECT username FROM humaninteraction.person WHERE " + ADMINS);
        var rows = query.executeQuery()) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }

  private List<String> setEnabled(List<String> usernames, boolean enabled) throws SQLException {
    try (Connection connection = database.getConnection();
        var update =
            connection.prepareStatement(
                "UPDATE humaninteraction.person SET enabled = ?, updated_at = now() WHERE username"
                    + " = ?")) {
      for (String username : usernames) {
        update.setBoolean(1, enabled);
        update.setString(2, username);
        update.executeUpdate();
      }
    }
    return usernames;
  }
}
