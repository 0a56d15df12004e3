package se.esam.lifecycle.system;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement (tillgänglighetsredogörelse) the law requires of a public digital service, after
 * DIGG's model: how well the service meets WCAG 2.1 AA, what is known not to, how to report a problem, and that
 * DIGG supervises. Public, so anyone can read it and report, signed in or not; every page of ours links to it.
 */
@Controller
class AccessibilityStatement {

    static final String PATH = "/accessibility";

    private final AccessibilityProperties properties;

    AccessibilityStatement(AccessibilityProperties properties) {
        this.properties = properties;
    }

    @GetMapping(PATH)
    String statement(Model model) {
        model.addAttribute("accessibility", properties);
        return "system/accessibility";
    }
}
