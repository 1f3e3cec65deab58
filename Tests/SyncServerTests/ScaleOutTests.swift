import Foundation
import PostgresNIO
import SyncModel
import Testing

@testable import SyncServer

@Suite(
    "Scale-out: several syncserver processes on one PostgreSQL database",
    .enabled(if: TestPostgres.serverURL != nil, "needs QS_POSTGRES_URL (scripts/test sets it)"))
struct ScaleOutTests {
    /// Whether the writers have finished, read by the pullers.
    actor Finished {
        /// True once every push was answered.
        var value = false
        /// Marks the writers finished.
        func set() { value = true }
    }

    /// Runs an admin command on `db` and returns the `code` of its JSON answer.
    static func code(_ arguments: [String], db: String) throws -> String {
        let output = try SyncServerProcess.run(arguments + ["--json", "--db", db])
        guard output.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
            let code = object["code"] as? String
        else { throw LiveTestFailure("\(arguments) failed: \(output.stderr)\(output.stdout)") }
        return code
    }

    @Test("Pullers reading all the time while two instances take concurrent pushes never miss a record")
    func feedHasNoGaps() async throws {
        let db = try await TestPostgres.makeDatabaseURL()
        #expect(try SyncServerProcess.run(["cohort", "create", "wedding", "--db", db]).status == 0)
        let servers = [try await LiveServer(db: db), try await LiveServer(db: db)]
        defer { servers.forEach { $0.stop() } }
        let clients = servers.map { LiveClient(base: $0.url) }

        let writerCount = 6
        let batches = 20
        let batchSize = 5
        var writers: [(device: EnrollResponse, replica: ReplicaID)] = []
        for index in 0..<writerCount {
            let code = try Self.code(["enroll", "--cohort", "wedding", "--participant", "W\(index)"], db: db)
            let replica = ReplicaID(high: 100, low: UInt64(index))
            writers.append((try await clients[index % 2].enroll(code: code, name: "W\(index)", replica: replica), replica))
        }
        var pullers: [EnrollResponse] = []
        for index in 0..<2 {
            let code = try Self.code(["trainer", "add", "--cohort", "wedding", "T\(index)"], db: db)
            pullers.append(
                try await clients[index].enroll(code: code, name: "T\(index)", replica: ReplicaID(high: 200, low: UInt64(index))))
        }

        let finished = Finished()
        // Each puller alternates between the instances and keeps its cursor, as a client behind
        // a load balancer does; after the writers finish it drains the feed once more.
        let pulling = pullers.enumerated().map { index, puller in
            Task { () throws -> (seen: Set<UUID>, pages: Int) in
                var cursor = ""
                var seen = Set<UUID>()
                var poll = index
                var pages = 0
                while true {
                    let done = await finished.value
                    var page: ChangesPage
                    repeat {
                        page = try await clients[poll % 2].changes(since: cursor, limit: 40, token: puller.token)
                        poll += 1
                        pages += 1
                        seen.formUnion(page.records.map(\.id))
                        cursor = page.cursor
                    } while page.hasMore
                    if done { return (seen, pages) }
                }
            }
        }
        // Every writer sends its batches to the two instances in turn, all writers at once.
        let pushed = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for (index, writer) in writers.enumerated() {
                group.addTask {
                    var ids: [UUID] = []
                    for batch in 0..<batches {
                        let records = (0..<batchSize).map { item in
                            TestFixtures.household(
                                cohort: "wedding", owner: "W\(index)", replica: writer.replica,
                                fields: ["street": .string("Straße \(batch)"), "house_number": .string("\(item)")])
                        }
                        let answer = try await clients[(index + batch) % 2].push(records, token: writer.device.token)
                        #expect(answer.results.allSatisfy { $0.status == .accepted })
                        ids += records.map(\.id)
                    }
                    return ids
                }
            }
            var all = Set<UUID>()
            for try await ids in group { all.formUnion(ids) }
            return all
        }
        await finished.set()
        #expect(pushed.count == writerCount * batches * batchSize)
        for (index, task) in pulling.enumerated() {
            let result = try await task.value
            let missed = pushed.subtracting(result.seen)
            // Counts only: the sets are too large to print usefully.
            #expect(missed.count == 0, "puller \(index) missed \(missed.count) of \(pushed.count) records in \(result.pages) pages")
            #expect(result.seen.count == pushed.count, "the feed showed records nobody pushed")
        }
    }
    @Test("Two instances creating the same records at once merge both writes; nothing is overwritten")
    func concurrentCreatesMerge() async throws {
        let location = try await TestPostgres.makeDatabase()
        var stores: [PostgresRecordStore] = []
        var pools: [Task<Void, Never>] = []
        for _ in 0..<2 {
            let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: .quiet)
            pools.append(Task { await client.run() })
            let store = PostgresRecordStore(client: client, location: location, logger: .quiet, leaseDeadline: .seconds(60))
            try await store.migrate(random: SeededRandomSource(seed: 11))
            stores.append(store)
        }
        defer { pools.forEach { $0.cancel() } }
        let first = try TestHarness(seed: 1, store: stores[0])
        let second = try TestHarness(seed: 2, store: stores[1])
        try await first.makeCohort("wedding", survey: false)
        try await first.run { one in
            try await second.run { two in
                let ayse = try await first.enroll(one, cohort: "wedding", name: "Ayşe")
                let jonas = try await second.enroll(two, cohort: "wedding", name: "Jonas")
                for round in 0..<5 {
                    let ids = (0..<20).map { _ in UUID() }
                    let mine = ids.map {
                        TestFixtures.household(id: $0, cohort: "wedding", owner: "Ayşe", replica: ayse.replica, fields: ["street": .string("A\(round)")])
                    }
                    let theirs = ids.reversed().map {
                        TestFixtures.household(id: $0, cohort: "wedding", owner: "Ayşe", replica: jonas.replica, fields: ["street": .string("B\(round)")])
                    }
                    async let a = first.push(one, ayse, mine)
                    async let b = second.push(two, jonas, theirs)
                    let (answerA, answerB) = try await (a, b)
                    #expect(answerA.results.allSatisfy { $0.status == .accepted })
                    #expect(answerB.results.allSatisfy { $0.status == .accepted })
                }
                let pulled = try await first.pullAll(one, ayse).records
                #expect(pulled.count == 100)
                let lost = pulled.filter { $0.version[ayse.replica] != 1 || $0.version[jonas.replica] != 1 }
                #expect(lost.count == 0, "\(lost.count) of 100 records lost one device's write")
            }
        }
    }
}
