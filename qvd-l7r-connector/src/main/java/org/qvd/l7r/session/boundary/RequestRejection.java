package org.qvd.l7r.session.boundary;

/** A request the decoder could not accept (malformed, too large): answered with this status, then closed. */
record RequestRejection(int status, String text) {}
