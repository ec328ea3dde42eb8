/** Reading the text resources that ship with the code. */
package dev.refinery.shared.infrastructure.resources;
