package org.qvd.desktop.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The page's JSON calls under {@code /desktop/api}. */
@ApplicationPath("api")
public class DesktopApplication extends Application {}
