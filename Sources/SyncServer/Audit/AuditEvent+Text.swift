import Foundation
import SyncModel

extension AuditEvent {
    /// One line for `syncserver audit`: time, cohort, actor and what happened, in the operator's language.
    var line: String {
        let actorText = AdminTexts.text("audit.actor." + actorKind.rawValue, ["name": actor])
        return [TimestampFormat.text(time), cohort ?? "-", actorText, description(in: AdminTexts.text)]
            .joined(separator: "\t")
    }

    /// What happened, as a sentence from the catalog (`audit.event.<kind>`; a purge with `all: yes` has its own),
    /// with the details filled in; `pseudonymized` and `role` become words, missing details a dash.
    func description(in text: (String, [String: String]) -> String) -> String {
        var arguments: [String: String] = [:]
        for name in ["device", "participant", "role", "trainer", "format", "survey", "records", "via", "epoch", "record", "before"] {
            arguments[name] = details[name] ?? "-"
        }
        if let role = details["role"] { arguments["role"] = text("role." + role, [:]) }
        arguments["pseudonymized"] = text(details["pseudonymized"] == "yes" ? "audit.pseudonymized" : "audit.full", [:])
        let key = kind == .purge && details["all"] == "yes" ? "audit.event.purge.all" : "audit.event." + kind.rawValue
        return text(key, arguments)
    }
}
