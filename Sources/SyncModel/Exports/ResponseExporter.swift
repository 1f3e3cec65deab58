import Foundation

/// Writes the responses to one survey as CSV, JSON or GeoJSON, one piece at a time, so that
/// callers can stream an export page by page without holding it whole.
///
/// Call ``header()`` once, ``chunk(for:)`` for every record (in any order; records that are
/// not exported give empty data), then ``footer()``. Exported are the responses to
/// `survey.id`, of any version, that are not deleted; answers are the shown values, so a
/// field with an open conflict exports its winning sibling. Columns follow the newest
/// definition passed in; answers of older versions under the same question name fill them.
///
/// CSV (RFC 4180, UTF-8 without BOM, CRLF): the metadata columns `id`, `participant`,
/// `created`, `updated`, `status`, `household`, `review` (the review state's label, see
/// ``reviewLabel(_:)``), then one column per question in order; a
/// `select_multiple` question has its raw answer (choice names separated by spaces, as in
/// ODK) followed by one `question/choice` column per choice holding 1 or 0 (empty when
/// unanswered). A geopoint is `latitude longitude [altitude [accuracy]]`. Should a question
/// share a metadata column's name, that metadata column is called `_name` instead. A text a
/// spreadsheet would run as a formula starts with `'` (``CSVEncoding/isFormulaLike(_:)``).
///
/// JSON: an array of ``ExportedResponse`` objects. GeoJSON: a FeatureCollection of
/// ``GeoJSONFeature``s, one per response with a location; responses without one are left out.
public struct ResponseExporter: Sendable {
    /// The metadata columns of the CSV export, in order.
    public static let metadataColumns = ["id", "participant", "created", "updated", "status", "household", "review"]

    /// The format written.
    public let format: ExportFormat
    /// The survey whose responses are written.
    public let survey: SurveyDefinition
    /// Set for a pseudonymized export: pseudonyms for names, personal questions left out; nil for the full export.
    public let pseudonymization: ExportPseudonymization?
    /// How many responses were written so far.
    public private(set) var count = 0

    private let encoder: JSONEncoder

    /// Creates an exporter of `survey`'s responses in `format`, pseudonymized when `pseudonymization` is given.
    public init(format: ExportFormat, survey: SurveyDefinition, pseudonymization: ExportPseudonymization? = nil) {
        self.format = format
        self.survey = survey
        self.pseudonymization = pseudonymization
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Whether `record` is a response to the survey that is neither deleted nor erased (GeoJSON also leaves
    /// out responses without a location).
    public func includes(_ record: Record) -> Bool {
        record.collection == RecordCollection.responses && record.survey == survey.id && !record.isDeleted
            && !record.isErased
    }

    /// The CSV header's column names.
    public var columns: [String] {
        let names = Set(answerQuestions.map(\.name))
        var columns = Self.metadataColumns.map { names.contains($0) ? "_" + $0 : $0 }
        for question in answerQuestions {
            columns.append(question.name)
            if question.type == .selectMultiple {
                columns += (question.choices ?? []).map { question.name + "/" + $0.name }
            }
        }
        return columns
    }

    /// What comes before the first response: the CSV header row, or the opening of the array.
    public func header() -> Data {
        switch format {
        case .csv: Data(CSVEncoding.row(columns).utf8)
        case .json: Data("[".utf8)
        case .geojson: Data("{\"type\":\"FeatureCollection\",\"features\":[".utf8)
        }
    }

    /// The piece for one record; empty when the record is not exported.
    public mutating func chunk(for record: Record) -> Data {
        guard includes(record) else { return Data() }
        let body: Data
        switch format {
        case .csv:
            body = Data(CSVEncoding.row(row(for: record)).utf8)
        case .json:
            body = encoded(exported(record))
        case .geojson:
            guard let feature = GeoJSONFeature(record: record, survey: survey, pseudonymization: pseudonymization) else {
                return Data()
            }
            body = encoded(feature)
        }
        defer { count += 1 }
        guard format != .csv else { return body }
        return Data((count == 0 ? "\n" : ",\n").utf8) + body
    }

    /// What comes after the last response.
    public func footer() -> Data {
        switch format {
        case .csv: Data()
        case .json: Data((count == 0 ? "]\n" : "\n]\n").utf8)
        case .geojson: Data((count == 0 ? "]}\n" : "\n]}\n").utf8)
        }
    }

    /// The CSV fields of one response, matching ``columns``.
    public func row(for record: Record) -> [String] {
        let response = exported(record)
        var fields = [
            response.id.uuidString.lowercased(), response.participant, response.created ?? "", response.updated ?? "",
            response.status, response.household ?? "", Self.reviewLabel(response.review),
        ]
        for question in answerQuestions {
            let answer = response.answers[question.name]
            fields.append(answer.map(Self.text) ?? "")
            if question.type == .selectMultiple {
                let picked = Self.selection(answer)
                fields += (question.choices ?? []).map { choice in picked.map { $0.contains(choice.name) ? "1" : "0" } ?? "" }
            }
        }
        return fields
    }

    /// The choice names picked in a select_multiple answer; nil when unanswered.
    static func selection(_ answer: FieldValue?) -> Set<String>? {
        switch answer {
        case .array(let items)?: Set(items.compactMap(\.stringValue))
        case .string(let name)?: [name]
        default: nil
        }
    }

    /// The label of review state `code` for the CSV export: German, the course's language (the
    /// XLSX says it in the reader's language, the JSON export keeps the code).
    public static func reviewLabel(_ code: String) -> String {
        MessageCatalog.german.label(of: code, under: "review.state.")
    }

    /// The questions that take an answer, in order; a pseudonymized export leaves out the personal ones.
    var answerQuestions: [Question] {
        survey.questions.filter { $0.type.takesAnswer && !($0.personal && pseudonymization != nil) }
    }

    /// `record` as exported: pseudonymized when the export is.
    func exported(_ record: Record) -> ExportedResponse {
        ExportedResponse(record: record, survey: survey, pseudonymization: pseudonymization)
    }

    private func encoded(_ value: some Encodable) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            // Field values are JSON values and survey bounds are finite, so encoding cannot fail.
            preconditionFailure("Encoding an exported response failed: \(error)")
        }
    }

    /// A CSV cell's text for an answer.
    static func text(_ value: FieldValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .decimal(let value): return String(value)
        case .string(let value): return value
        case .array(let items): return items.map(text).joined(separator: " ")
        case .object(let members):
            if let latitude = members["latitude"], let longitude = members["longitude"] {
                return [latitude, longitude, members["altitude"], members["accuracy"]]
                    .prefix { $0 != nil }.compactMap { $0.map(text) }.joined(separator: " ")
            }
            return members.keys.sorted().map { "\($0)=\(text(members[$0]!))" }.joined(separator: " ")
        }
    }
}
