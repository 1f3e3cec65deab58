/// The door list as rows of a spreadsheet: one row per door that is not deleted, with its
/// address, its derived status (``VisitLog/status``, `not-visited` without a visit), the last
/// visit that counts (who, the note, when), how many visits count, when the door last changed,
/// and how many interviews were held there.
public struct HouseholdExporter: Sendable {
    /// The column names, in order.
    public static let columns = [
        "id", "street", "houseNumber", "postcode", "city", "note", "status", "visitedBy", "visitNote", "lastVisit", "visits",
        "updated", "interviews",
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
            let door = ResponseField.doorKey(record.value(of: ResponseField.household))
        else { return }
        interviews[door, default: 0] += 1
    }

    /// Whether `record` is a door that is exported.
    public func includes(_ record: Record) -> Bool {
        record.collection == RecordCollection.households && !record.isDeleted && !record.isErased
    }

    /// The columns headed in the reader's language, `catalog`'s (`workbook.heading.<column>`); the
    /// German and English headings of the address columns are those the door-list import reads.
    public static func headings(catalog: MessageCatalog) -> [String] {
        columns.map { catalog.text("workbook.heading.\($0)") }
    }

    /// The typed cells of one door, matching ``columns``; the status is said in `catalog`'s language.
    public func cells(for door: Record, catalog: MessageCatalog) -> [ExportCell] {
        func text(_ field: String) -> ExportCell {
            guard let value = door.value(of: field), !value.isNull else { return .empty }
            let text = ResponseExporter.text(value)
            return text.isEmpty ? .empty : .text(text)
        }
        let id = door.id.uuidString.lowercased()
        let log = VisitLog(door)
        let last = log.lastVisit
        func optional(_ text: String?) -> ExportCell { text.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
        return [
            .text(id), text(HouseholdField.street), text(HouseholdField.houseNumber), text(HouseholdField.postcode),
            text(HouseholdField.city), text(HouseholdField.note), .text(catalog.label(of: log.status.rawValue, under: "doorStatus.")),
            optional(last?.by), optional(last?.note), last.map { ExportCell.timestamp($0.at) } ?? .empty,
            .number(Double(log.counted.count)),
            door.lastModified.map(ExportCell.timestamp) ?? .empty, .number(Double(interviews[id] ?? 0)),
        ]
    }
}
