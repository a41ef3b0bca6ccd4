/** Typed configuration catalogue of the agent, with defaults, file/env/system-property sources and safe logging. */
package org.qvd.hkd.config;
