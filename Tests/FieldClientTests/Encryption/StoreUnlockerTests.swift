import Crypto
import Foundation
import SyncModel
import Testing
@testable import fieldclient

/// A keyring in memory.
final class MemoryKeyring: StoreKeyring, @unchecked Sendable {
    private let lock = NSLock()
    private var keys: [String: Data] = [:]
    /// Available.
    var isAvailable: Bool { true }
    /// The kept key.
    func key(named name: String) -> Data? { lock.withLock { keys[name] } }
    /// Keeps it.
    func keep(_ key: Data, named name: String, seconds: UInt32) throws { lock.withLock { keys[name] = key } }
    /// Drops it.
    func drop(named name: String) -> Bool { lock.withLock { keys.removeValue(forKey: name) != nil } }
}

/// A terminal that answers scripted lines and records the prompts.
final class ScriptedTerminal: PassphraseTerminal, @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String]
    private(set) var prompts: [String] = []
    /// Interactive.
    var isInteractive: Bool { true }
    /// Creates it with the lines to type.
    init(_ lines: [String]) { self.lines = lines }
    /// The next line.
    func readSecret(prompt: String) -> String? {
        lock.withLock {
            prompts.append(prompt)
            return lines.isEmpty ? nil : lines.removeFirst()
        }
    }
}

@Suite("StoreUnlocker")
struct StoreUnlockerTests {
    private func encryptedStore() throws -> (LocalStore, SymmetricKey) {
        let key = StoreCipher.makeKey()
        let store = try LocalStore.inMemory(key: key)
        return (store.with(.locked), key)
    }

    private func unlocker(keyring: any StoreKeyring = NoKeyring(), terminal: any PassphraseTerminal = NoTerminal(), passphrase: String? = nil)
        -> StoreUnlocker
    {
        StoreUnlocker(
            keyring: keyring,
            passphrases: PassphraseSources(
                environment: passphrase.map { [PassphraseSources.variable: $0] } ?? [:], file: nil, terminal: terminal))
    }

    @Test("a key in the keyring unlocks without asking")
    func keyringFirst() throws {
        let (store, key) = try encryptedStore()
        guard case .encrypted(let envelope) = try store.encryptionMode() else { Issue.record("not encrypted"); return }
        let keyring = MemoryKeyring()
        try keyring.keep(key.withUnsafeBytes { Data($0) }, named: envelope.keyringName, seconds: 60)
        let terminal = ScriptedTerminal([])
        let unlocked = try unlocker(keyring: keyring, terminal: terminal).unlock(store)
        #expect(unlocked.isEncrypted)
        #expect(try unlocked.records().isEmpty)
        #expect(terminal.prompts.isEmpty)
    }

    @Test("on a terminal the passphrase is asked once")
    func asksOnce() throws {
        let (store, _) = try encryptedStore()
        let terminal = ScriptedTerminal(["in-memory"])
        _ = try unlocker(terminal: terminal).unlock(store).records()
        #expect(terminal.prompts.count == 1)
    }

    @Test("no key, no passphrase and no terminal, or a wrong passphrase: exit status 77", arguments: [nil, "falsch123"])
    func refuses(passphrase: String?) throws {
        let (store, _) = try encryptedStore()
        #expect {
            _ = try unlocker(passphrase: passphrase).unlock(store)
        } throws: { error in
            (error as? FieldClientError)?.status == .unauthorized
        }
    }

    @Test("a locked store refuses to read or write states")
    func lockedRefuses() throws {
        let (locked, key) = try encryptedStore()
        let record = SyncModel.Record(
            id: UUID(), collection: RecordCollection.responses, cohort: "kurs", survey: "s", surveyVersion: 1, owner: "anna")
        try locked.with(.sealed(StoreCipher(key: key))).insertLocal(record, createdAt: Timestamp(millisecondsSince1970: 0))
        #expect(throws: StoreLockedError.self) { try locked.records() }
        #expect(throws: StoreLockedError.self) { try locked.insertLocal(record, createdAt: Timestamp(millisecondsSince1970: 0)) }
    }
}
