/** Admins: the people who sign in and their roles. */
package dev.refinery.console.admin;
