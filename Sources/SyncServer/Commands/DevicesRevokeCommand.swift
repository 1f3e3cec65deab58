import ArgumentParser
import Foundation
import SyncModel

/// `syncserver devices revoke ID`.
struct DevicesRevokeCommand: AsyncParsableCommand {
    /// The command's name and help.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "revoke", abstract: AdminTexts.text("admin.devicesRevoke.abstract"))
    }

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The device id.
    @Argument(help: ArgumentHelp(AdminTexts.text("admin.devicesRevoke.id")))
    var id: String

    /// Checks the id's shape.
    func validate() throws {
        guard UUID(uuidString: id) != nil else {
            throw ValidationError(AdminTexts.text("admin.devicesRevoke.badID", ["id": id]))
        }
    }

    /// Revokes the device.
    func run() async throws {
        try await output.run {
            let id = id.lowercased()
            let revoked = try await database.withStore { store in
                let now = SystemWallClock().now()
                let device = try await store.revokeDevice(id: id, at: now)
                if let device {
                    try await store.recordAudit(
                        .byOperator(.revocation, cohort: device.cohort, at: now, details: ["device": device.id]))
                }
                return device
            }
            guard let device = revoked else {
                throw CommandFailure(AdminTexts.text("admin.devicesRevoke.noDevice", ["id": id]))
            }
            try output.print(
                device,
                text: AdminTexts.text(
                    "admin.devicesRevoke.done", ["id": device.id, "participant": device.participant, "name": device.name]))
        }
    }
}
