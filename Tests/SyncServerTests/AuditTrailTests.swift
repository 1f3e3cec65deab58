import Foundation
import HTTPTypes
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// The audit trail: appended by the routes and admin commands, listed by the store and `syncserver audit`,
/// never holding content, kept by `syncserver migrate`.
@Suite("Audit trail", .postgresPools)
struct AuditTrailTests {
    static func time(_ minutes: Int64) -> Timestamp { Timestamp(millisecondsSince1970: 1_795_600_000_000 + minutes * 60_000) }

    static let events: [AuditEvent] = [
        .byOperator(.backup, cohort: nil, at: time(0), details: ["epoch": "e-1"]),
        AuditEvent(
            time: time(1), actorKind: .trainer, actor: "Frau Demir", cohort: "wedding", kind: .export,
            details: ["format": "csv", "survey": "befragung", "records": "4", "pseudonymized": "yes", "via": "api"]),
        AuditEvent(time: time(1), actorKind: .trainer, actor: "Frau Demir", cohort: "moabit", kind: .dashboardLogin),
        .byOperator(.erasure, cohort: "wedding", at: time(2), details: ["record": "40000000-0000-4000-8000-000000000001"]),
    ]

    @Test("Events come back oldest first, in insertion order within a millisecond, with every field", arguments: StoreKind.all)
    func recordsAndLists(kind: StoreKind) async throws {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 3))
        for event in Self.events { try await store.recordAudit(event) }
        #expect(try await store.auditEvents(cohort: nil, since: nil) == Self.events)
    }

    @Test("--cohort keeps that cohort's and the server-wide events; --since drops older ones", arguments: StoreKind.all)
    func filters(kind: StoreKind) async throws {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 4))
        for event in Self.events { try await store.recordAudit(event) }
        #expect(try await store.auditEvents(cohort: "wedding", since: nil).map(\.kind) == [.backup, .export, .erasure])
        #expect(try await store.auditEvents(cohort: "moabit", since: nil).map(\.kind) == [.backup, .dashboardLogin])
        #expect(try await store.auditEvents(cohort: nil, since: Self.time(1)).map(\.kind) == [.export, .dashboardLogin, .erasure])
        #expect(try await store.auditEvents(cohort: "wedding", since: Self.time(2)).map(\.kind) == [.erasure])
    }

    @Test("An erasure recorded through the store is listed with its record id and no content", arguments: StoreKind.all)
    func erasureThroughTheStore(kind: StoreKind) async throws {
        // Part A's `syncserver erase` / `fieldclient erase` record this event; see the report of issue 16 part B.
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 5))
        try await store.recordAudit(
            AuditEvent(
                time: Self.time(3), actorKind: .trainer, actor: "tina", cohort: "wedding", kind: .erasure,
                details: ["record": "40000000-0000-4000-8000-000000000002", "byDevice": "d-1"]))
        let listed = try await store.auditEvents(cohort: "wedding", since: nil)
        #expect(listed.map(\.kind) == [.erasure])
        #expect(listed.first?.details["record"] == "40000000-0000-4000-8000-000000000002")
        let german = listed.first?.description(in: Language.german.catalog.text)
        #expect(german == "hat Datensatz 40000000-0000-4000-8000-000000000002 auf Wunsch gelöscht")
    }

    @Test("The pseudonym secret is 32 bytes, made once and the same ever after", arguments: StoreKind.all)
    func pseudonymSecretIsStable(kind: StoreKind) async throws {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 6))
        let first = try await store.pseudonymSecret(random: SeededRandomSource(seed: 100))
        let second = try await store.pseudonymSecret(random: SeededRandomSource(seed: 200))
        #expect(first.count == 32)
        #expect(first == second, "a second call with other randomness keeps the first secret")
    }

    @Test("Enrollment, report read, exports, dashboard link and login are recorded over the API, without content", arguments: StoreKind.all)
    func routesRecord(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind, seed: 41)
        _ = try await ReportFixtures.seed(harness.store, cohort: "wedding")
        try await harness.run { client in
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Frau Demir", role: .trainer)
            #expect(try await client.send(.get, "/v1/cohorts/wedding/report", token: trainer.token).status == .ok)
            let export = try await client.send(
                .get, "/v1/cohorts/wedding/export?format=csv&pseudonymize=true", token: trainer.token)
            #expect(export.status == .ok)
            let full = try await client.send(.get, "/v1/cohorts/wedding/export?format=xlsx", token: trainer.token)
            #expect(full.status == .ok)
            let path = try await DashboardTests.linkPath(client, token: trainer.token)
            #expect(try await DashboardTests.open(client, path).status == .seeOther)
            #expect(try await client.send(.delete, "/v1/devices/\(trainer.id)", token: trainer.token).status == .noContent)
        }
        let events = try await harness.store.auditEvents(cohort: "wedding", since: nil)
        #expect(events.map(\.kind) == [
            .enrollmentCode, .enrollment, .reportRead, .export, .export, .dashboardLink, .dashboardLogin, .revocation,
        ])
        #expect(events.first?.details == ["participant": "Frau Demir", "role": "trainer"], "the code itself is never kept")
        #expect(events.dropFirst().allSatisfy { $0.actor == "Frau Demir" && $0.actorKind == .trainer && $0.cohort == "wedding" })
        let exports = events.filter { $0.kind == .export }
        #expect(exports.map { $0.details["format"] } == ["csv", "xlsx"])
        #expect(exports.map { $0.details["pseudonymized"] } == ["yes", "no"])
        #expect(exports.map { $0.details["records"] } == ["4", "4"])
        #expect(exports.allSatisfy { $0.details["survey"] == "befragung" && $0.details["via"] == "api" })
        let stored = String(decoding: try JSONEncoder().encode(events), as: UTF8.self)
        for content in [ReportFixtures.tricky, "Ökologisch", "Ayşe K.", "qs_"] {
            #expect(!stored.contains(content), "the trail holds \(content)")
        }
    }

    @Test("syncserver backup and syncserver migrate keep the trail and the pseudonym secret, and add their own events")
    func survivesBackupAndMigrate() async throws {
        let directory = try EpochTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("sync.sqlite").path
        let store = try SQLiteRecordStore(path: db)
        for event in Self.events { try await store.recordAudit(event) }
        let secret = try await store.pseudonymSecret(random: SystemRandomSource())
        try store.close()

        let backup = directory.appendingPathComponent("backup.sqlite").path
        let backedUp = try SyncServerProcess.run(["backup", "--db", db, backup])
        #expect(backedUp.status == 0, "\(backedUp.stderr)")
        let copy = try SQLiteRecordStore(path: backup)
        #expect(try await copy.auditEvents(cohort: nil, since: nil) == Self.events, "the backup holds the trail up to it")
        #expect(try await copy.pseudonymSecret(random: SystemRandomSource()) == secret)
        try copy.close()
        let live = try SQLiteRecordStore(path: db)
        let afterBackup = try await live.auditEvents(cohort: nil, since: nil)
        #expect(afterBackup.map(\.kind) == Self.events.map(\.kind) + [.backup])
        try live.close()

        guard TestPostgres.serverURL != nil else { return }
        let target = try await TestPostgres.makeDatabaseURL()
        let moved = try SyncServerProcess.run(["migrate", "--from", "sqlite:\(db)", "--to", target, "--json"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("\"auditEvents\" : 5"), "\(moved.stdout)")
        // Opened with the test settings (the production connect deadline is too short while the
        // whole suite runs at once on two cores).
        let postgres = try TestPostgres.openStore(at: try PostgresLocation(url: target))
        let events = try await postgres.auditEvents(cohort: nil, since: nil)
        #expect(Array(events.prefix(5)) == afterBackup)
        #expect(events.last?.kind == .migration)
        #expect(events.last?.details["records"] == "0")
        #expect(try await postgres.pseudonymSecret(random: SystemRandomSource()) == secret)
    }
}
