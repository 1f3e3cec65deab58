import ArgumentParser
import SyncModel

/// `fieldclient status`.
struct StatusCommand: AsyncParsableCommand {
    /// The command's name and help.
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the server, the device, the last sync, unsynced changes and open conflicts.")

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Prints the status.
    func run() async throws {
        try await options.run { env in
            let device = try env.store.device()
            let state = try env.store.syncState()
            let (records, damaged) = try env.store.recordsAndDamage()
            let view = StatusView(
                joined: device != nil, server: device?.serverURL, deviceId: device?.deviceID,
                deviceName: device?.deviceName, participant: device?.participant, role: device?.role.rawValue,
                cohort: device?.cohort, replicaId: device?.replica.description, epoch: state.epoch,
                lastSyncAt: state.lastSyncAt?.millisecondsSince1970,
                unsyncedChanges: records.filter(\.isPending).count,
                rejected: records.filter { $0.rejection != nil }.count,
                openConflicts: records.filter(\.record.hasConflicts).count, store: options.storePath,
                encrypted: env.store.isEncrypted, damaged: damaged)
            try env.output.print(view) {
                guard let device else {
                    return "Not joined yet. Run 'fieldclient join SERVER_URL CODE'.\nStore: \(view.store)\n"
                        + "Unsynced changes: \(view.unsyncedChanges)"
                }
                var first: [String] = []
                if !view.encrypted { first.append(EncryptionTexts.text(.statusPlainStore)) }
                let lastSync: String = state.lastSyncAt?.description ?? "never"
                var unsynced: String = String(view.unsyncedChanges)
                if view.rejected > 0 { unsynced += " (" + String(view.rejected) + " rejected by the server)" }
                let lines: [String] = [
                    "Server:           " + device.serverURL,
                    "Device:           " + device.deviceName + " (" + device.deviceID + "), replica " + device.replica.description,
                    "Participant:      " + device.participant + " (" + device.role.rawValue + "), cohort " + device.cohort,
                    "Last sync:        " + lastSync,
                    "Unsynced changes: " + unsynced,
                    "Open conflicts:   " + String(view.openConflicts),
                    "Store:            " + view.store,
                ]
                var last: [String] = []
                if view.encrypted { last.append(EncryptionTexts.text(.statusEncryptedStore)) }
                if !damaged.isEmpty {
                    last.append(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
                }
                return (first + lines + last).joined(separator: "\n")
            }
        }
    }
}
