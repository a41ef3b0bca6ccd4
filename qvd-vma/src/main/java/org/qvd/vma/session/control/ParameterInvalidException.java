package org.qvd.vma.session.control;

/** A request parameter failed validation; answered with HTTP 400 naming the parameter. */
public class ParameterInvalidException extends RuntimeException {
    private final String parameter;

    public ParameterInvalidException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
