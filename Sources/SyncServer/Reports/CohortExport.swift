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

    /// The format's name, for logs: csv, json, geojson or xlsx.
    var formatName: String { format?.rawValue ?? XLSXWorkbookWriter.fileExtension }

    /// Checks `format` and `survey` (query values; nil when absent) against the cohort's
    /// published surveys. Without `survey`, the cohort's only survey is exported.
    static func prepare(store: Store, cohort: String, format: String?, survey: String?) async throws -> CohortExport {
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
        return CohortExport(store: store, cohort: cohort, survey: definition, format: chosen)
    }

    /// A streaming response: the header, then one write per page of the change feed, then the
    /// footer. Each record is written once, in the state first read.
    func response() -> Response {
        guard let format else {
            return CohortWorkbook(store: store, cohort: cohort).responses(survey: survey)
        }
        let fileName = format.fileName(survey: survey.id)
        let reader = CohortRecordReader(store: store, cohort: cohort)
        let exporter = ResponseExporter(format: format, survey: survey)
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
                try await writer.finish(nil)
            })
    }
}
