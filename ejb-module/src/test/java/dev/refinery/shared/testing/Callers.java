package dev.refinery.shared.testing;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import java.util.List;
import java.util.Set;

/** Signed-in people of each role, as the container would hand them to a boundary. */
public final class Callers {

  public static final Caller REQUESTER = new Caller("rex", Set.of(Role.REQUESTER));
  public static final Caller APPROVER = new Caller("bo", Set.of(Role.APPROVER));
  public static final Caller OPERATOR = new Caller("opal", Set.of(Role.OPERATOR));
  public static final Caller ADMIN = new Caller("ada", Set.of(Role.ADMIN));

  /** Everyone an operator's action refuses. */
  public static final List<Caller> NOT_OPERATORS = List.of(REQUESTER, APPROVER);

  private Callers() {}
}
