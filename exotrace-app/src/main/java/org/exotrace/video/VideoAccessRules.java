package org.exotrace.video;

import org.exotrace.shared.AccessRules;
import org.exotrace.shared.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** As for NTA uploads: lab staff and researchers see videos, their jobs, drawings and per-track sizes; analysts upload them. */
@Component
class VideoAccessRules implements AccessRules {

    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        r.requestMatchers(HttpMethod.GET, "/lots/*/video", "/video/*", "/video/*/status", "/video/*/overlay.png",
                        "/video/*/per-track.csv", "/nta/*/video", "/api/lots/*/video-jobs", "/api/video-jobs/*", "/api/video-jobs/*/overlay.png",
                        "/api/video-jobs/*/per-track.csv")
                .hasAnyRole(Role.names(Role.LAB_ANALYST, Role.QA_RELEASER, Role.RESEARCHER, Role.ADMIN));
        r.requestMatchers(HttpMethod.POST, "/lots/*/video", "/api/lots/*/video-jobs").hasRole(Role.LAB_ANALYST.name());
    }
}
