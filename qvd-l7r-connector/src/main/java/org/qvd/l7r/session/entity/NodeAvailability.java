package org.qvd.l7r.session.entity;

/** Whether this L7R node may serve clients ({@code /qvd/ping}); {@code reason} is e.g. {@code Server is blocked}. */
public record NodeAvailability(boolean serving, String reason) {

    public static final NodeAvailability SERVING = new NodeAvailability(true, "I am alive!");

    public static NodeAvailability notServing(String reason) {
        return new NodeAvailability(false, reason);
    }
}
