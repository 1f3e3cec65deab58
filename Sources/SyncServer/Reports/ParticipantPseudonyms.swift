import Crypto
import Foundation
import SyncModel

/// Participants' pseudonyms in a cohort's exports: `P-` and the first 6 hex digits of
/// HMAC-SHA256(server secret, cohort NUL name), so the same participant gets the same pseudonym in every export of
/// the cohort, and without the secret (kept in the database's `meta`, never exported or logged) no name can be
/// recovered from it.
struct ParticipantPseudonyms: Sendable {
    /// The server's secret (32 bytes).
    let secret: Data
    /// The cohort.
    let cohort: String

    /// The pseudonyms of `cohort`, with the store's secret (made from `random` on first use).
    static func make(store: some RecordStore, cohort: String, random: any RandomSource) async throws -> ParticipantPseudonyms {
        ParticipantPseudonyms(secret: try await store.pseudonymSecret(random: random), cohort: cohort)
    }

    /// The pseudonym of `participant`, e.g. `P-3F9A1C`.
    func pseudonym(of participant: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((cohort + "\u{0}" + participant).utf8), using: SymmetricKey(data: secret))
        return "P-" + code.prefix(3).map { String(format: "%02X", $0) }.joined()
    }

    /// The export rule that uses these pseudonyms.
    var pseudonymization: ExportPseudonymization {
        let pseudonyms = self
        return ExportPseudonymization { pseudonyms.pseudonym(of: $0) }
    }
}
