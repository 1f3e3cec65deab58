import Foundation
import SyncModel

extension DeviceInfo {
    /// The `devices` columns a device is read from, in order; ``DeviceCredential/columns`` adds the token hash.
    static let columns = "id, cohort, participant, role, name, replica, created_at, revoked_at"

    /// The device in a row that starts with ``columns``; nil when its role or replica id is not one
    /// this build reads.
    init?(row: StoreRow) throws {
        guard let role = Role(rawValue: try row.text(3)), let replica = ReplicaID(try row.text(5)) else { return nil }
        self.init(
            id: try row.text(0), cohort: try row.text(1), participant: try row.text(2), role: role, name: try row.text(4),
            replicaId: replica, createdAt: try row.time(6), revokedAt: try row.optionalInt(7).map(Timestamp.init(millisecondsSince1970:)))
    }
}

extension DeviceCredential {
    /// The `devices` columns of ``values``, in order.
    static let columns = DeviceInfo.columns + ", token_hash"

    /// The values of ``columns``.
    var values: [StoreValue] {
        [
            .text(device.id), .text(device.cohort), .text(device.participant), .text(device.role.rawValue),
            .text(device.name), .text(device.replicaId.description), .int(device.createdAt.millisecondsSince1970),
            StoreValue(device.revokedAt?.millisecondsSince1970), .blob(tokenHash),
        ]
    }

    /// The device and its token hash in a row of ``columns``; nil when ``DeviceInfo/init(row:)`` is.
    init?(row: StoreRow) throws {
        guard let device = try DeviceInfo(row: row) else { return nil }
        self.init(device: device, tokenHash: try row.blob(8))
    }
}
