/**
 * Sign-in for the console (a form, then the session) and the REST API (HTTP Basic), both against
 * the people Human Interaction keeps; role checks and the security headers every response carries.
 */
package dev.refinery.security;
