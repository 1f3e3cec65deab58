import ArgumentParser
import Foundation
import SyncModel

/// `syncserver devices revoke ID`.
struct DevicesRevokeCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke a device; its token stops working at once.")

    /// `--db`.
    @OptionGroup var database: DatabaseOptions
    /// `--json`.
    @OptionGroup var output: OutputOptions

    /// The device id.
    @Argument(help: "The device id, as shown by 'devices list'.")
    var id: String

    /// Checks the id's shape.
    func validate() throws {
        guard UUID(uuidString: id) != nil else {
            throw ValidationError("'\(id)' is not a device id. Copy the id from 'syncserver devices list'.")
        }
    }

    /// Revokes the device.
    func run() async throws {
        try await output.run {
            let id = id.lowercased()
            let revoked = try await database.withStore { store in
                try await store.revokeDevice(id: id, at: SystemWallClock().now())
            }
            guard let device = revoked else {
                throw CommandFailure("There is no device \(id). See 'syncserver devices list'.")
            }
            try output.print(device, text: "Revoked device \(device.id) (\(device.participant), \(device.name)).")
        }
    }
}
