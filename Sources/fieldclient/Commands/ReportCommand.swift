import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient report [--survey S] [--json]`: the cohort report from this device's replica.
struct ReportCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report", abstract: Texts.help("help.report.abstract"), discussion: Texts.help("help.report.discussion"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Only this survey.
    @Option(help: ArgumentHelp(Texts.help("help.report.survey")))
    var survey: String?

    /// Prints the report.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            if let survey { _ = try env.survey(survey) }
            // One record decoded at a time into the report's counts: bounded memory on a large cohort.
            var builder = CohortReportBuilder(surveys: try env.store.surveys())
            for collection in [RecordCollection.households, RecordCollection.responses] {
                try env.store.forEachRecord(collection: collection) { builder.add($0) }
            }
            var report = builder.report
            if let survey { report.surveys = report.surveys.filter { $0.survey == survey } }
            let state = try env.store.syncState()
            let pending = try env.store.pendingCount()
            let texts = env.texts
            try env.output.print(report) {
                let lastSync = state.lastSyncAt.map(texts.time) ?? texts("status.never")
                var heading = [
                    texts(device.role == .trainer ? "report.headingTrainer" : "report.headingParticipant", ["cohort": device.cohort]),
                    texts(pending > 0 ? "report.lastSyncPending" : "report.lastSync", ["time": lastSync, "count": String(pending)]),
                ]
                if state.lastSyncAt == nil { heading.append(texts("report.neverSynced")) }
                return ReportText.render(report, heading: heading, texts: texts)
            }
        }
    }
}
