package se.esam.lifecycle.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.esam.lifecycle.identity.Roles;

/**
 * Which claims of the provider's tokens say who someone is, what roles they have and which member
 * organisation they belong to (the {@code oidc} profile).
 *
 * @param userIdClaim the claim whose value becomes the user id in Camunda's identity store; it must be
 *        stable and look like our ids (letters, digits, hyphens)
 * @param groupsClaim a list of group ids (a single string counts as one group)
 * @param organisationClaim the id of the person's member organisation; accepted only if that
 *        organisation exists in the identity store
 * @param allowedGroups the only groups a token can make someone a member of; by default every role but
 *        the administrators, so that nobody becomes administrator by token unless the operator says so
 */
@ConfigurationProperties("guidance.security.oidc")
record OidcProperties(
        @DefaultValue("preferred_username") String userIdClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("organisation") String organisationClaim,
        List<String> allowedGroups) {

    OidcProperties {
        allowedGroups = allowedGroups == null ? Roles.ALL : List.copyOf(allowedGroups);
    }
}
