package se.esam.lifecycle.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;

import se.esam.lifecycle.identity.Directory;
import se.esam.lifecycle.system.AsApplication;

/**
 * Accounts for people who sign in at the OpenID Connect provider, made just in time. The Camunda webapps
 * and REST API trust only users that exist in Camunda's identity store and take their groups from there,
 * so every sign-in and every bearer token first brings the store in line with the token: the user is
 * created if missing, and their memberships among the allowed groups, and their organisation, become
 * what the token says. Memberships in other groups (given by hand in Admin) are left alone.
 */
@Service
@Profile("oidc")
class OidcAccounts {

    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

    private final IdentityService identity;
    private final Directory directory;
    private final OidcProperties properties;
    private final Pattern validUserId;
    private final SecureRandom random = new SecureRandom();

    OidcAccounts(
            IdentityService identity,
            Directory directory,
            OidcProperties properties,
            ProcessEngineConfiguration engine) {
        this.identity = identity;
        this.directory = directory;
        this.properties = properties;
        // the engine refuses other ids when it saves the user; refusing the sign-in is clearer than a failure
        String userIds = engine.getUserResourceWhitelistPattern();
        this.validUserId = Pattern.compile(
                userIds == null || userIds.isEmpty() ? engine.getGeneralResourceWhitelistPattern() : userIds);
    }

    /** The person as the application knows them once the store matches the token. */
    record Account(String userId, List<GrantedAuthority> groups) {}

    /**
     * Creates or updates the person's account from the token's claims.
     *
     * @return the user id and their groups in the identity store, as authorities
     * @throws OAuth2AuthenticationException when the claims name no user or name one the store cannot hold
     */
    Account signIn(Map<String, Object> claims) {
        Object userClaim = claims.get(properties.userIdClaim());
        if (!(userClaim instanceof String userId) || userId.isBlank()) {
            throw refused(
                    "missing_user_id", "The token has no '" + properties.userIdClaim() + "' claim naming the user");
        }
        if (!validUserId.matcher(userId).matches()) {
            throw refused(
                    "invalid_user_id",
                    "The user id '" + userId + "' from claim '" + properties.userIdClaim()
                            + "' is not a valid id in the identity store");
        }
        Set<String> roles = rolesIn(claims);
        Optional<String> organisation = organisationIn(claims);
        asApplication(() -> {
            ensureUser(userId, claims);
            matchRoles(userId, roles);
            matchOrganisation(userId, organisation);
            return null;
        });
        List<GrantedAuthority> groups = directory.groupsOf(userId).stream()
                .<GrantedAuthority>map(SimpleGrantedAuthority::new)
                .toList();
        return new Account(userId, groups);
    }

    /** The claimed groups a token may grant: allowed by the operator and existing in the store. */
    private Set<String> rolesIn(Map<String, Object> claims) {
        Set<String> claimed = new LinkedHashSet<>();
        Object value = claims.get(properties.groupsClaim());
        if (value instanceof Collection<?> groups) {
            groups.stream().filter(Objects::nonNull).map(Object::toString).forEach(claimed::add);
        } else if (value instanceof String group) {
            claimed.add(group);
        }
        claimed.retainAll(properties.allowedGroups());
        if (claimed.isEmpty()) {
            return Set.of();
        }
        Set<String> existing = new HashSet<>();
        asApplication(() -> identity.createGroupQuery()
                        .groupIdIn(claimed.toArray(String[]::new))
                        .list())
                .forEach(group -> existing.add(group.getId()));
        claimed.retainAll(existing);
        return claimed;
    }

    private Optional<String> organisationIn(Map<String, Object> claims) {
        if (!(claims.get(properties.organisationClaim()) instanceof String claimed) || claimed.isBlank()) {
            return Optional.empty();
        }
        Optional<String> organisation = directory.organisation(claimed).map(Directory.Organisation::id);
        if (organisation.isEmpty()) {
            // the provider and our list of member organisations disagree: the operator should hear of it
            log.warn(
                    "OIDC sign-in: organisation '{}' from claim '{}' is not a member organisation; ignored",
                    claimed,
                    properties.organisationClaim());
        }
        return organisation;
    }

    private void ensureUser(String userId, Map<String, Object> claims) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            createUser(userId, claims);
            return;
        }
        // people change names and addresses at the provider; mail should reach the current one
        boolean changed = update(claims, "given_name", user::getFirstName, user::setFirstName)
                | update(claims, "family_name", user::getLastName, user::setLastName)
                | update(claims, "email", user::getEmail, user::setEmail);
        if (changed) {
            identity.saveUser(user);
        }
    }

    private void createUser(String userId, Map<String, Object> claims) {
        User user = identity.newUser(userId);
        update(claims, "given_name", user::getFirstName, user::setFirstName);
        update(claims, "family_name", user::getLastName, user::setLastName);
        update(claims, "email", user::getEmail, user::setEmail);
        if (user.getFirstName() == null && user.getLastName() == null && claims.get("name") instanceof String name) {
            user.setFirstName(name);
        }
        // nobody signs in with a password in this profile; a random one that no one knows keeps it that way
        user.setPassword(unusablePassword());
        try {
            identity.saveUser(user);
            log.info("OIDC sign-in: created user {}", userId);
        } catch (ProcessEngineException e) {
            // a parallel first request of the same person created it a moment ago
            if (identity.createUserQuery().userId(userId).count() == 0) {
                throw e;
            }
        }
    }

    private void matchRoles(String userId, Set<String> roles) {
        Set<String> current = new HashSet<>(groupIdsOf(userId, null));
        for (String group : properties.allowedGroups()) {
            if (roles.contains(group) && !current.contains(group)) {
                join(userId, group);
            } else if (!roles.contains(group) && current.contains(group)) {
                identity.deleteMembership(userId, group);
                log.info("OIDC sign-in: {} is no longer in {}", userId, group);
            }
        }
    }

    /** One organisation per person: the one the token names, or none. */
    private void matchOrganisation(String userId, Optional<String> organisation) {
        List<String> current = groupIdsOf(userId, Directory.ORGANISATION_TYPE);
        for (String previous : current) {
            if (!organisation.map(previous::equals).orElse(false)) {
                identity.deleteMembership(userId, previous);
                log.info("OIDC sign-in: {} is no longer in organisation {}", userId, previous);
            }
        }
        organisation.filter(id -> !current.contains(id)).ifPresent(id -> join(userId, id));
    }

    private void join(String userId, String group) {
        try {
            identity.createMembership(userId, group);
            log.info("OIDC sign-in: {} joined {}", userId, group);
        } catch (ProcessEngineException e) {
            // a parallel request of the same person added it a moment ago
            if (!groupIdsOf(userId, null).contains(group)) {
                throw e;
            }
        }
    }

    private List<String> groupIdsOf(String userId, String type) {
        var query = identity.createGroupQuery().groupMember(userId);
        if (type != null) {
            query.groupType(type);
        }
        return query.list().stream().map(Group::getId).toList();
    }

    /** Sets the field from a string claim the token carries; a claim that is absent changes nothing. */
    private static boolean update(
            Map<String, Object> claims, String claim, Supplier<String> current, Consumer<String> set) {
        if (claims.get(claim) instanceof String value && !value.isBlank() && !value.equals(current.get())) {
            set.accept(value);
            return true;
        }
        return false;
    }

    private String unusablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }

    /**
     * Keeping the identity store in line is the application's work, not the person's: it must not depend
     * on what the signed-in person may do in the engine (as {@link Directory}'s lookups).
     */
    private <T> T asApplication(Supplier<T> work) {
        return AsApplication.query(identity, work);
    }
}
