package se.esam.lifecycle.retention;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The kansli's page: the rules in force, the cases under a legal hold, the disposal log, and a run now. */
@Controller
class RetentionPages {

    private static final int LOG_ROWS = 200;

    private final RetentionProperties properties;
    private final Disposal disposal;
    private final LegalHolds holds;

    RetentionPages(RetentionProperties properties, Disposal disposal, LegalHolds holds) {
        this.properties = properties;
        this.disposal = disposal;
        this.holds = holds;
    }

    record RuleRow(String recordType, String period, String action, String from, boolean erasable, String decision) {}

    @GetMapping("/retention")
    String page(Model model) {
        List<RuleRow> rules = Arrays.stream(RecordType.values())
                .map(type -> {
                    RetentionProperties.Rule rule = properties.rule(type);
                    return new RuleRow(
                            type.key(),
                            rule.period().toString(),
                            rule.action() == RecordType.DisposalAction.DELETE ? "Raderas" : "Avidentifieras",
                            rule.from() == RecordType.Anchor.CASE_CLOSED ? "ärendets avslut" : "tillkomsten",
                            rule.erasable(),
                            rule.decision());
                })
                .toList();
        model.addAttribute("rules", rules);
        model.addAttribute("holds", holds.all());
        model.addAttribute("log", disposal.log(LOG_ROWS));
        return "retention/retention";
    }

    @PostMapping("/retention/run")
    String run(Authentication authentication) {
        disposal.runNow(authentication.getName());
        return "redirect:/retention";
    }
}
