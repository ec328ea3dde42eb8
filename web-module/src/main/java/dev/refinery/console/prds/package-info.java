/** PRDs as people read them: rendered as a document, and compared between revisions. */
package dev.refinery.console.prds;
