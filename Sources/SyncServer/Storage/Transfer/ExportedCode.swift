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
}
