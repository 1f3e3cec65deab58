import Foundation

extension VisitOutcome {
    /// The outcome a person typed: its code (`not-home`) or its label in any catalog's language
    /// (`nicht zu Hause`, `befragt`), or the label's last words (`wiederkommen`); case, hyphens and
    /// underscores do not matter. Nil for anything else.
    public init?(typed: String) {
        func normalized(_ text: String) -> String {
            text.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
                .split(separator: " ").joined(separator: " ")
        }
        let wanted = normalized(typed)
        guard !wanted.isEmpty else { return nil }
        for outcome in Self.allCases {
            let names = [outcome.rawValue] + [MessageCatalog.german, .english].map { $0.text("outcome.\(outcome.rawValue)") }
            if names.map(normalized).contains(where: { $0 == wanted || $0.hasSuffix(" " + wanted) }) {
                self = outcome
                return
            }
        }
        return nil
    }
}
