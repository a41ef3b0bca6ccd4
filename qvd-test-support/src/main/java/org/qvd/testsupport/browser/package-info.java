/**
 * A real browser for the tiers that test what an administrator or a user sees (Debian's headless Chromium and
 * chromedriver), and a program that calls the browser desktop's page API as the page does.
 */
package org.qvd.testsupport.browser;
