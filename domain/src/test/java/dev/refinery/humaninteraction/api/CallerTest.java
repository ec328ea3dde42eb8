package dev.refinery.humaninteraction.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  private final Caller rita = new Caller("rita", Set.of(Role.REQUESTER, Role.APPROVER));
  private final Caller admin = new Caller("admin", Set.of(Role.ADMIN));

  @Test
  void aPersonActsForThemselvesOnly() {
    assertThat(rita.actingFor(null)).contains("rita");
    assertThat(rita.actingFor(" ")).contains("rita");
    assertThat(rita.actingFor("rita")).contains("rita");
    assertThat(rita.actingFor("abe")).as("naming someone else").isEmpty();
  }

  @Test
  void anAdminActsForWhomeverItNames() {
    assertThat(admin.actingFor(" abe ")).contains("abe");
    assertThat(admin.actingFor(null)).contains("admin");
  }
}
