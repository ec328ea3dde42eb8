package dev.refinery.shared.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;

/**
 * The one role rule of every boundary, the contexts' (through their deciders) and the operators'
 * here alike: a role's holders and ADMINs (who hold every role) may take its actions. Checked where
 * the action happens, whatever the console or web.xml let through.
 */
public final class Permissions {

  private Permissions() {}

  /**
   * @throws NotPermittedException naming the caller, the action and the role, when the caller holds
   *     neither the role nor ADMIN
   */
  public static void require(Caller caller, Role role, String action) {
    if (!caller.has(role, Role.ADMIN)) {
      throw new NotPermittedException(
          caller.name() + " may not " + action + ": it needs the role " + role);
    }
  }
}
