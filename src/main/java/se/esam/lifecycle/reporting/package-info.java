/**
 * Manager reports: where feedback waits, how long it takes and what becomes of it. A read model over
 * the columns the feedback module keeps for it (V4 migration) and the revisions; it writes nothing.
 */
package se.esam.lifecycle.reporting;
