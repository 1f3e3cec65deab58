import Crypto
import Foundation
import GRDB

extension LocalStore {
    /// Whether the store is encrypted, plain, or not decided yet (a new store before `join`).
    enum EncryptionMode: Sendable, Equatable {
        /// No `encryption` row yet: a new store.
        case undecided
        /// `join --no-encryption`, or joined before encryption existed.
        case plain
        /// Encrypted.
        case encrypted(StoreKeyEnvelope)
    }

    /// The store's encryption mode.
    func encryptionMode() throws -> EncryptionMode {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT scheme FROM encryption WHERE id = 1") else { return .undecided }
            if (row["scheme"] as String) == "none" { return .plain }
            guard let envelope = try Self.fetchEnvelope(db) else {
                throw StoreOpenError.corrupted(path: writer.path, detail: "unknown encryption scheme")
            }
            return .encrypted(envelope)
        }
    }

    /// The encryption row of an encrypted store, or nil for a plain or new one.
    static func fetchEnvelope(_ db: Database) throws -> StoreKeyEnvelope? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM encryption WHERE id = 1"),
            (row["scheme"] as String) == Self.encryptionScheme
        else { return nil }
        guard let logN = row["kdf_log_n"] as Int?, let blockSize = row["kdf_block_size"] as Int?,
            let parallelism = row["kdf_parallelism"] as Int?, let salt = row["salt"] as Data?,
            let wrapped = row["wrapped_key"] as Data?, let check = row["key_check"] as Data?
        else {
            throw StoreOpenError.corrupted(path: db.configuration.label ?? "store", detail: "incomplete encryption row")
        }
        return StoreKeyEnvelope(
            storeID: row["store_id"], parameters: ScryptParameters(logN: logN, blockSize: blockSize, parallelism: parallelism),
            salt: salt, wrappedKey: wrapped, keyCheck: check)
    }

    /// The scheme name of encrypted stores.
    static let encryptionScheme = "aes-256-gcm/scrypt"

    /// Records that the store is encrypted under `envelope` (new stores, and a changed passphrase).
    func saveEncryption(_ envelope: StoreKeyEnvelope) throws {
        try writer.write { db in try Self.saveEncryption(envelope, db: db) }
    }

    /// Records the encryption row in an open transaction.
    static func saveEncryption(_ envelope: StoreKeyEnvelope, db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO encryption
                (id, scheme, store_id, kdf_log_n, kdf_block_size, kdf_parallelism, salt, wrapped_key, key_check)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                encryptionScheme, envelope.storeID, envelope.parameters.logN, envelope.parameters.blockSize,
                envelope.parameters.parallelism, envelope.salt, envelope.wrappedKey, envelope.keyCheck,
            ])
    }

    /// Records that the store stays plain (`join --no-encryption`).
    func savePlainMode() throws {
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO encryption (id, scheme, store_id) VALUES (1, 'none', ?)",
                arguments: [UUID().uuidString.lowercased()])
        }
    }

    /// Whether the store is encrypted.
    var isEncrypted: Bool {
        if case .plain = sealing { return false }
        return true
    }

    /// The device token as kept in the store: plain, or sealed (see `sealedText`).
    func tokenValue(_ token: String) throws -> String {
        try sealedText(token, context: StoreCipher.tokenContext)
    }

    /// The device token from its stored form.
    func token(from stored: String) throws -> String {
        try openText(stored, context: StoreCipher.tokenContext, owner: "device")
    }

    /// The server's rejection message of record `key` as kept in the store (it may quote an answer).
    func rejectionValue(_ message: String, key: String) throws -> String {
        try sealedText(message, context: StoreCipher.rejectionContext(key))
    }

    /// The rejection message of record `key` from its stored form.
    func rejection(from stored: String?, key: String) throws -> String? {
        try stored.map { try openText($0, context: StoreCipher.rejectionContext(key), owner: key) }
    }

    /// `text` for a TEXT column: as it is in a plain store, else sealed, base64-encoded, with a prefix.
    func sealedText(_ text: String, context: String) throws -> String {
        switch sealing {
        case .plain: return text
        case .sealed(let cipher):
            return Self.sealedTextPrefix + (try cipher.seal(Data(text.utf8), context: context)).base64EncodedString()
        case .locked: throw StoreLockedError()
        }
    }

    /// The text of a TEXT column written by `sealedText`; `DamagedRecordError(id: owner)` when it cannot be opened.
    func openText(_ stored: String, context: String, owner: String) throws -> String {
        switch sealing {
        case .plain:
            return stored
        case .sealed(let cipher):
            guard stored.hasPrefix(Self.sealedTextPrefix),
                let sealed = Data(base64Encoded: String(stored.dropFirst(Self.sealedTextPrefix.count))),
                let plain = try? cipher.open(sealed, context: context)
            else { throw DamagedRecordError(id: owner) }
            return String(decoding: plain, as: UTF8.self)
        case .locked:
            throw StoreLockedError()
        }
    }

    private static let sealedTextPrefix = "sealed:"
}
