import Foundation
import SyncModel

extension AuditEvent {
    /// `details` as stored in the `details` column: a JSON object with sorted keys.
    var detailsColumn: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// An event from its columns; nil for a row whose actor kind or kind this build does not know.
    init?(at: Int64, actorKind: String, actor: String, cohort: String?, kind: String, details: String) {
        guard let actorKind = AuditActorKind(rawValue: actorKind), let kind = AuditEventKind(rawValue: kind) else {
            return nil
        }
        let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(details.utf8))) ?? [:]
        self.init(
            time: Timestamp(millisecondsSince1970: at), actorKind: actorKind, actor: actor, cohort: cohort, kind: kind,
            details: decoded)
    }
}

extension StoreRules {
    /// The `meta` key of the secret behind participants' pseudonyms in exports; never exported or logged.
    static var pseudonymSecretKey: String { "pseudonym_secret" }

    /// The pseudonym secret as stored in `meta` (hex), made from 32 bytes of `random`.
    static func makePseudonymSecret(random: any RandomSource) -> String {
        random.bytes(32).map { String(format: "%02x", $0) }.joined()
    }

    /// The secret's bytes from its stored hex form; nil when the stored text is not 64 hex digits.
    static func pseudonymSecret(fromHex text: String) -> Data? {
        guard text.utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return Data(bytes)
    }
}
