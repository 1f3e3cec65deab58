import SyncModel

extension SQLRecordStore {
    /// Reads the current epoch.
    func epoch() async throws -> String {
        try await reading(.rows("SELECT value FROM meta WHERE key = 'epoch'") { try StoreRules.requireEpoch($0.first?.text(0)) })
    }

    /// Lists retired epochs, newest first.
    func retiredEpochs() async throws -> [RetiredEpoch] {
        try await reading(
            .rows("SELECT epoch, retired_at FROM retired_epochs ORDER BY retired_at DESC, epoch\(Self.dialect.byteOrder)") {
                try $0.map { RetiredEpoch(epoch: try $0.text(0), retiredAt: try $0.time(1)) }
            })
    }

    /// Retires the current epoch and makes `newEpoch` current.
    func rotateEpoch(to newEpoch: String, at time: Timestamp) async throws -> RetiredEpoch {
        try await writing(Self.rotation(to: newEpoch, at: time))
    }

    /// Retires the current epoch (or lists it as retired again, at `time`) and makes `newEpoch` current.
    static func rotation(to newEpoch: String, at time: Timestamp) -> StoreScript<RetiredEpoch> {
        .run("SELECT value FROM meta WHERE key = 'epoch'\(dialect.forUpdate)") { rows in
            let old = try StoreRules.requireEpoch(rows.first?.text(0))
            return .run(
                """
                INSERT INTO retired_epochs (epoch, retired_at) VALUES (?, ?)
                ON CONFLICT (epoch) DO UPDATE SET retired_at = excluded.retired_at
                """, [.text(old), .int(time.millisecondsSince1970)]
            ) { _ in
                .rows("UPDATE meta SET value = ? WHERE key = 'epoch'", [.text(newEpoch)]) { _ in
                    RetiredEpoch(epoch: old, retiredAt: time)
                }
            }
        }
    }

    /// Reads the server's replica id.
    func serverReplica() async throws -> ReplicaID {
        try await reading(.rows("SELECT value FROM meta WHERE key = 'server_replica'") {
            try StoreRules.requireServerReplica($0.first?.text(0))
        })
    }
}
