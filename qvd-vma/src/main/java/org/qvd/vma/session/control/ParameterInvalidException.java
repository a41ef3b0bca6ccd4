package org.qvd.vma.session.control;

/**
 * A request parameter failed validation; answered with HTTP 400 naming the parameter, in the {@code parameter} field
 * and at the start of the message ({@code qvd.vm.user.name is required}), since callers often show only the message.
 */
public class ParameterInvalidException extends RuntimeException {
    private final String parameter;

    public ParameterInvalidException(String parameter, String message) {
        super(parameter == null ? message : parameter + " " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
