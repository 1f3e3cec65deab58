import ArgumentParser

/// `syncserver devices list`.
struct DevicesListCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "list", abstract: AdminTexts.text("admin.devicesList.abstract"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// Only this cohort's devices.
    @Option(help: ArgumentHelp(AdminTexts.text("admin.devicesList.cohort")))
    var cohort: String?

    /// Lists the devices.
    func run() async throws {
        try await output.run {
            let cohort = cohort
            let devices = try await database.withStore { store in try await store.devices(cohort: cohort) }
            try output.print(
                devices,
                text: devices.isEmpty
                    ? AdminTexts.text("admin.devicesList.none")
                    : devices.map {
                        "\($0.id)\t\($0.cohort)\t\(AdminTexts.text("role." + $0.role.rawValue))\t\($0.participant)\t\($0.name)\t"
                            + ($0.isRevoked
                                ? AdminTexts.text("admin.devicesList.revoked", ["time": TimestampFormat.text($0.revokedAt)])
                                : AdminTexts.text("admin.devicesList.active"))
                    }.joined(separator: "\n"))
        }
    }
}
