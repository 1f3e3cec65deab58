import Foundation

/// Where a passphrase comes from, in this order: `--passphrase-file`, `FIELDCLIENT_PASSPHRASE`,
/// then the terminal (asked without echo). Injected, so tests can drive every path.
struct PassphraseSources: Sendable {
    /// The environment variable scripts set.
    static let variable = "FIELDCLIENT_PASSPHRASE"

    /// The process environment.
    var environment: [String: String]
    /// `--passphrase-file`.
    var file: String?
    /// The terminal.
    var terminal: any PassphraseTerminal

    /// The real sources of this process.
    static func system(file: String?) -> PassphraseSources {
        PassphraseSources(environment: ProcessInfo.processInfo.environment, file: file, terminal: StandardInputTerminal())
    }

    /// The passphrase a script gave (file, then environment), or nil.
    func given() throws -> String? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file),
                let line = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).first,
                !line.isEmpty
            else {
                throw FieldClientError(.usage, EncryptionTexts.text(.passphraseFileUnreadable, ["path": file]))
            }
            return String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
        if let value = environment[Self.variable], !value.isEmpty { return value }
        return nil
    }

    /// The passphrase of an existing store: given, else asked once on a terminal, else nil.
    func existing(prompt: EncryptionTexts.Key = .promptPassphrase) throws -> String? {
        if let given = try given() { return given }
        guard terminal.isInteractive else { return nil }
        return terminal.readSecret(prompt: EncryptionTexts.text(prompt))
    }

    /// A new passphrase: given, else asked twice on a terminal; nil without either.
    func new() throws -> String? {
        let passphrase: String
        if let given = try given() {
            passphrase = given
        } else {
            guard terminal.isInteractive, let first = terminal.readSecret(prompt: EncryptionTexts.text(.promptNewPassphrase))
            else { return nil }
            try Self.check(first)
            guard terminal.readSecret(prompt: EncryptionTexts.text(.promptRepeatPassphrase)) == first else {
                throw FieldClientError(.usage, EncryptionTexts.text(.passphrasesDiffer))
            }
            passphrase = first
        }
        try Self.check(passphrase)
        return passphrase
    }

    /// Refuses passphrases shorter than 8 characters.
    static func check(_ passphrase: String) throws {
        guard passphrase.count >= 8 else { throw FieldClientError(.usage, EncryptionTexts.text(.passphraseTooShort)) }
    }
}
