package io.vigil.kafka.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTracingTest {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(
                    new SpanExporter() {
                        @Override
                        public CompletableResultCode export(Collection<SpanData> spans) {
                            finished.addAll(spans);
                            return CompletableResultCode.ofSuccess();
                        }

                        @Override
                        public CompletableResultCode flush() {
                            return CompletableResultCode.ofSuccess();
                        }

                        @Override
                        public CompletableResultCode shutdown() {
                            return CompletableResultCode.ofSuccess();
                        }
                    })).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private final RecordTracing tracing = new RecordTracing(sdk);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void aSentRecordCarriesTheCallersTraceAndItsConsumerContinuesIt() {
        RecordHeaders headers = new RecordHeaders();
        Span request = sdk.getTracer("test").spanBuilder("POST /agent/v1/heartbeat").setSpanKind(SpanKind.SERVER)
                .startSpan();
        try (Scope ignored = request.makeCurrent()) {
            RecordTracing.end(tracing.startSend("vigil.heartbeats", headers), null);
        }
        request.end();
        String traceparent = new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertThat(traceparent).startsWith("00-" + request.getSpanContext().getTraceId() + "-");

        ConsumerRecord<String, byte[]> record = record("vigil.heartbeats", "4711", headers);
        try (RecordTracing.Processing processing = tracing.process(record)) {
            assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            assertThat(MDC.get(RecordTracing.COMPUTER_ID)).isEqualTo("4711");
        }
        assertThat(MDC.get(RecordTracing.COMPUTER_ID)).as("cleared after the record").isNull();

        SpanData send = span("vigil.heartbeats publish");
        SpanData process = span("vigil.heartbeats process");
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(traceparent).contains(send.getSpanId());
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(process.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(process.getAttributes().asMap().toString()).contains("vigil.computer.id=4711", "messaging.kafka.offset=5");
    }

    @Test
    void aRecordWithoutTraceContextStartsATraceOfItsOwn() {
        try (RecordTracing.Processing ignored = tracing.process(record("vigil.heartbeats", "12",
                new RecordHeaders()))) {
            assertThat(Span.current().getSpanContext().isValid()).isTrue();
        }
        assertThat(span("vigil.heartbeats process").getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aResentRecordKeepsItsFirstContext() {
        RecordHeaders headers = new RecordHeaders();
        RecordTracing.end(tracing.startSend("t", headers), null);
        headers.setReadOnly();
        RecordTracing.end(tracing.startSend("t", headers), null);
        assertThat(headers.headers("traceparent")).hasSize(1);
    }

    @Test
    void onlyNumericKeysAreComputerIDs() {
        assertThat(RecordTracing.computerID("42")).isEqualTo("42");
        assertThat(RecordTracing.computerID("42".getBytes(StandardCharsets.UTF_8))).isEqualTo("42");
        assertThat(RecordTracing.computerID("policy-7")).isNull();
        assertThat(RecordTracing.computerID("")).isNull();
        assertThat(RecordTracing.computerID(null)).isNull();
        assertThat(RecordTracing.computerID("12345678901234567890")).as("longer than a long").isNull();
    }

    @Test
    void withTracingOffNoHeaderIsWrittenAndTheComputerIsStillLogged() {
        RecordHeaders headers = new RecordHeaders();
        RecordTracing off = RecordTracing.off();
        RecordTracing.end(off.startSend("t", headers), null);
        assertThat(headers.toArray()).isEmpty();
        try (RecordTracing.Processing ignored = off.process(record("t", "9", headers))) {
            assertThat(MDC.get(RecordTracing.COMPUTER_ID)).isEqualTo("9");
        }
    }

    private SpanData span(String name) {
        return finished.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished));
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 0, 5L, 0L, org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME,
                0, 0, key, new byte[0], headers, java.util.Optional.empty());
    }
}
