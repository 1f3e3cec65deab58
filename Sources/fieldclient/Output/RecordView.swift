import Foundation
import SyncModel

/// A record as `list`, `show` and `households` print it, in text and stable JSON.
struct RecordView: Encodable, Hashable, Sendable {
    /// The full id.
    var id: String
    /// The collection.
    var collection: String
    /// The survey id, for responses.
    var survey: String?
    /// The survey version, for responses.
    var surveyVersion: Int?
    /// The owner.
    var owner: String
    /// `draft` or `final`, for responses.
    var status: String?
    /// The household id, for responses.
    var household: String?
    /// When the interview started, milliseconds since 1970.
    var createdAt: Int64?
    /// Whether the record is shown as deleted (also when it was erased).
    var deleted: Bool
    /// The erasure, when the record was erased: it has no values left.
    var erased: Erasure?
    /// Whether local changes wait for sync.
    var pending: Bool
    /// The server's message if it rejected the last push.
    var rejection: String?
    /// The shown values, by field; metadata fields starting with `_` are left out.
    var values: [String: FieldValue]
    /// Open conflicts.
    var conflicts: [ConflictView]
    /// For doors: the derived status (``DoorStatus`` code).
    var doorStatus: String?
    /// For doors: every visit, withdrawn ones too, newest first.
    var visits: [Visit]?
    /// For responses: the review state (``ReviewState`` code).
    var review: String?
    /// For responses: the review messages, oldest first.
    var reviewMessages: [ReviewMessage]?

    /// The view of a stored record.
    init(_ stored: StoredRecord) {
        let record = stored.record
        id = LocalStore.key(record.id)
        collection = record.collection
        survey = record.survey
        surveyVersion = record.surveyVersion
        owner = record.owner
        status = record.value(of: ResponseField.status)?.stringValue
        household = record.value(of: ResponseField.household)?.stringValue
        if case .integer(let value) = record.value(of: ResponseField.createdAt) { createdAt = value }
        deleted = record.isDeleted || record.isErased
        erased = record.erasure
        pending = stored.isPending
        rejection = stored.rejection
        values = record.ownValues.filter { !$0.key.hasPrefix("_") }
        conflicts = record.conflicts.map(ConflictView.init)
        if record.collection == RecordCollection.households {
            let log = VisitLog(record)
            doorStatus = log.status.rawValue
            visits = log.visits
        } else {
            let thread = ReviewThread(record)
            review = thread.state.rawValue
            reviewMessages = thread.messages
        }
    }

    /// For doors: the visits that count, newest first.
    var countedVisits: [Visit] { (visits ?? []).filter { !$0.isWithdrawn } }

    /// The first 8 characters of the id.
    var shortID: String { String(id.prefix(8)) }

    /// The header of `list`'s table, in the language of `texts`.
    static func listHeader(_ texts: Texts) -> [String] {
        ["list.column.id", "list.column.survey", "list.column.status", "list.column.started", "list.column.owner", "list.column.notes"]
            .map { texts($0) }
    }

    /// The row of `list`'s table, in the language of `texts`.
    func listRow(_ texts: Texts) -> [String] {
        var flags: [String] = []
        if let erased {
            flags.append(erased.reasonText(in: texts.catalog))
        } else if deleted {
            flags.append(texts("list.flag.deleted"))
        }
        if pending { flags.append(texts("list.flag.unsynced")) }
        if !conflicts.isEmpty { flags.append(texts("list.flag.conflicts", ["count": String(conflicts.count)])) }
        if rejection != nil { flags.append(texts("list.flag.rejected")) }
        if let review, review != ReviewState.none.rawValue { flags.append(texts("review.state." + review)) }
        let created = createdAt.map { texts.time(Timestamp(millisecondsSince1970: $0)) } ?? ""
        let surveyText: String = (survey ?? "-") + " v" + String(surveyVersion ?? 0)
        let statusText: String = status.map { texts("status." + $0) } ?? "-"
        return [shortID, surveyText, statusText, created, owner, flags.joined(separator: ", ")]
    }
}
