import ArgumentParser
import Foundation
import Spreadsheet
import SyncModel

#if canImport(Glibc)
    import Glibc
#endif

/// `fieldclient export --format csv|json|geojson|xlsx [--survey S] [--out FILE]`.
struct ExportCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the responses to a survey as CSV, JSON, GeoJSON or XLSX, from this device's store (offline).",
        discussion: """
            The same format as the server's export (see docs/WALKTHROUGH.md): deleted responses are left \
            out, a field with an open conflict shows its current value, and CSV has one row per response \
            and one column per question, with a 0/1 column per choice of a select_multiple question. \
            Records are written one at a time, so large stores export without loading them whole. \
            With --out the file is created readable by you only (0600); without, the export goes to \
            standard output. XLSX (needs --out) is a workbook for spreadsheets: a sheet with one row per \
            response under the question labels in the survey's default language (the names in a second \
            header row), numbers as numbers and dates as dates, and a codebook sheet.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The format.
    @Option(help: "csv, json, geojson or xlsx.")
    var format: String

    /// The survey.
    @Option(help: "The survey id; may be left out when the device holds one survey.")
    var survey: String?

    /// The output file.
    @Option(help: ArgumentHelp("Write to this file (0600) instead of standard output.", valueName: "FILE"))
    var out: String?

    /// Checks the format and the output path.
    func validate() throws {
        guard ExportFormat(rawValue: format.lowercased()) != nil || isXLSX else {
            throw ValidationError("--format must be csv, json, geojson or xlsx, not '\(format)'.")
        }
        if let out, out.isEmpty || out.hasSuffix("/") {
            throw ValidationError("--out needs a file name, e.g. --out befragung.\(isXLSX ? "xlsx" : "csv").")
        }
        if isXLSX && out == nil {
            throw ValidationError("An XLSX workbook is written to a file: add --out FILE.xlsx.")
        }
    }

    /// Whether the workbook format was asked for.
    private var isXLSX: Bool { format.lowercased() == "xlsx" }

    /// Exports.
    func run() async throws {
        try await options.run { env in
            let definition = try chosenSurvey(env)
            if isXLSX, let out {
                let count = try WorkbookFile.write(to: out) { url in
                    let workbook = try ResponseWorkbookWriter(creating: url, survey: definition)
                    try env.store.forEachRecord(collection: RecordCollection.responses) { try workbook.append($0) }
                    try workbook.finish()
                    return workbook.count
                }
                env.output.note("Wrote \(count) response(s) of \(definition.id) to \(out).")
                return
            }
            var exporter = ResponseExporter(format: ExportFormat(rawValue: format.lowercased())!, survey: definition)
            let sink = try ExportSink(path: out)
            do {
                var buffer = exporter.header()
                try env.store.forEachRecord(collection: RecordCollection.responses) { record in
                    buffer.append(exporter.chunk(for: record))
                    if buffer.count >= 64 * 1024 {
                        try sink.write(buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                buffer.append(exporter.footer())
                try sink.write(buffer)
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
            if let out {
                env.output.note("Wrote \(exporter.count) response(s) of \(definition.id) to \(out).")
            }
        }
    }

    /// The survey named by `--survey`, or the only one on the device.
    private func chosenSurvey(_ env: CommandEnvironment) throws -> SurveyDefinition {
        if let survey { return try env.survey(survey) }
        let ids = Set(try env.store.surveys().map(\.id)).sorted()
        guard ids.count == 1, let only = try env.store.survey(id: ids[0]) else {
            throw FieldClientError(
                ids.isEmpty ? .notFound : .usage,
                ids.isEmpty
                    ? "There is no survey on this device. Run 'fieldclient sync' first."
                    : "This device holds several surveys; choose one with --survey: \(ids.joined(separator: ", ")).")
        }
        return only
    }
}
