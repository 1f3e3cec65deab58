import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient export --format csv|json|geojson [--survey S] [--out FILE]`.
struct ExportCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the responses to a survey as CSV, JSON or GeoJSON, from this device's store (offline).",
        discussion: """
            The same format as the server's export (see docs/WALKTHROUGH.md): deleted responses are left \
            out, a field with an open conflict shows its current value, and CSV has one row per response \
            and one column per question, with a 0/1 column per choice of a select_multiple question. \
            Records are written one at a time, so large stores export without loading them whole. \
            With --out the file is created readable by you only (0600); without, the export goes to \
            standard output.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The format.
    @Option(help: "csv, json or geojson.")
    var format: String

    /// The survey.
    @Option(help: "The survey id; may be left out when the device holds one survey.")
    var survey: String?

    /// The output file.
    @Option(help: ArgumentHelp("Write to this file (0600) instead of standard output.", valueName: "FILE"))
    var out: String?

    /// Checks the format and the output path.
    func validate() throws {
        guard ExportFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("--format must be csv, json or geojson, not '\(format)'.")
        }
        if let out, out.isEmpty || out.hasSuffix("/") {
            throw ValidationError("--out needs a file name, e.g. --out befragung.csv.")
        }
    }

    /// Exports.
    func run() async throws {
        try await options.run { env in
            let definition = try chosenSurvey(env)
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
