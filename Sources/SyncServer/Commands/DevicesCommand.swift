import ArgumentParser

/// `syncserver devices`: list and revoke devices.
struct DevicesCommand: AsyncParsableCommand {
    /// The command's name and subcommands.
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List and revoke devices.",
        subcommands: [DevicesListCommand.self, DevicesRevokeCommand.self])
}
