package se.esam.lifecycle.identity;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in person as our code sees them: user id and group ids. */
public record CurrentUser(String id, Set<String> groups) {

    public static CurrentUser of(Authentication authentication) {
        return new CurrentUser(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(CurrentUser::isGroup)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** Spring adds authorities of its own (OIDC_USER, SCOPE_openid); our group ids are lower case. */
    private static boolean isGroup(String authority) {
        return !authority.equals(authority.toUpperCase(java.util.Locale.ROOT)) && !authority.startsWith("SCOPE_");
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Reads who did what to a revision (its audit trail): the kansli and administrators. */
    public boolean readsAuditTrail() {
        return isIn(Roles.KANSLI) || isIn(Roles.ADMINS);
    }

    /** Sees every feedback item: the kansli, managers and administrators. */
    public boolean overseesAllFeedback() {
        return isIn(Roles.KANSLI) || isIn(Roles.MANAGERS) || isIn(Roles.ADMINS);
    }
}
