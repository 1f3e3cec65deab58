import Foundation

/// Where `unlock` keeps the store key for a while, outside the disk.
protocol StoreKeyring: Sendable {
    /// Whether keys can be kept at all; when not, every command asks for the passphrase.
    var isAvailable: Bool { get }
    /// The key kept under `name`, or nil.
    func key(named name: String) -> Data?
    /// Keeps `key` under `name` for `seconds`, replacing an earlier one.
    func keep(_ key: Data, named name: String, seconds: UInt32) throws
    /// Drops the key under `name`; whether there was one.
    func drop(named name: String) -> Bool
}

/// No keyring: nothing is kept, so each command asks (macOS, Windows, `FIELDCLIENT_KEYRING=none`).
struct NoKeyring: StoreKeyring {
    /// Creates the fallback.
    init() {}
    /// Never available.
    var isAvailable: Bool { false }
    /// Nothing is kept.
    func key(named name: String) -> Data? { nil }
    /// Refuses.
    func keep(_ key: Data, named name: String, seconds: UInt32) throws { throw KeyringError(detail: "no keyring") }
    /// Nothing to drop.
    func drop(named name: String) -> Bool { false }
}

/// The keyring refused to keep a key.
struct KeyringError: Error, Sendable {
    /// What the system said.
    var detail: String
}

/// Chooses the keyring of this system.
enum Keyrings {
    /// The kernel keyring on Linux unless `FIELDCLIENT_KEYRING=none`; elsewhere none.
    static func system(environment: [String: String] = ProcessInfo.processInfo.environment) -> any StoreKeyring {
        if environment["FIELDCLIENT_KEYRING"] == "none" { return NoKeyring() }
        #if os(Linux)
            return KernelKeyring()
        #else
            return NoKeyring()
        #endif
    }
}
