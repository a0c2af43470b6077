package io.vigil.system;

import java.util.Map;

/**
 * One span as a service exported it over OTLP: the {@code service.name} of its resource, its IDs in hex (the parent
 * empty for a root span), name, kind ({@code SPAN_KIND_SERVER}, {@code SPAN_KIND_PRODUCER}, ...) and string attributes.
 */
record ExportedSpan(String service, String traceID, String spanID, String parentSpanID, String name, String kind,
                    Map<String, String> attributes) {

    boolean isChildOf(ExportedSpan parent) {
        return traceID.equals(parent.traceID) && parentSpanID.equals(parent.spanID);
    }
}
