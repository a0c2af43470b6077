package io.vigil.testkit;

/**
 * Whether this test JVM runs the platform as containers ({@code -Dvigil.containers=true}, set by the system tests'
 * {@code images} profile). Free of Testcontainers types on purpose: Testcontainers is an optional dependency of this
 * module, and a module whose tests run the platform as processes has no Testcontainers classes to load.
 */
public final class ContainerMode {

    private ContainerMode() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean("vigil.containers");
    }
}
