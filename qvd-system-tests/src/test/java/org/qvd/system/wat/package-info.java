/** Browser tests of the WAT: headless Debian Chromium driven by Selenium against the running system. */
package org.qvd.system.wat;
