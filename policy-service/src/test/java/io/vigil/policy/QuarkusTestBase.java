package io.vigil.policy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.vigil.testkit.VigilTestResource;

/** The one test profile of this module: the real Kafka broker and PostgreSQL of test-support. */
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "policy"))
public abstract class QuarkusTestBase {
}
