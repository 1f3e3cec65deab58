import ArgumentParser
import Foundation
import Spreadsheet
import SyncModel

#if canImport(Glibc)
    import Glibc
#endif

/// `fieldclient export --format csv|json|geojson|xlsx [--survey S] [--out FILE] [--pseudonymize]`.
///
/// `--pseudonymize` asks the server for the participants' pseudonyms (the secret behind them stays on the
/// server) and so needs a connection; the full export works offline.
struct ExportCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "export", abstract: Texts.help("help.export.abstract"), discussion: Texts.help("help.export.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// The format.
    @Option(help: ArgumentHelp(Texts.help("help.export.format")))
    var format: String

    /// The survey.
    @Option(help: ArgumentHelp(Texts.help("help.export.survey")))
    var survey: String?

    /// The output file.
    @Option(help: ArgumentHelp(Texts.help("help.export.out"), valueName: "FILE"))
    var out: String?

    /// Leave out personal questions and replace participants' names by the server's pseudonyms.
    @Flag(help: ArgumentHelp(Texts.help("help.export.pseudonymize")))
    var pseudonymize = false

    /// Checks the format and the output path.
    func validate() throws {
        guard ExportFormat(rawValue: format.lowercased()) != nil || isXLSX else {
            throw ValidationError(Texts.help("export.badFormat", ["format": format]))
        }
        if let out, out.isEmpty || out.hasSuffix("/") {
            throw ValidationError(Texts.help("export.outNeedsName"))
        }
        if isXLSX && out == nil {
            throw ValidationError(Texts.help("export.xlsxNeedsOut"))
        }
    }

    /// Whether the workbook format was asked for.
    private var isXLSX: Bool { format.lowercased() == "xlsx" }

    /// Exports.
    func run() async throws {
        try await options.run { env in
            let definition = try chosenSurvey(env)
            let pseudonymization = pseudonymize ? try await Self.pseudonymization(env, survey: definition.id) : nil
            if isXLSX, let out {
                let count = try WorkbookFile.write(to: out) { url in
                    let workbook = try ResponseWorkbookWriter(
                        creating: url, survey: definition, interface: env.texts.language, pseudonymization: pseudonymization)
                    try env.store.forEachRecord(collection: RecordCollection.responses) { try workbook.append($0) }
                    try workbook.finish()
                    return workbook.count
                }
                env.output.note(env.texts("export.done", ["count": String(count), "survey": definition.id, "path": out]))
                return
            }
            var exporter = ResponseExporter(
                format: ExportFormat(rawValue: format.lowercased())!, survey: definition, pseudonymization: pseudonymization)
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
                env.output.note(env.texts("export.done", ["count": String(exporter.count), "survey": definition.id, "path": out]))
            }
        }
    }

    /// The pseudonyms of every interviewer of `survey`'s responses on this device, from the server (trainers only).
    static func pseudonymization(_ env: CommandEnvironment, survey: String) async throws -> ExportPseudonymization {
        let device = try env.requireDevice()
        guard device.role == .trainer else {
            throw FieldClientError(.unauthorized, env.texts("export.pseudonymizeTrainersOnly"))
        }
        var names = Set<String>()
        try env.store.forEachRecord(collection: RecordCollection.responses) { record in
            if record.survey == survey { names.insert(record.owner) }
        }
        let address = try ServerAddress(device.serverURL, allowInsecure: true)
        let participants = names.sorted()
        let answer = try await HTTPSyncTransport.withClient { client in
            try await HTTPSyncTransport(server: address, token: device.token, client: client)
                .pseudonyms(cohort: device.cohort, participants: participants)
        }
        return .make(pseudonyms: answer.pseudonyms)
    }

    /// The survey named by `--survey`, or the only one on the device.
    private func chosenSurvey(_ env: CommandEnvironment) throws -> SurveyDefinition {
        if let survey { return try env.survey(survey) }
        let ids = Set(try env.store.surveys().map(\.id)).sorted()
        guard ids.count == 1, let only = try env.store.survey(id: ids[0]) else {
            throw FieldClientError(
                ids.isEmpty ? .notFound : .usage,
                ids.isEmpty
                    ? env.texts("export.noSurvey")
                    : env.texts("export.severalSurveys", ["surveys": ids.joined(separator: ", ")]))
        }
        return only
    }
}
