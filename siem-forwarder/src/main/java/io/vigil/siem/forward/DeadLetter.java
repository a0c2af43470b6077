package io.vigil.siem.forward;

/** A record that could not be formatted, with where it came from and why. */
public record DeadLetter(String sourceTopic, int partition, long offset, String key, byte[] value, String reason) {
}
