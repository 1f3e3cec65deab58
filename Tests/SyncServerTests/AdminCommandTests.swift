import Foundation
import GRDB
import SyncModel
import Testing

@testable import SyncServer

@Suite("Admin commands through the real syncserver executable", .serialized)
struct AdminCommandTests {
    /// Runs the executable against `db` and decodes its `--json` output.
    func json<T: Decodable>(_ type: T.Type, _ arguments: [String], db: String) throws -> T {
        let output = try SyncServerProcess.run(arguments + ["--db", db, "--json"])
        #expect(output.status == 0, "\(arguments): \(output.stderr) \(output.stdout)")
        return try JSONDecoder().decode(T.self, from: Data(output.stdout.utf8))
    }

    @Test("The executable is built next to the tests")
    func executableExists() {
        #expect(SyncServerProcess.executable != nil)
    }

    @Test("A database file a newer syncserver migrated is refused with what to do, and left as it was")
    func newerSchemaIsRefused() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db]).status == 0)
        let store = try SQLiteRecordStore(path: db)
        try await store.recordFutureMigration()
        try store.close()
        let refused = try SyncServerProcess.run(["cohort", "list", "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("newer than this syncserver knows (\(StoreSchema.newestVersion))"))
        #expect(refused.stderr.contains("Run the newer syncserver."))
        #expect(!refused.stderr.contains("permissions"))
        let applied = try await DatabaseQueue(path: db).read { try String.fetchSet($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == Set(StoreSchema.migrations.map(\.sqliteIdentifier) + ["v\(StoreSchema.newestVersion + 1) future"]))
    }

    @Test("cohort, trainer, enroll, survey, households, devices, backup and epoch work end to end")
    func endToEnd() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let surveyFile = directory.appendingPathComponent("survey.json")
        try Data(TestFixtures.surveyJSON.utf8).write(to: surveyFile)
        let csvFile = directory.appendingPathComponent("doors.csv")
        try Data(TestFixtures.householdsCSV.utf8).write(to: csvFile)

        let cohort = try json(CohortInfo.self, ["cohort", "create", "wedding"], db: db)
        #expect(cohort.name == "wedding")
        let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let duplicate = try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db, "--json"])
        #expect(duplicate.status == 1)
        #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(duplicate.stdout.utf8)).error.code == "conflict")
        let text = try SyncServerProcess.run(["cohort", "list"], environment: ["SYNCSERVER_DB": db])
        #expect(text.status == 0 && text.stdout.hasPrefix("wedding"))
        #expect(try json([CohortInfo].self, ["cohort", "list"], db: db).map(\.name) == ["wedding"])

        let trainerCode = try json(EnrollmentGrant.self, ["trainer", "add", "--cohort", "wedding", "Frau Weber"], db: db)
        #expect(trainerCode.role == .trainer && trainerCode.participant == "Frau Weber")
        let participantCode = try json(
            EnrollmentGrant.self, ["enroll", "--cohort", "wedding", "--participant", "Ayşe"], db: db)
        #expect(participantCode.role == .participant)
        #expect(participantCode.expiresAt.millisecondsSince1970 - trainerCode.expiresAt.millisecondsSince1970 > 4 * 24 * 3600 * 1000)
        let unknownCohort = try SyncServerProcess.run(["enroll", "--cohort", "nope", "--participant", "A", "--db", db])
        #expect(unknownCohort.status == 1 && unknownCohort.stderr.contains("cohort create"))

        let survey = try json(PublishedSurvey.self, ["survey", "publish", "--cohort", "wedding", surveyFile.path], db: db)
        #expect(survey.definition.id == "nachbarschaft" && survey.definition.version == 1)
        let republish = try SyncServerProcess.run(["survey", "publish", "--cohort", "wedding", surveyFile.path, "--db", db])
        #expect(republish.status == 1 && republish.stderr.contains("never change"))

        let imported = try json(HouseholdImportSummary.self, ["households", "import", "--cohort", "wedding", csvFile.path], db: db)
        #expect(imported.created == 2)
        let reimported = try json(HouseholdImportSummary.self, ["households", "import", "--cohort", "wedding", csvFile.path], db: db)
        #expect(reimported.unchanged == 2 && reimported.created == 0 && reimported.updated == 0)

        // Enroll through the store as fieldclient would, then list and revoke with the commands.
        let store = try SQLiteRecordStore(path: db)
        let device = try await store.enroll(
            codeHash: EnrollmentCode(typed: participantCode.code).hash,
            device: NewDevice(id: "6f2d1e70-3c1b-4e0a-9e2a-1b2c3d4e5f60", name: "Laptop", replica: ReplicaID(high: 1, low: 1), tokenHash: SecretHasher.hash("t")),
            at: SystemWallClock().now())
        try store.close()
        let devices = try json([DeviceInfo].self, ["devices", "list"], db: db)
        #expect(devices.map(\.id) == [device.id])
        let revoked = try json(DeviceInfo.self, ["devices", "revoke", device.id], db: db)
        #expect(revoked.isRevoked)
        let badID = try SyncServerProcess.run(["devices", "revoke", "nope", "--db", db])
        #expect(badID.status != 0 && badID.stderr.contains("devices list"))

        let before = try json(EpochSummary.self, ["epoch", "show"], db: db)
        let backupPath = directory.appendingPathComponent("backup.sqlite").path
        let backup = try json(BackupCommand.Summary.self, ["backup", backupPath], db: db)
        #expect(backup.retiredEpoch == before.epoch && backup.epoch != before.epoch)
        let copy = try json(EpochSummary.self, ["epoch", "show"], db: backupPath)
        #expect(copy.epoch == backup.epoch && copy.retired.map(\.epoch) == [before.epoch])
        #expect(try json([CohortInfo].self, ["cohort", "list"], db: backupPath).map(\.name) == ["wedding"])
        let overwrite = try SyncServerProcess.run(["backup", backupPath, "--db", db])
        #expect(overwrite.status != 0)

        let rotated = try json(EpochSummary.self, ["epoch", "rotate"], db: db)
        #expect(rotated.epoch != before.epoch && rotated.retired.map(\.epoch) == [before.epoch])
    }

    @Test(
        "Every admin command works on PostgreSQL through --db and SYNCSERVER_DB; backup points to pg_dump",
        .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
    func postgresCommands() async throws {
        let db = try await TestPostgres.makeDatabaseURL()
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let surveyFile = directory.appendingPathComponent("survey.json")
        try Data(TestFixtures.surveyJSON.utf8).write(to: surveyFile)
        let csvFile = directory.appendingPathComponent("doors.csv")
        try Data(TestFixtures.householdsCSV.utf8).write(to: csvFile)

        #expect(try json(CohortInfo.self, ["cohort", "create", "wedding"], db: db).name == "wedding")
        let duplicate = try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db, "--json"])
        #expect(try JSONDecoder().decode(ErrorBody.self, from: Data(duplicate.stdout.utf8)).error.code == "conflict")
        let listed = try SyncServerProcess.run(["cohort", "list"], environment: ["SYNCSERVER_DB": db])
        #expect(listed.status == 0 && listed.stdout.hasPrefix("wedding"))
        let trainer = try json(EnrollmentGrant.self, ["trainer", "add", "--cohort", "wedding", "Frau Weber"], db: db)
        #expect(trainer.role == .trainer)
        let code = try json(EnrollmentGrant.self, ["enroll", "--cohort", "wedding", "--participant", "Ayşe"], db: db)
        let survey = try json(PublishedSurvey.self, ["survey", "publish", "--cohort", "wedding", surveyFile.path], db: db)
        #expect(survey.definition.id == "nachbarschaft")
        #expect(try json(HouseholdImportSummary.self, ["households", "import", "--cohort", "wedding", csvFile.path], db: db).created == 2)

        let server = try await LiveServer(db: db)
        defer { server.stop() }
        let enrolled = try await LiveClient(base: server.url)
            .enroll(code: code.code, name: "Laptop", replica: ReplicaID(high: 7, low: 7))
        let devices = try json([DeviceInfo].self, ["devices", "list"], db: db)
        #expect(devices.map(\.id) == [enrolled.deviceId])
        #expect(try json(DeviceInfo.self, ["devices", "revoke", enrolled.deviceId], db: db).isRevoked)

        let before = try json(EpochSummary.self, ["epoch", "show"], db: db)
        let rotated = try json(EpochSummary.self, ["epoch", "rotate"], db: db)
        #expect(rotated.epoch != before.epoch && rotated.retired.map(\.epoch) == [before.epoch])
        let backup = try SyncServerProcess.run(["backup", directory.appendingPathComponent("b.sqlite").path, "--db", db])
        #expect(backup.status == 1 && backup.stderr.contains("pg_dump"))
    }

    @Test("Invalid flags fail with a message that says what to do", arguments: [
        (["serve", "--port", "70000"], "65535"), (["cohort", "create", ""], "cohort name"),
        (["survey", "publish", "--cohort", "x", "/nonexistent.yaml"], "Check the path"),
    ])
    func validation(arguments: [String], mentions: String) throws {
        let output = try SyncServerProcess.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(mentions), "\(output.stderr)")
    }
}
