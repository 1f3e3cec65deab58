/// The door list as rows of a spreadsheet: one row per door that is not deleted, with its
/// address, its status (the latest visit's outcome, or `not-visited`), who visited, the visit
/// note, when the door last changed, and how many interviews were held there.
public struct HouseholdExporter: Sendable {
    /// The column names, in order.
    public static let columns = [
        "id", "street", "houseNumber", "postcode", "note", "status", "visitedBy", "visitNote", "updated", "interviews",
    ]
    /// The status of a door without a visit.
    public static let notVisited = "not-visited"

    /// Interviews per household id, counted from the responses.
    public private(set) var interviews: [String: Int] = [:]

    /// Creates an exporter with no interviews counted yet.
    public init() {}

    /// Counts `record` as an interview at its household when it is a response that is not deleted.
    public mutating func count(_ record: Record) {
        guard record.collection == RecordCollection.responses, !record.isDeleted, !record.isErased,
            let household = record.value(of: ResponseField.household)?.stringValue
        else { return }
        interviews[household.lowercased(), default: 0] += 1
    }

    /// Whether `record` is a door that is exported.
    public func includes(_ record: Record) -> Bool {
        record.collection == RecordCollection.households && !record.isDeleted && !record.isErased
    }

    /// The typed cells of one door, matching ``columns``.
    public func cells(for door: Record) -> [ExportCell] {
        func text(_ field: String) -> ExportCell {
            guard let value = door.value(of: field), !value.isNull else { return .empty }
            let text = ResponseExporter.text(value)
            return text.isEmpty ? .empty : .text(text)
        }
        let id = door.id.uuidString.lowercased()
        let outcome = door.value(of: HouseholdField.outcome)?.stringValue
        return [
            .text(id), text(HouseholdField.street), text(HouseholdField.houseNumber), text(HouseholdField.postcode),
            text(HouseholdField.note), .text(outcome.flatMap { $0.isEmpty ? nil : $0 } ?? Self.notVisited),
            text(HouseholdField.visitedBy), text(HouseholdField.visitNote),
            door.lastModified.map(ExportCell.timestamp) ?? .empty, .number(Double(interviews[id] ?? 0)),
        ]
    }
}
