import Foundation
import SyncModel

/// Fixed replica ids and helpers that make record tests read like the scenarios they describe.
enum TestReplicas {
    /// Anna's laptop.
    static let anna = ReplicaID(high: 0xA, low: 1)
    /// Ben's laptop.
    static let ben = ReplicaID(high: 0xB, low: 2)
    /// The trainer's laptop; its id is the largest, so it wins timestamp ties.
    static let trainer = ReplicaID(high: 0xF, low: 3)

    /// A fixed record id.
    static let recordID = UUID(uuidString: "6F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0")!

    /// A new empty response record owned by Anna.
    static func response() -> Record {
        Record(
            id: recordID, collection: RecordCollection.responses, cohort: "quartier-2026", survey: "nachbarschaft-2026",
            surveyVersion: 1, owner: "anna")
    }

    /// A timestamp `ms` milliseconds after a fixed day.
    static func at(_ ms: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: 1_790_000_000_000 + ms)
    }
}
