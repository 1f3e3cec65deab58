import ArgumentParser

/// `syncserver devices`: list and revoke devices.
struct DevicesCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: AdminTexts.text("admin.devices.abstract"),
        subcommands: [DevicesListCommand.self, DevicesRevokeCommand.self])
}
