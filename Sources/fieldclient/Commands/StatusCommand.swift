import ArgumentParser
import SyncModel

/// `fieldclient status`.
struct StatusCommand: AsyncParsableCommand {
    /// The command's name and help, in the chosen language.
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "status", abstract: Texts.help("help.status.abstract"))
    }

    /// Shared options.
    @OptionGroup var options: GlobalOptions

    /// Prints the status.
    func run() async throws {
        try await options.run { env in
            let device = try env.store.device()
            let state = try env.store.syncState()
            // Counted from plain columns with SQL only: status never opens a sealed state (except,
            // once, the states of rows an older fieldclient wrote, to fill those columns).
            let summary = try env.store.summary(for: device)
            let damaged = summary.damaged
            var view = StatusView(
                joined: device != nil, server: device?.serverURL, deviceId: device?.deviceID,
                deviceName: device?.deviceName, participant: device?.participant, role: device?.role.rawValue,
                cohort: device?.cohort, replicaId: device?.replica.description, epoch: state.epoch,
                lastSyncAt: state.lastSyncAt?.millisecondsSince1970,
                unsyncedChanges: summary.unsynced, rejected: summary.rejected, openConflicts: summary.conflicted,
                store: options.storePath,
                encrypted: env.store.isEncrypted, damaged: damaged)
            view.openQuestions = summary.openQuestions
            view.waitingForReview = summary.waitingForReview
            let texts = env.texts
            try env.output.print(view) {
                guard let device else {
                    return texts("status.notJoined", ["store": view.store, "unsynced": String(view.unsyncedChanges)])
                }
                var first: [String] = []
                if !view.encrypted { first.append(EncryptionTexts.text(.statusPlainStore)) }
                let lastSync: String = state.lastSyncAt.map(texts.time) ?? texts("status.never")
                var unsynced: String = String(view.unsyncedChanges)
                if view.rejected > 0 { unsynced += " " + texts("status.rejected", ["count": String(view.rejected)]) }
                var rows: [(String, String)] = [
                    ("status.server", device.serverURL),
                    ("status.device",
                     texts("status.deviceValue", ["name": device.deviceName, "id": device.deviceID, "replica": device.replica.description])),
                    ("status.participant",
                     texts("status.participantValue", ["name": device.participant, "role": texts("role." + device.role.rawValue), "cohort": device.cohort])),
                    ("status.lastSync", lastSync),
                    ("status.unsynced", unsynced),
                    ("status.conflicts", String(view.openConflicts)),
                    ("status.openQuestions", String(view.openQuestions)),
                    ("status.store", view.store),
                ]
                if device.role == .trainer { rows.append(("status.waitingReview", String(view.waitingForReview))) }
                if view.encrypted { rows.append(("status.encryption", EncryptionTexts.text(.statusEncryptedStore))) }
                let width = rows.map { texts($0.0).count }.max() ?? 0
                let lines = rows.map { key, value in
                    let label = texts(key)
                    return label + String(repeating: " ", count: width - label.count + 1) + value
                }
                var last: [String] = []
                if !damaged.isEmpty {
                    last.append(EncryptionTexts.text(.recordsDamagedNote, ["ids": damaged.joined(separator: ", ")]))
                }
                return (first + lines + last).joined(separator: "\n")
            }
        }
    }
}
