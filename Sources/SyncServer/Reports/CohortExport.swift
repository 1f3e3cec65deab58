import Foundation
import Hummingbird
import Spreadsheet
import SyncModel

/// A checked export request: the survey and format are known before the first byte is sent,
/// so that bad input is answered with a 4xx and not with a broken stream.
struct CohortExport<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// The cohort.
    let cohort: String
    /// The newest version of the exported survey.
    let survey: SurveyDefinition
    /// The text format; nil for an XLSX workbook.
    let format: ExportFormat?
    /// Set for a pseudonymized export; nil for the full one.
    let pseudonymization: ExportPseudonymization?
    /// The audit event to record once the export is written, without its record count.
    let audit: AuditEvent
    /// The reader's language, for a workbook's sheet names, headings and statuses.
    let language: Language

    /// The format's name, for logs: csv, json, geojson or xlsx.
    var formatName: String { format?.rawValue ?? XLSXWorkbookWriter.fileExtension }

    /// Checks `format`, `survey` and `pseudonymize` (query values; nil when absent) against the cohort's
    /// published surveys. Without `survey`, the cohort's only survey is exported. `audit` is the event to
    /// record (its format, survey, pseudonymized and record count are filled in here and when written);
    /// `random` makes the pseudonym secret on first use; `language` is the reader's.
    static func prepare(
        store: Store, cohort: String, format: String?, survey: String?, pseudonymize: String?, audit: AuditEvent,
        random: any RandomSource, language: Language
    ) async throws -> CohortExport {
        let pseudonymized = try parseFlag(pseudonymize)
        let formats = (ExportFormat.allCases.map(\.rawValue) + [XLSXWorkbookWriter.fileExtension]).joined(separator: ", ")
        guard let format else {
            throw APIError.invalidParameter("Name the export format with ?format=, one of \(formats).")
        }
        let chosen = ExportFormat(rawValue: format.lowercased())
        guard chosen != nil || format.lowercased() == XLSXWorkbookWriter.fileExtension else {
            throw APIError.invalidParameter("Unknown export format '\(format.prefix(40))'. Use one of \(formats).")
        }
        var newest: [String: SurveyDefinition] = [:]
        for published in try await store.surveys(cohort: cohort) {
            let definition = published.definition
            if (newest[definition.id]?.version ?? 0) < definition.version { newest[definition.id] = definition }
        }
        let known = newest.keys.sorted().joined(separator: ", ")
        let definition: SurveyDefinition
        if let survey {
            guard let found = newest[survey] else {
                throw APIError.notFound(
                    newest.isEmpty
                        ? "Cohort '\(cohort)' has no published survey; publish one first."
                        : "Cohort '\(cohort)' has no survey '\(survey.prefix(60))'. Published: \(known).")
            }
            definition = found
        } else {
            guard newest.count == 1, let only = newest.values.first else {
                throw APIError.invalidParameter(
                    newest.isEmpty
                        ? "Cohort '\(cohort)' has no published survey; publish one first."
                        : "Cohort '\(cohort)' has several surveys; name one with &survey=, one of \(known).")
            }
            definition = only
        }
        var event = audit
        event.details["format"] = chosen?.rawValue ?? XLSXWorkbookWriter.fileExtension
        event.details["survey"] = definition.id
        event.details["pseudonymized"] = pseudonymized ? "yes" : "no"
        let pseudonymization = pseudonymized
            ? try await ParticipantPseudonyms.make(store: store, cohort: cohort, random: random).pseudonymization : nil
        return CohortExport(
            store: store, cohort: cohort, survey: definition, format: chosen, pseudonymization: pseudonymization,
            audit: event, language: language)
    }

    /// The `pseudonymize` query value as a flag: absent, `false`, `0` or `no` for the full export; `true`, `1` or `yes`.
    static func parseFlag(_ value: String?) throws -> Bool {
        switch value?.lowercased() {
        case nil, "false", "0", "no": return false
        case "true", "1", "yes": return true
        case let other?:
            throw APIError.invalidParameter(
                "'\(other.prefix(20))' is not a value of ?pseudonymize=; use true for the pseudonymized export or leave it out.")
        }
    }

    /// Records the audit event with the number of exported responses.
    private func recordAudit(records: Int) async throws {
        var event = audit
        event.details["records"] = String(records)
        try await store.recordAudit(event)
    }

    /// A streaming response: the header, then one write per page of the change feed, then the
    /// footer. Each record is written once, in the state first read.
    func response() -> Response {
        guard let format else {
            return CohortWorkbook(store: store, cohort: cohort, language: language).responses(
                survey: survey, pseudonymization: pseudonymization, finished: recordAudit(records:))
        }
        let fileName = format.fileName(survey: survey.id)
        let reader = CohortRecordReader(store: store, cohort: cohort)
        let exporter = ResponseExporter(format: format, survey: survey, pseudonymization: pseudonymization)
        return Response(
            status: .ok,
            headers: [
                .contentType: format.contentType,
                .contentDisposition: "attachment; filename=\"\(fileName)\"",
                .cacheControl: "no-store",
            ],
            body: ResponseBody { writer in
                var exporter = exporter
                var seen = Set<UUID>()
                try await writer.write(ByteBuffer(bytes: exporter.header()))
                try await reader.forEachPage { page in
                    var chunk = Data()
                    for record in page where seen.insert(record.id).inserted {
                        chunk.append(exporter.chunk(for: record))
                    }
                    if !chunk.isEmpty { try await writer.write(ByteBuffer(bytes: chunk)) }
                }
                try await writer.write(ByteBuffer(bytes: exporter.footer()))
                try await recordAudit(records: exporter.count)
                try await writer.finish(nil)
            })
    }
}
