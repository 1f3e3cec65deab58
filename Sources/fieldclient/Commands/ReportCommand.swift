import ArgumentParser
import Foundation
import SyncModel

/// `fieldclient report [--survey S] [--json]`: the cohort report from this device's replica.
struct ReportCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show the cohort report (doors, responses per participant, day and street, answers) offline.",
        discussion: """
            Computed on this device with the same code as the server's report. A trainer's sync pulls \
            the whole cohort, so after 'fieldclient sync' a trainer sees the cohort's numbers without a \
            connection; a participant's device holds only their own responses and the door list. Changes \
            not yet synced are included.
            """)

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Only this survey.
    @Option(help: "Only this survey's section (the door list and conflicts are always shown).")
    var survey: String?

    /// Prints the report.
    func run() async throws {
        try await options.run { env in
            let device = try env.requireDevice()
            if let survey { _ = try env.survey(survey) }
            var records: [Record] = []
            for collection in [RecordCollection.households, RecordCollection.responses] {
                try env.store.forEachRecord(collection: collection) { records.append($0) }
            }
            var report = CohortReport.make(records: records, surveys: try env.store.surveys())
            if let survey { report.surveys = report.surveys.filter { $0.survey == survey } }
            let state = try env.store.syncState()
            let pending = try env.store.pendingCount()
            try env.output.print(report) {
                var heading = [
                    "Cohort \(device.cohort): report from this device ("
                        + (device.role == .trainer ? "the whole cohort" : "your own responses and the door list") + ")",
                    "Last sync: \(state.lastSyncAt?.description ?? "never")"
                        + (pending > 0 ? "; \(pending) change(s) not yet synced are included" : ""),
                ]
                if state.lastSyncAt == nil { heading.append("Run 'fieldclient sync' to fetch the cohort's data.") }
                return ReportText.render(report, heading: heading)
            }
        }
    }
}
