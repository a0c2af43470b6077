package io.vigil.policy;

import io.quarkus.test.common.QuarkusTestResource;

/** The one test profile of this module: the real Kafka broker and PostgreSQL of test-support, and a test CA. */
@QuarkusTestResource(PolicyTestResource.class)
public abstract class QuarkusTestBase {
}
