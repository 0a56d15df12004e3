package se.esam.lifecycle.system;

import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * Variables a module sets only for its forms to show, copies of what its own tables and the catalogue hold (a
 * guidance title, a label, a list in words). The engine keeps no history of them ({@code act_hi_varinst}): the
 * runtime variable is there while a form needs it, and what it copied stays provable where it came from. Each module
 * declares its own, so the engine's history settings need not know any module's variable names.
 */
@NamedInterface("engine")
public interface DisplayVariables {

    /** The process whose variables these are. */
    String processDefinitionKey();

    /** Their names. */
    Set<String> names();
}
