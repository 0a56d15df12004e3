/**
 * Web security in front of everything: sign-in (password and OIDC), filters, throttling; the engine trusts the
 * person it authenticates. Who is who lives in identity.
 */
@ApplicationModule(
        displayName = "Säkerhet",
        allowedDependencies = {"identity", "system :: errors", "system :: engine"})
package se.esam.lifecycle.security;

import org.springframework.modulith.ApplicationModule;
