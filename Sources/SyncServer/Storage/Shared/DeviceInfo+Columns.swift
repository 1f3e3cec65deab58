import SyncModel

extension DeviceInfo {
    /// The device stored in a `devices` row's columns; nil when its role or replica id is not one
    /// this build reads.
    init?(
        id: String, cohort: String, participant: String, role: String, name: String, replica: String,
        createdAt: Int64, revokedAt: Int64?
    ) {
        guard let role = Role(rawValue: role), let replica = ReplicaID(replica) else { return nil }
        self.init(
            id: id, cohort: cohort, participant: participant, role: role, name: name, replicaId: replica,
            createdAt: Timestamp(millisecondsSince1970: createdAt),
            revokedAt: revokedAt.map(Timestamp.init(millisecondsSince1970:)))
    }
}
