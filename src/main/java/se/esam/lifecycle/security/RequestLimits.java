package se.esam.lifecycle.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Bounds on what a client may send us. */
@ConfigurationProperties("guidance.security.requests")
record RequestLimits(@DefaultValue("1MB") DataSize maxBody) {}
