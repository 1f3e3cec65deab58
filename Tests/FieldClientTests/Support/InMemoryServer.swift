import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SyncModel

@testable import SyncServer

/// The real server's router on an in-memory SQLite store, called without sockets: the sync
/// engine's tests meet the server's own merge, feed, origin, validation and epoch rules.
///
/// Its cohort is `kurs` with the given surveys published.
final class InMemoryServer: @unchecked Sendable {
    /// The cohort every device joins.
    static let cohort = "kurs"

    private let lock = NSLock()
    private var current: SQLiteRecordStore
    private let environment: ServerEnvironment
    private let backups: URL

    /// Creates the server, its cohort and publishes `surveys` (as their YAML files' contents).
    init(surveyFiles: [URL]) async throws {
        let random = SystemRandomSource()
        current = try SQLiteRecordStore.inMemory(random: random)
        environment = ServerEnvironment(
            clock: SystemWallClock(), random: random, logger: Logger(label: "in-memory-server") { _ in SwiftLogNoOpLogHandler() })
        backups = FileManager.default.temporaryDirectory.appendingPathComponent("qs-backups-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: backups, withIntermediateDirectories: true)
        _ = try await current.createCohort(named: Self.cohort, at: environment.clock.now())
        for file in surveyFiles {
            _ = try await administration.publishSurvey(
                Data(contentsOf: file), cohort: Self.cohort, fileName: file.lastPathComponent)
        }
    }

    deinit { try? FileManager.default.removeItem(at: backups) }

    /// The store the router runs on now.
    var store: SQLiteRecordStore { lock.withLock { current } }

    private var administration: CohortAdministration {
        CohortAdministration(store: store, environment: environment)
    }

    /// Enrolls a device for `participant` with `replica` through `POST /v1/enroll`: a transport
    /// with its token, and the server's epoch.
    func enroll(participant: String, replica: ReplicaID, role: Role = .participant) async throws
        -> (transport: RouterTransport, epoch: String)
    {
        let grant = try await administration.issueCode(
            cohort: Self.cohort, participant: participant, role: role, createdBy: "test")
        let request = EnrollRequest(code: grant.code, deviceName: "\(participant)s Laptop", replicaId: replica)
        let (status, body) = try await send(.post, "/v1/enroll", token: nil, body: ByteBuffer(bytes: try JSONEncoder().encode(request)))
        guard status == 201 else { throw InMemoryServerError("enrollment answered \(status): \(String(buffer: body))") }
        let answer = try JSONDecoder().decode(EnrollResponse.self, from: Data(body.readableBytesView))
        return (RouterTransport(server: self, token: answer.token), answer.epoch)
    }

    /// Sends one request to the router with `headers` (by default only the protocol version) and
    /// returns status and body; the body is plain unless `headers` accept gzip.
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String?, body: ByteBuffer?, gzipped: Bool = false,
        headers extra: [(name: String, value: String)] = [(SyncProtocol.versionHeader, String(SyncProtocol.version))]
    ) async throws -> (status: Int, body: ByteBuffer) {
        var headers = HTTPFields()
        for header in extra where header.name != "Accept-Encoding" {
            headers[HTTPField.Name(header.name)!] = header.value
        }
        if body != nil { headers[.contentType] = "application/json" }
        if gzipped { headers[.contentEncoding] = "gzip" }
        if let token { headers[.authorization] = "Bearer \(token)" }
        let app = Application(router: buildRouter(store: store, environment: environment), logger: environment.logger)
        let request = headers
        return try await app.test(.router) { client in
            let response = try await client.executeRequest(uri: path, method: method, headers: request, body: body)
            return (Int(response.status.code), response.body)
        }
    }

    /// Every record of the cohort as the server stores it now.
    var storedRecords: [UUID: SyncModel.Record] {
        get async throws {
            let page = try await store.changes(in: .cohort(Self.cohort), after: 0, limit: 1_000_000, reader: nil)
            return Dictionary(uniqueKeysWithValues: try page.records().map { ($0.id, $0) })
        }
    }

    /// Writes a backup (a copy with a new epoch, the running one retired in it) and returns it.
    func backup() async throws -> URL {
        let file = backups.appendingPathComponent("backup-\(UUID().uuidString).sqlite")
        _ = try await store.backup(to: file.path, newEpoch: Epoch.make(using: environment.random), at: environment.clock.now())
        return file
    }

    /// Replaces the database with `backup`, as an operator restores one.
    func restore(_ backup: URL) throws {
        let restored = try SQLiteRecordStore(path: backup.path, random: environment.random)
        lock.withLock { current = restored }
    }

    /// The epoch the server runs with.
    var epoch: String { get async throws { try await store.epoch() } }
}

/// A failure of the test server's own set-up.
struct InMemoryServerError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String

    /// Creates the error.
    init(_ description: String) { self.description = description }
}
