import ArgumentParser
import Foundation
import SyncModel

/// `syncserver audit [--cohort C] [--since DATE] [--json]`: lists the audit trail, oldest first.
struct AuditCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit", abstract: AdminTexts.text("admin.audit.abstract"),
            discussion: AdminTexts.text("admin.audit.discussion"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Only this cohort (with the server-wide events).
    @Option(help: ArgumentHelp(AdminTexts.text("admin.audit.cohort")))
    var cohort: String?

    /// Only events on or after this day.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.audit.since"), valueName: "DATE"))
    var since: String?

    /// Checks the date.
    func validate() throws {
        if let since, Self.startOfDay(since) == nil {
            throw ValidationError(AdminTexts.text("admin.audit.badDate", ["date": String(since.prefix(40))]))
        }
    }

    /// Lists the events.
    func run() async throws {
        try await output.run {
            let (cohort, from) = (cohort, since.flatMap { Self.startOfDay($0) })
            let events = try await database.withStore { store in try await store.auditEvents(cohort: cohort, since: from) }
            try output.print(
                events,
                text: events.isEmpty ? AdminTexts.text("audit.none") : events.map(\.line).joined(separator: "\n"))
        }
    }

    /// The start of the day `text` (`2026-11-25` or `25.11.2026`) in the server's time zone; nil when it is no date.
    static func startOfDay(_ text: String, timeZone: TimeZone = .current) -> Timestamp? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if trimmed.contains("-") {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        } else {
            parts = Array(trimmed.split(separator: ".", omittingEmptySubsequences: false).compactMap { Int($0) }.reversed())
        }
        guard parts.count == 3, parts[0] >= 1, trimmed.count <= 10 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return Timestamp(date)
    }
}
