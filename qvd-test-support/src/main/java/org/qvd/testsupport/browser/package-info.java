/** A real browser for the tiers that test what an administrator sees (Debian's headless Chromium and chromedriver). */
package org.qvd.testsupport.browser;
