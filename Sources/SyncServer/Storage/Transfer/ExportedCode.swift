import Foundation
import SyncModel

/// An enrollment code as stored: its hash, what it enrolls, and whether it was used.
struct ExportedCode: Sendable {
    /// The code and what it enrolls.
    var code: NewEnrollmentCode
    /// When it was used; nil while unused.
    var usedAt: Timestamp?
    /// The device it enrolled.
    var deviceID: String?

    /// The `enrollment_codes` columns of ``values``, in order.
    static let columns = "code_hash, cohort, participant, role, created_at, expires_at, created_by, used_at, device_id"

    /// The values of ``columns``.
    var values: [StoreValue] {
        [
            .blob(code.codeHash), .text(code.cohort), .text(code.participant), .text(code.role.rawValue),
            .int(code.createdAt.millisecondsSince1970), .int(code.expiresAt.millisecondsSince1970), .text(code.createdBy),
            StoreValue(usedAt?.millisecondsSince1970), StoreValue(deviceID),
        ]
    }
}

extension ExportedCode {
    /// The code in a row of ``columns``; nil when its role is not one this build reads.
    init?(row: StoreRow) throws {
        guard let role = Role(rawValue: try row.text(3)) else { return nil }
        code = NewEnrollmentCode(
            codeHash: try row.blob(0), cohort: try row.text(1), participant: try row.text(2), role: role,
            createdAt: try row.time(4), expiresAt: try row.time(5), createdBy: try row.text(6))
        usedAt = try row.optionalInt(7).map(Timestamp.init(millisecondsSince1970:))
        deviceID = try row.optionalText(8)
    }
}
