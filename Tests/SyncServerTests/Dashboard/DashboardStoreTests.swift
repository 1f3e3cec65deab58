import Foundation
import SyncModel
import Testing

@testable import SyncServer

@Suite("The store keeps dashboard login links single-use and sessions expiring", .postgresPools)
struct DashboardStoreTests {
    private static let start = Timestamp(millisecondsSince1970: 1_795_600_000_000)

    private static func at(_ offset: Int64) -> Timestamp {
        Timestamp(millisecondsSince1970: start.millisecondsSince1970 + offset)
    }

    private static func link(_ secret: String, createdBy: String = "admin") -> NewDashboardLink {
        NewDashboardLink(
            linkHash: SecretHasher.hash(secret), cohort: "wedding", trainer: "Frau Demir", createdAt: start,
            expiresAt: at(300_000), createdBy: createdBy)
    }

    private static func session(_ secret: String) -> NewDashboardSession {
        NewDashboardSession(tokenHash: SecretHasher.hash(secret), expiresAt: at(12 * 3_600_000))
    }

    private static func store(_ kind: StoreKind) async throws -> any RecordStore {
        let store = try await kind.makeStore(random: SeededRandomSource(seed: 9))
        _ = try await store.createCohort(named: "wedding", at: start)
        return store
    }

    @Test("A link opens one session for its cohort and trainer, and only once", arguments: StoreKind.all)
    func linkIsSingleUse(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        try await store.addDashboardLink(Self.link("link-1"))
        let session = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash("link-1"), session: Self.session("cookie-1"), at: Self.at(1000))
        #expect(session == DashboardSession(cohort: "wedding", trainer: "Frau Demir", createdBy: "admin", expiresAt: Self.at(12 * 3_600_000)))
        await #expect(throws: StoreError.invalidLink) {
            try await store.redeemDashboardLink(
                linkHash: SecretHasher.hash("link-1"), session: Self.session("cookie-2"), at: Self.at(2000))
        }
        #expect(try await store.dashboardSession(tokenHash: SecretHasher.hash("cookie-1"), at: Self.at(3000)) == session)
        #expect(try await store.dashboardSession(tokenHash: SecretHasher.hash("cookie-2"), at: Self.at(3000)) == nil)
    }

    @Test("An expired or unknown link opens nothing", arguments: StoreKind.all)
    func expiredLinkIsRefused(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        try await store.addDashboardLink(Self.link("link-1"))
        await #expect(throws: StoreError.invalidLink) {
            try await store.redeemDashboardLink(
                linkHash: SecretHasher.hash("link-1"), session: Self.session("cookie-1"), at: Self.at(300_000))
        }
        await #expect(throws: StoreError.invalidLink) {
            try await store.redeemDashboardLink(
                linkHash: SecretHasher.hash("other"), session: Self.session("cookie-1"), at: Self.at(1000))
        }
        #expect(try await store.dashboardSession(tokenHash: SecretHasher.hash("cookie-1"), at: Self.at(1000)) == nil)
    }

    @Test("A session ends at its expiry", arguments: StoreKind.all)
    func sessionExpires(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        try await store.addDashboardLink(Self.link("link-1"))
        _ = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash("link-1"), session: Self.session("cookie-1"), at: Self.at(1000))
        let hash = SecretHasher.hash("cookie-1")
        #expect(try await store.dashboardSession(tokenHash: hash, at: Self.at(12 * 3_600_000 - 1)) != nil)
        #expect(try await store.dashboardSession(tokenHash: hash, at: Self.at(12 * 3_600_000)) == nil)
    }

    @Test("Only hashes are stored, never the link or cookie text", arguments: StoreKind.all)
    func onlyHashesAreStored(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        try await store.addDashboardLink(Self.link("link-secret-text"))
        _ = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash("link-secret-text"), session: Self.session("cookie-secret-text"),
            at: Self.at(1000))
        let stored = try await #require(store as? any StoreInspection).dashboardHashes()
        #expect(stored == [SecretHasher.hash("link-secret-text"), SecretHasher.hash("cookie-secret-text")])
    }

    @Test("A link for a cohort that does not exist is refused", arguments: StoreKind.all)
    func unknownCohortIsRefused(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        var link = Self.link("link-1")
        link.cohort = "moabit"
        await #expect(throws: StoreError.notFound("Cohort 'moabit' does not exist.")) {
            try await store.addDashboardLink(link)
        }
    }

    @Test("Revoking the device that made the link ends the session and makes its unused links fail", arguments: StoreKind.all)
    func revokedDeviceEndsSession(kind: StoreKind) async throws {
        let store = try await Self.store(kind)
        let random = SeededRandomSource(seed: 4)
        try await store.addEnrollmentCode(
            NewEnrollmentCode(
                codeHash: SecretHasher.hash("CODE"), cohort: "wedding", participant: "Frau Demir", role: .trainer,
                createdAt: Self.start, expiresAt: Self.at(1_000_000), createdBy: "admin"))
        let device = try await store.enroll(
            codeHash: SecretHasher.hash("CODE"),
            device: NewDevice(
                id: "6f1c0a52-55f4-4c43-9a53-3b1d2b8f7a10", name: "Laptop", replica: random.makeReplicaID(),
                tokenHash: SecretHasher.hash("token")),
            at: Self.at(10))
        try await store.addDashboardLink(Self.link("link-1", createdBy: device.id))
        try await store.addDashboardLink(Self.link("link-2", createdBy: device.id))
        _ = try await store.redeemDashboardLink(
            linkHash: SecretHasher.hash("link-1"), session: Self.session("cookie-1"), at: Self.at(1000))
        #expect(try await store.dashboardSession(tokenHash: SecretHasher.hash("cookie-1"), at: Self.at(2000)) != nil)
        _ = try await store.revokeDevice(id: device.id, at: Self.at(3000))
        #expect(try await store.dashboardSession(tokenHash: SecretHasher.hash("cookie-1"), at: Self.at(4000)) == nil)
        await #expect(throws: StoreError.invalidLink) {
            try await store.redeemDashboardLink(
                linkHash: SecretHasher.hash("link-2"), session: Self.session("cookie-2"), at: Self.at(5000))
        }
    }
}
