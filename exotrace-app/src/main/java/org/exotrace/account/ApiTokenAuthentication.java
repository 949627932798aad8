package org.exotrace.account;

import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a personal API token: its holder's name and the roles the token grants now. */
public class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiTokens.Bearer bearer;

    ApiTokenAuthentication(ApiTokens.Bearer bearer) {
        super(bearer.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.bearer = bearer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() { return ""; }

    @Override
    public Object getPrincipal() { return bearer.username(); }

    @Override
    public String getName() { return bearer.username(); }

    public UUID tokenId() { return bearer.tokenId(); }

    @Override
    public boolean equals(Object o) { return o instanceof ApiTokenAuthentication other && other.bearer.equals(bearer); }

    @Override
    public int hashCode() { return bearer.hashCode(); }
}
