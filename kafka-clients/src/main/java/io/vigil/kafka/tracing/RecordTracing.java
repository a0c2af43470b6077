package io.vigil.kafka.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Trace context across Kafka for the clients of {@link io.vigil.kafka.KafkaClientFactory}: a producer puts the
 * current context into each record's headers ({@code traceparent}, W3C Trace Context), a consumer continues it around
 * the processing of each record ({@link #process}), with the record's computer ID in the log context (MDC
 * {@value #COMPUTER_ID}). With tracing off (no OpenTelemetry SDK, or {@code quarkus.otel.sdk.disabled=true}) the spans
 * are no-ops and no header is written; the MDC entry is set all the same.
 */
public final class RecordTracing {

    /** The MDC key of the computer a log line is about (JSON logs show it as a field). */
    public static final String COMPUTER_ID = "computerID";

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public RecordTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.vigil.kafka");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    public static RecordTracing off() {
        return new RecordTracing(OpenTelemetry.noop());
    }

    /** A PRODUCER span for one send, child of the current context, its context written into {@code headers}. */
    Span startSend(String topic, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.operation.type", "send").startSpan();
        try {
            propagator.inject(Context.current().with(span), headers, SETTER);
        } catch (IllegalStateException readOnly) {
            // a record sent before (its headers are then read-only) keeps the context it got the first time
        }
        return span;
    }

    static void end(Span span, Exception error) {
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }
        span.end();
    }

    /**
     * Starts processing one consumed record: a CONSUMER span continuing the trace of its {@code traceparent} header
     * (a new trace without one), current on this thread until {@link Processing#close()}, and the record's key as
     * MDC {@value #COMPUTER_ID} when it is a computer ID.
     */
    public Processing process(ConsumerRecord<?, ?> record) {
        Context parent = propagator.extract(Context.root(), record.headers(), GETTER);
        Span span = tracer.spanBuilder(record.topic() + " process").setParent(parent)
                .setSpanKind(SpanKind.CONSUMER).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset()).startSpan();
        String computerID = computerID(record.key());
        if (computerID != null) {
            span.setAttribute("vigil.computer.id", computerID);
        }
        return new Processing(span, span.makeCurrent(), computerID);
    }

    /** The key of a record keyed by computer (a number), or null. */
    static String computerID(Object key) {
        String text = key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : key instanceof String string ? string : null;
        return text != null && !text.isEmpty() && text.length() <= 19 && text.chars().allMatch(Character::isDigit)
                ? text : null;
    }

    /** The processing of one record: closing it ends the span and clears the MDC entry. */
    public static final class Processing implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        Processing(Span span, Scope scope, String computerID) {
            this.span = span;
            this.scope = scope;
            if (computerID != null) {
                MDC.put(COMPUTER_ID, computerID);
            } else {
                MDC.remove(COMPUTER_ID);
            }
        }

        /** Marks the processing failed (the exception is recorded on the span). */
        public void failed(Exception error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
        }

        @Override
        public void close() {
            MDC.remove(COMPUTER_ID);
            scope.close();
            span.end();
        }
    }
}
