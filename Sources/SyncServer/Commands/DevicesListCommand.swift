import ArgumentParser

/// `syncserver devices list`.
struct DevicesListCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List enrolled devices.")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Only this cohort's devices.
    @Option(help: "Only the devices of this cohort.")
    var cohort: String?

    /// Lists the devices.
    func run() async throws {
        try await output.run {
            let cohort = cohort
            let devices = try await database.withStore { store in try await store.devices(cohort: cohort) }
            try output.print(
                devices,
                text: devices.isEmpty
                    ? "No devices."
                    : devices.map {
                        "\($0.id)\t\($0.cohort)\t\($0.role.rawValue)\t\($0.participant)\t\($0.name)\t"
                            + ($0.isRevoked ? "revoked \(TimestampFormat.text($0.revokedAt))" : "active")
                    }.joined(separator: "\n"))
        }
    }
}
