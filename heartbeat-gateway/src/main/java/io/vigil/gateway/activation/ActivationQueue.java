package io.vigil.gateway.activation;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The gateway's one {@link ActivationAdmission}, from {@code vigil.gateway.activation.*}, with its gauges. */
@ApplicationScoped
public class ActivationQueue {

    @Produces
    @Singleton
    ActivationAdmission admission(GatewayConfig config, MeterRegistry metrics) {
        GatewayConfig.Activation a = config.activation();
        ActivationAdmission admission = new ActivationAdmission(a.maxConcurrent(), a.queueWait(),
                a.maxRetryAfterSeconds(), System::nanoTime);
        metrics.gauge("vigil.gateway.activations.running", admission, ActivationAdmission::running);
        metrics.gauge("vigil.gateway.activations.waiting", admission, ActivationAdmission::waiting);
        return admission;
    }
}
