/// The messages of one language, looked up by key; `{name}` marks a placeholder.
///
/// Every text a person reads from `fieldclient`, `syncserver`'s admin commands and the dashboard
/// is in ``german`` and ``english``; commands hold keys, never sentences.
public struct MessageCatalog: Sendable {
    /// The catalog's language.
    public let language: Language
    /// The messages by key.
    public let messages: [String: String]

    /// Creates a catalog.
    public init(language: Language, messages: [String: String]) {
        self.language = language
        self.messages = messages
    }

    /// The message `key` with its placeholders filled from `arguments`; the key itself when it is missing.
    public func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        guard let template = messages[key] else { return key }
        return Self.fill(template, arguments)
    }

    /// The label of a stored code (a status, an outcome, a review state): the message `prefix` +
    /// `code`, or the code itself when the catalog has none (a code a newer version wrote).
    public func label(of code: String, under prefix: String) -> String {
        messages[prefix + code] ?? code
    }

    /// `template` with every `{name}` replaced by `arguments[name]`; unknown names stay as they are.
    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        guard template.contains("{"), !arguments.isEmpty else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = String(rest[afterOpen..<close])
            if let value = arguments[name] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The placeholder names in `template`, e.g. `["id", "count"]` for `"{count} of {id}"`.
    public static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(String(name)) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
