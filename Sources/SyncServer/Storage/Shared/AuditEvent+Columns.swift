import Foundation
import SyncModel

extension AuditEvent {
    /// `details` as stored in the `details` column: a JSON object with sorted keys.
    var detailsColumn: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The `audit_events` columns of ``values``, in order.
    static let columns = "at, actor_kind, actor, cohort, kind, details"

    /// The values of ``columns``.
    var values: [StoreValue] {
        [
            .int(time.millisecondsSince1970), .text(actorKind.rawValue), .text(actor), StoreValue(cohort),
            .text(kind.rawValue), .text(detailsColumn),
        ]
    }

    /// The event in a row of ``columns``; nil for one whose actor kind or kind this build does not know.
    init?(row: StoreRow) throws {
        guard let actorKind = AuditActorKind(rawValue: try row.text(1)), let kind = AuditEventKind(rawValue: try row.text(4))
        else { return nil }
        let decoded = (try? JSONDecoder().decode([String: String].self, from: Data(try row.text(5).utf8))) ?? [:]
        self.init(
            time: try row.time(0), actorKind: actorKind, actor: try row.text(2), cohort: try row.optionalText(3), kind: kind,
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
