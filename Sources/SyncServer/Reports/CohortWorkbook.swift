import Foundation
import Hummingbird
import Spreadsheet
import SyncModel

/// The cohort's XLSX downloads: its responses to a survey, and its door list.
///
/// A workbook's ZIP directory comes last, so the file is first written to a private temporary
/// file (page by page from the change feed, in bounded memory), then streamed to the client
/// in chunks and removed.
struct CohortWorkbook<Store: RecordStore>: Sendable {
    /// The store.
    let store: Store
    /// The cohort.
    let cohort: String
    /// The reader's language: sheet names, headings and statuses (the survey's texts keep theirs).
    let language: Language

    private static var chunkSize: Int { 1 << 16 }

    /// The responses to `survey`, labelled in the survey's default language (the cohort's), headed in `language`, pseudonymized when
    /// `pseudonymization` is given; `finished` learns how many responses the workbook holds.
    func responses(
        survey: SurveyDefinition, pseudonymization: ExportPseudonymization? = nil,
        finished: @escaping @Sendable (Int) async throws -> Void = { _ in }
    ) -> Response {
        let reader = CohortRecordReader(store: store, cohort: cohort)
        return Self.download(name: ExportFormat.fileName(survey: survey.id, extension: XLSXWorkbookWriter.fileExtension)) {
            url in
            let workbook = try ResponseWorkbookWriter(
                creating: url, survey: survey, interface: language, pseudonymization: pseudonymization)
            var seen = Set<UUID>()
            try await reader.forEachPage { page in
                for record in page where seen.insert(record.id).inserted { try workbook.append(record) }
            }
            try workbook.finish()
            try await finished(workbook.count)
        }
    }

    /// The door list with each door's status, visitor and number of interviews.
    func households() -> Response {
        let reader = CohortRecordReader(store: store, cohort: cohort)
        return Self.download(name: ExportFormat.fileName(survey: "households", extension: XLSXWorkbookWriter.fileExtension)) {
            url in
            var exporter = HouseholdExporter()
            var doors: [UUID: SyncModel.Record] = [:]
            try await reader.forEachPage { page in
                for record in page {
                    if record.collection == RecordCollection.households {
                        doors[record.id] = record
                    } else if record.collection == RecordCollection.responses {
                        exporter.count(record)
                    }
                }
            }
            let workbook = try HouseholdWorkbookWriter(creating: url, interface: language)
            for door in doors.values.sorted(by: Self.streetOrder) { try workbook.append(door, exporter: exporter) }
            try workbook.finish()
        }
    }

    /// Street, then house number with its digits compared as numbers.
    private static func streetOrder(_ a: SyncModel.Record, _ b: SyncModel.Record) -> Bool {
        func key(_ door: SyncModel.Record) -> (String, Int, String) {
            let number = door.value(of: HouseholdField.houseNumber)?.stringValue ?? ""
            return (
                (door.value(of: HouseholdField.street)?.stringValue ?? "").lowercased(),
                Int(number.prefix { $0.isNumber }) ?? 0, number
            )
        }
        return key(a) < key(b)
    }

    /// A streamed attachment of the workbook that `write` creates at the URL it is given.
    private static func download(
        name: String, write: @escaping @Sendable (URL) async throws -> Void
    ) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: XLSXWorkbookWriter.mediaType,
                .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ],
            body: ResponseBody { writer in
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString).xlsx")
                defer { try? FileManager.default.removeItem(at: url) }
                try await write(url)
                let handle = try FileHandle(forReadingFrom: url)
                defer { try? handle.close() }
                while let chunk = try handle.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            })
    }
}
