import Foundation

/// Every user-facing text of the store encryption (join's passphrase, unlock, lock, passphrase,
/// encrypt, locked and damaged stores), German and English side by side, keyed, so that the
/// message catalogs can take them over. The language: `FIELDCLIENT_LANG`, `LC_ALL`, `LC_MESSAGES`,
/// `LANG` (the first one set); German when it starts with `de`, else English.
enum EncryptionTexts {
    /// The two interface languages.
    enum Language: Sendable { case german, english }

    /// The language from the environment.
    static func language(environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for name in ["FIELDCLIENT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("de") ? .german : .english
            }
        }
        return .english
    }

    /// The text `key` in the environment's language, with `{name}` placeholders filled from `values`.
    static func text(_ key: Key, _ values: [String: String] = [:], language: Language = language()) -> String {
        let (german, english) = key.versions
        var text = language == .german ? german : english
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The keys; each has a German and an English version.
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

        /// (German, English).
        var versions: (String, String) {
            switch self {
            case .promptNewPassphrase:
                return ("Neue Passphrase für den Speicher dieses Geräts (mindestens 8 Zeichen): ",
                        "New passphrase for this device's store (at least 8 characters): ")
            case .promptRepeatPassphrase:
                return ("Passphrase wiederholen: ", "Repeat the passphrase: ")
            case .promptPassphrase:
                return ("Passphrase des Speichers: ", "Passphrase of the store: ")
            case .promptCurrentPassphrase:
                return ("Bisherige Passphrase: ", "Current passphrase: ")
            case .passphrasesDiffer:
                return ("Die beiden Passphrasen sind verschieden. Nichts wurde geändert; bitte noch einmal.",
                        "The two passphrases differ. Nothing was changed; please try again.")
            case .passphraseTooShort:
                return ("Die Passphrase ist zu kurz: mindestens 8 Zeichen, besser ein kurzer Satz. Nichts wurde geändert.",
                        "The passphrase is too short: at least 8 characters, better a short sentence. Nothing was changed.")
            case .passphraseMissingForJoin:
                return ("Der Speicher wird verschlüsselt und braucht eine Passphrase. Ohne Terminal: FIELDCLIENT_PASSPHRASE "
                        + "oder --passphrase-file DATEI angeben (oder, nur wenn die Festplatte selbst verschlüsselt ist, "
                        + "--no-encryption). Nichts wurde geändert.",
                        "The store is encrypted and needs a passphrase. Without a terminal, give FIELDCLIENT_PASSPHRASE "
                        + "or --passphrase-file FILE (or, only when the disk itself is encrypted, --no-encryption). "
                        + "Nothing was changed.")
            case .passphraseFileUnreadable:
                return ("Die Passphrase-Datei {path} kann nicht gelesen werden oder ist leer. Pfad und Rechte prüfen.",
                        "The passphrase file {path} cannot be read or is empty. Check the path and its permissions.")
            case .wrongPassphrase:
                return ("Die Passphrase ist falsch. Nichts wurde geändert. {lost}",
                        "The passphrase is wrong. Nothing was changed. {lost}")
            case .storeLocked:
                return ("Der Speicher {path} ist verschlüsselt und gesperrt. 'fieldclient unlock' einmal am Tag eingeben "
                        + "(oder FIELDCLIENT_PASSPHRASE bzw. --passphrase-file angeben). Nichts wurde geändert.",
                        "The store {path} is encrypted and locked. Run 'fieldclient unlock' once a day "
                        + "(or give FIELDCLIENT_PASSPHRASE or --passphrase-file). Nothing was changed.")
            case .lostPassphraseHelp:
                return ("Passphrase vergessen? Was synchronisiert wurde, liegt auf dem Server; nicht synchronisierte Arbeit "
                        + "auf diesem Gerät ist verloren. Neuen Code bei der Kursleitung holen und 'fieldclient join' mit "
                        + "einem neuen Speicher (--store) ausführen.",
                        "Passphrase lost? What was synced is on the server; this device's unsynced work is lost. Ask your "
                        + "trainer for a new code and run 'fieldclient join' with a new store (--store).")
            case .storeDamagedKey:
                return ("Der Schlüssel des Speichers {path} ist beschädigt. Nichts wurde geändert. Die Datei für die "
                        + "Kursleitung aufheben und mit 'fieldclient join' einen neuen Speicher anlegen.",
                        "The key of the store {path} is damaged. Nothing was changed. Keep the file for your trainer "
                        + "and create a new store with 'fieldclient join'.")
            case .recordDamaged:
                return ("Datensatz {id} ist im Speicher beschädigt (er lässt sich nicht entschlüsseln). Die anderen "
                        + "Datensätze sind nicht betroffen; 'fieldclient sync' holt ihn vom Server zurück, wenn er "
                        + "synchronisiert war.",
                        "Record {id} is damaged in the store (it cannot be decrypted). The other records are not "
                        + "affected; 'fieldclient sync' restores it from the server when it was synced.")
            case .recordsDamagedNote:
                return ("Beschädigt und übersprungen: {ids}. 'fieldclient sync' holt synchronisierte Datensätze vom Server zurück.",
                        "Damaged and skipped: {ids}. 'fieldclient sync' restores synced records from the server.")
            case .unlocked:
                return ("Entsperrt für {duration}: Befehle fragen bis dahin nicht nach der Passphrase. 'fieldclient lock' sperrt früher.",
                        "Unlocked for {duration}: commands will not ask for the passphrase until then. 'fieldclient lock' locks earlier.")
            case .unlockedNoKeyring:
                return ("Die Passphrase stimmt, aber dieses System hat keinen Schlüsselbund ({detail}); jeder Befehl fragt "
                        + "daher nach der Passphrase.",
                        "The passphrase is right, but this system has no keyring ({detail}); every command will ask "
                        + "for the passphrase.")
            case .keyringUnavailable:
                return ("kein Kernel-Schlüsselbund", "no kernel keyring")
            case .locked:
                return ("Gesperrt: der Schlüssel ist aus dem Schlüsselbund entfernt.",
                        "Locked: the key was removed from the keyring.")
            case .notLocked:
                return ("Nichts zu sperren: der Schlüssel war nicht im Schlüsselbund.",
                        "Nothing to lock: the key was not in the keyring.")
            case .plainStoreNothingToUnlock:
                return ("Der Speicher {path} ist NICHT verschlüsselt; es gibt nichts zu entsperren. "
                        + "'fieldclient encrypt' verschlüsselt ihn.",
                        "The store {path} is NOT encrypted; there is nothing to unlock. 'fieldclient encrypt' encrypts it.")
            case .passphraseChanged:
                return ("Die Passphrase ist geändert. Der Schlüssel im Schlüsselbund (falls entsperrt) bleibt gültig.",
                        "The passphrase was changed. The key in the keyring (when unlocked) stays valid.")
            case .passphraseSame:
                return ("Die neue Passphrase ist die alte. Nichts wurde geändert.",
                        "The new passphrase is the old one. Nothing was changed.")
            case .encrypted:
                return ("Der Speicher {path} ist jetzt verschlüsselt ({count} Datensätze). Die alte, unverschlüsselte Datei "
                        + "wurde überschrieben und gelöscht.",
                        "The store {path} is now encrypted ({count} records). The old plain file was overwritten and removed.")
            case .alreadyEncrypted:
                return ("Der Speicher {path} ist schon verschlüsselt. Nichts wurde geändert.",
                        "The store {path} is already encrypted. Nothing was changed.")
            case .notJoinedYet:
                return ("Dieses Gerät ist noch keinem Kurs beigetreten; zuerst 'fieldclient join SERVER_URL CODE'.",
                        "This device has not joined a cohort yet; run 'fieldclient join SERVER_URL CODE' first.")
            case .statusPlainStore:
                return ("ACHTUNG: Der Speicher ist NICHT verschlüsselt (join --no-encryption). 'fieldclient encrypt' verschlüsselt ihn.",
                        "WARNING: The store is NOT encrypted (join --no-encryption). 'fieldclient encrypt' encrypts it.")
            case .statusEncryptedStore:
                return ("Speicher:         verschlüsselt (AES-GCM, Passphrase mit scrypt)",
                        "Store encryption: encrypted (AES-GCM, passphrase via scrypt)")
            case .badDuration:
                return ("'{value}' ist keine Dauer. Zum Beispiel 8h, 90m oder 1h30m (höchstens 24h).",
                        "'{value}' is not a duration. For example 8h, 90m or 1h30m (at most 24h).")
            case .unlockAbstract:
                return ("Den verschlüsselten Speicher für eine Weile entsperren (fragt einmal nach der Passphrase).",
                        "Unlock the encrypted store for a while (asks for the passphrase once).")
            case .unlockDiscussion:
                return ("Der Schlüssel liegt bis zum Ablauf nur im Kernel-Schlüsselbund (Linux), nie auf der Festplatte. "
                        + "Wo es keinen Schlüsselbund gibt (macOS, Windows), fragt jeder Befehl nach der Passphrase.",
                        "The key is kept only in the kernel keyring (Linux) until it expires, never on disk. Where there "
                        + "is no keyring (macOS, Windows), each command asks for the passphrase.")
            case .lockAbstract:
                return ("Den Speicher sofort wieder sperren (entfernt den Schlüssel aus dem Schlüsselbund).",
                        "Lock the store now (removes the key from the keyring).")
            case .passphraseAbstract:
                return ("Die Passphrase ändern (nur der Schlüssel wird neu verpackt).",
                        "Change the passphrase (only the key is wrapped again).")
            case .encryptAbstract:
                return ("Einen unverschlüsselten Speicher verschlüsseln.", "Encrypt a plain store.")
            case .encryptDiscussion:
                return ("Schreibt eine verschlüsselte Kopie, ersetzt die alte Datei erst, wenn die Kopie vollständig auf der "
                        + "Festplatte ist, und überschreibt die alte Datei vor dem Löschen. Auf SSDs kann das Überschreiben "
                        + "alte Blöcke nicht sicher löschen (siehe docs/CLIENT-STORE.md).",
                        "Writes an encrypted copy, replaces the old file only once the copy is complete on disk, and "
                        + "overwrites the old file before removing it. On SSDs overwriting cannot reliably erase old blocks "
                        + "(see docs/CLIENT-STORE.md).")
            case .noEncryptionHelp:
                return ("Einen UNVERSCHLÜSSELTEN Speicher anlegen (nur, wenn die Festplatte selbst verschlüsselt ist).",
                        "Create an UNENCRYPTED store (only when the disk itself is encrypted).")
            case .passphraseFileHelp:
                return ("Die Passphrase aus der ersten Zeile dieser Datei lesen (für Skripte; sonst FIELDCLIENT_PASSPHRASE).",
                        "Read the passphrase from the first line of this file (for scripts; else FIELDCLIENT_PASSPHRASE).")
            case .passphraseDiscussion:
                return ("Skripte: die bisherige Passphrase in FIELDCLIENT_PASSPHRASE oder --passphrase-file, die neue in "
                        + "FIELDCLIENT_NEW_PASSPHRASE oder --new-passphrase-file.",
                        "Scripts: the current passphrase in FIELDCLIENT_PASSPHRASE or --passphrase-file, the new one in "
                        + "FIELDCLIENT_NEW_PASSPHRASE or --new-passphrase-file.")
            case .newPassphraseFileHelp:
                return ("Die neue Passphrase aus der ersten Zeile dieser Datei (für Skripte).",
                        "The new passphrase, first line of this file (for scripts).")
            case .newPassphraseMissing:
                return ("Die neue Passphrase fehlt: FIELDCLIENT_NEW_PASSPHRASE oder --new-passphrase-file angeben, oder den "
                        + "Befehl in einem Terminal ausführen. Nichts wurde geändert.",
                        "Give the new passphrase in FIELDCLIENT_NEW_PASSPHRASE or --new-passphrase-file, or run this command "
                        + "in a terminal. Nothing was changed.")
            case .overviewDiscussion:
                return ("Der Speicher ist verschlüsselt (AES-GCM, Schlüssel mit der Passphrase verpackt): 'fieldclient unlock' "
                        + "einmal am Tag legt den Schlüssel in den Kernel-Schlüsselbund (Linux), damit andere Befehle nicht "
                        + "fragen; ohne Schlüsselbund fragt jeder Befehl. Skripte geben die Passphrase in "
                        + "FIELDCLIENT_PASSPHRASE oder --passphrase-file.",
                        "The store is encrypted (AES-GCM under a key wrapped with your passphrase): 'fieldclient unlock' once "
                        + "a day keeps the key in the kernel keyring (Linux) so that other commands do not ask; without a "
                        + "keyring each command asks. Scripts give the passphrase in FIELDCLIENT_PASSPHRASE or "
                        + "--passphrase-file.")
            case .forHelp:
                return ("Wie lange entsperrt bleiben, z.B. 8h, 90m (Standard 8h, höchstens 24h).",
                        "How long to stay unlocked, e.g. 8h, 90m (default 8h, at most 24h).")
            }
        }
    }
}
