import Foundation
import SyncModel

extension AuditEvent {
    /// One line for `syncserver audit`: time, cohort, actor and what happened, in the operator's language.
    var line: String {
        let actorText = AdminTexts.text("audit.actor." + actorKind.rawValue, ["name": actor])
        return [TimestampFormat.text(time), cohort ?? "-", actorText, description(in: AdminTexts.text)]
            .joined(separator: "\t")
    }

    /// What happened, as a sentence from the catalog (`audit.event.<kind>`; a purge with `all: yes` and an export
    /// of the door list have their own), with the details filled in; `pseudonymized`, `role` and `via` become
    /// words, the format is written as its name (`XLSX`), missing details a dash.
    func description(in text: (String, [String: String]) -> String) -> String {
        var arguments: [String: String] = [:]
        for name in ["device", "participant", "role", "trainer", "format", "survey", "records", "via", "epoch", "record", "before"] {
            arguments[name] = details[name] ?? "-"
        }
        if let role = details["role"] { arguments["role"] = text("role." + role, [:]) }
        if let via = details["via"], ["api", "dashboard"].contains(via) { arguments["via"] = text("audit.via." + via, [:]) }
        if let format = details["format"] { arguments["format"] = format.uppercased() }
        arguments["pseudonymized"] = text(details["pseudonymized"] == "yes" ? "audit.pseudonymized" : "audit.full", [:])
        // Door-list exports were once recorded as the "survey" households.
        let doorList = details["list"] == "households" || (details["survey"] == "households" && details["records"] == nil)
        let key =
            switch kind {
            case .purge where details["all"] == "yes": "audit.event.purge.all"
            case .export where doorList: "audit.event.export.households"
            default: "audit.event." + kind.rawValue
            }
        return text(key, arguments)
    }
}
