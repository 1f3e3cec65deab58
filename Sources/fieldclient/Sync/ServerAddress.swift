import Foundation

/// A checked server base URL: http(s), with a host, plain http only to loopback unless allowed.
struct ServerAddress: Hashable, Sendable {
    /// The base URL without a trailing slash, e.g. `https://sync.example.org/quartier`.
    let base: String

    /// Checks `text`; throws a usage error that says what to fix.
    init(_ text: String, allowInsecure: Bool) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw FieldClientError(.usage, Texts.current("address.invalid", ["text": String(text.prefix(80))]))
        }
        guard components.query == nil, components.fragment == nil else {
            throw FieldClientError(.usage, Texts.current("address.query", ["text": String(text.prefix(80))]))
        }
        if scheme == "http" && !allowInsecure && !Self.isLoopback(host) {
            throw FieldClientError(.usage, Texts.current("address.insecure", ["host": host]))
        }
        var base = trimmed
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// Whether `host` is this machine: localhost, 127.0.0.0/8 or ::1.
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare.hasSuffix(".localhost") { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
