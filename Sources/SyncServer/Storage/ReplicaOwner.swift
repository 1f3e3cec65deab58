import SyncModel

/// Whose device writes under a replica id: its cohort, the person it acts for and their role.
struct ReplicaOwner: Hashable, Sendable {
    /// The device's cohort.
    var cohort: String
    /// The participant or trainer the device acts for.
    var participant: String
    /// The device's role.
    var role: Role

    /// The owner of `device`'s replica.
    init(of device: DeviceInfo) {
        self.init(cohort: device.cohort, participant: device.participant, role: device.role)
    }

    /// An owner with these parts.
    init(cohort: String, participant: String, role: Role) {
        self.cohort = cohort
        self.participant = participant
        self.role = role
    }
}
