/// The texts of the store encryption (join's passphrase, unlock, lock, passphrase, encrypt, locked
/// and damaged stores), by key; the sentences are in the message catalogs under `encryption.*`.
enum EncryptionTexts {
    /// The text `key` in the interface language, with `{name}` placeholders filled from `values`.
    static func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        Texts.current("encryption." + key.rawValue, values)
    }

    /// The keys; each names the catalog message `encryption.KEY`.
    enum Key: String, CaseIterable, Sendable {
        case promptNewPassphrase
        case promptRepeatPassphrase
        case promptPassphrase
        case promptCurrentPassphrase
        case passphrasesDiffer
        case passphraseTooShort
        case passphraseMissingForJoin
        case passphraseFileUnreadable
        case wrongPassphrase
        case storeLocked
        case lostPassphraseHelp
        case storeDamagedKey
        case recordDamaged
        case recordsDamagedNote
        case unlocked
        case unlockedNoKeyring
        case keyringUnavailable
        case locked
        case notLocked
        case plainStoreNothingToUnlock
        case passphraseChanged
        case passphraseSame
        case encrypted
        case alreadyEncrypted
        case notJoinedYet
        case statusPlainStore
        case statusEncryptedStore
        case badDuration
        case unlockAbstract
        case unlockDiscussion
        case lockAbstract
        case passphraseAbstract
        case encryptAbstract
        case encryptDiscussion
        case noEncryptionHelp
        case passphraseFileHelp
        case forHelp
        case passphraseDiscussion
        case newPassphraseFileHelp
        case newPassphraseMissing
        case overviewDiscussion
    }
}
