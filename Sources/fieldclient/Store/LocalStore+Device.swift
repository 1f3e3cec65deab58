import Foundation
import GRDB
import SyncModel

extension LocalStore {
    /// The enrolled device, or nil before `join`.
    func device() throws -> DeviceIdentity? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM device WHERE id = 1") else { return nil }
            guard let replica = ReplicaID(row["replica_id"] as String), let role = Role(rawValue: row["role"]) else {
                throw StoreOpenError.corrupted(path: db.configuration.label ?? "store", detail: "bad device row")
            }
            return DeviceIdentity(
                serverURL: row["server_url"], token: try token(from: row["token"]), deviceID: row["device_id"], replica: replica,
                cohort: row["cohort"], participant: row["participant"], role: role, deviceName: row["device_name"],
                joinedAt: Timestamp(millisecondsSince1970: row["joined_at"]))
        }
    }

    /// Keeps the enrollment and the server's epoch, together with the surveys, in one transaction;
    /// a new store records its encryption (`envelope`, or plain when nil and `sealing` is plain) in it too.
    func saveEnrollment(
        _ device: DeviceIdentity, epoch: String, surveys: [SurveyDefinition], newEncryption: StoreKeyEnvelope? = nil
    ) throws {
        try writer.write { db in
            if let newEncryption {
                try Self.saveEncryption(newEncryption, db: db)
            } else if case .plain = sealing {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO encryption (id, scheme, store_id) VALUES (1, 'none', ?)",
                    arguments: [UUID().uuidString.lowercased()])
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO device
                    (id, server_url, token, device_id, replica_id, cohort, participant, role, device_name, joined_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    device.serverURL, try tokenValue(device.token), device.deviceID, device.replica.description, device.cohort,
                    device.participant, device.role.rawValue, device.deviceName, device.joinedAt.millisecondsSince1970,
                ])
            try db.execute(
                sql: "UPDATE sync_state SET epoch = ?, pending_epoch = NULL, cursor = '' WHERE id = 1",
                arguments: [epoch])
            try Self.storeSurveys(surveys, db: db)
        }
    }

    /// Adds or replaces survey versions; published versions never change, so replacing is harmless.
    func saveSurveys(_ surveys: [SurveyDefinition]) throws {
        try writer.write { db in try Self.storeSurveys(surveys, db: db) }
    }

    /// Every stored survey version, by id then version.
    func surveys() throws -> [SurveyDefinition] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT definition FROM surveys ORDER BY id, version").map {
                try JSONDecoder().decode(SurveyDefinition.self, from: Data($0.utf8))
            }
        }
    }

    /// The survey `id` at `version`, or its latest version when `version` is nil.
    func survey(id: String, version: Int? = nil) throws -> SurveyDefinition? {
        try surveys().filter { $0.id == id && (version == nil || $0.version == version) }.max { $0.version < $1.version }
    }

    private static func storeSurveys(_ surveys: [SurveyDefinition], db: Database) throws {
        let statement = try db.makeStatement(
            sql: "INSERT OR REPLACE INTO surveys (id, version, definition) VALUES (?, ?, ?)")
        for survey in surveys {
            let json = String(decoding: survey.canonicalJSON(), as: UTF8.self)
            try statement.execute(arguments: [survey.id, survey.version, json])
        }
    }
}
