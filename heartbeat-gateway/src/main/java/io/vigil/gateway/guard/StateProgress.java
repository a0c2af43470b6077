package io.vigil.gateway.guard;

/** Whether this replica has read the computers' state (registrations, revocations, configurations) up to date. */
public interface StateProgress {

    boolean caughtUp();
}
