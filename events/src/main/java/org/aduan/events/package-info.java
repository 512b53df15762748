/**
 * Aduan's event contracts: one record per event type, a JSON Schema per type under
 * {@code /schemas}, and the CloudEvents 1.0 binary-mode envelope carried in Kafka headers.
 * <p>
 * Every event is keyed by its {@code complaintId} so that one complaint's events stay in order on
 * one partition. Optional values are {@link java.util.Optional}s, never {@code null}; consumers ignore
 * fields they do not know ({@link EventJson}).
 */
package org.aduan.events;
