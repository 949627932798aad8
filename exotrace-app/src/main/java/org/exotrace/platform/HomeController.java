package org.exotrace.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.exotrace.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * After sign-in everyone lands on their own work: QA on the lots awaiting release, analysts on the
 * lots in testing, clinicians on their worklist, compliance officers on the regulatory rules,
 * researchers on the lots they may read, administrators on the accounts. Someone with several
 * roles lands on the first of them in that order.
 */
@Controller
class HomeController {

    static final Map<Role, String> LANDING = Map.of(
            Role.QA_RELEASER, "/lots/awaiting-release",
            Role.LAB_ANALYST, "/lots?state=IN_TESTING",
            Role.CLINICIAN, "/clinic",
            Role.COMPLIANCE_OFFICER, "/compliance",
            Role.RESEARCHER, "/evidence",
            Role.ADMIN, "/admin/users");

    static final List<Role> ORDER = List.of(Role.QA_RELEASER, Role.LAB_ANALYST, Role.CLINICIAN, Role.COMPLIANCE_OFFICER, Role.RESEARCHER,
            Role.ADMIN);

    @GetMapping("/")
    String home(Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null) flash.forEach(redirect::addFlashAttribute);
        List<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        return ORDER.stream().filter(r -> held.contains(r.authority())).findFirst()
                .map(r -> "redirect:" + LANDING.get(r))
                .orElse("redirect:/compliance");
    }
}
