package io.vigil.siem.format;

/** What the forwarder knows about a computer for {@code dvchost} and {@code dvc}; fields may be null. */
@FunctionalInterface
public interface ComputerLookup {

    /** Host name and last IP used of a computer, or null when unknown. */
    Computer find(long computerID);

    record Computer(String hostName, String lastIPUsed) {
    }

    ComputerLookup NONE = id -> null;
}
