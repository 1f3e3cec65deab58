import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

@Suite("Changes: the feed, its scopes and paging", .postgresPools)
struct ChangesTests {
    @Test("Pages of any size return every record once, in feed order, and resume by cursor",
        arguments: StoreKind.all, [1, 3, 7, 25, 2000])
    func paging(kind: StoreKind, limit: Int) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            // The trainer reads: the pusher's own feed leaves its pushes out (OwnPushFeedTests).
            let reader = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let records = (0..<25).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": .integer(Int64(index))])
            }
            _ = try await harness.push(client, device, records)
            var cursor = ""
            var seen: [Record] = []
            var pages = 0
            while true {
                let page = try await client.send(.get, "/v1/sync/changes?since=\(cursor)&limit=\(limit)", token: reader.token)
                    .decode(ChangesPage.self)
                pages += 1
                #expect(page.records.count <= limit)
                seen += page.records
                cursor = page.cursor
                if !page.hasMore { break }
            }
            #expect(seen == records)
            #expect(pages == (25 + limit - 1) / limit)
            let empty = try await client.send(.get, "/v1/sync/changes?since=\(cursor)", token: reader.token).decode(ChangesPage.self)
            #expect(empty.records.isEmpty && !empty.hasMore && empty.cursor == cursor)
        }
    }

    @Test("A record changed while paging moves to the end of the feed and is seen in its newest state", arguments: StoreKind.all)
    func changedWhilePaging(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.run { client in
            let device = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let reader = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            var records = (0..<4).map { index in
                TestFixtures.response(
                    cohort: "wedding", owner: "Ayşe", replica: device.replica, answers: ["wohndauer": .integer(Int64(index))])
            }
            _ = try await harness.push(client, device, records)
            let first = try await client.send(.get, "/v1/sync/changes?limit=2", token: reader.token).decode(ChangesPage.self)
            #expect(first.records == Array(records.prefix(2)))
            records[0].write("wohndauer", 99, by: device.replica, at: harness.clock.now())
            _ = try await harness.push(client, device, [records[0]])
            let rest = try await harness.pullAll(client, reader, since: first.cursor)
            #expect(rest.records.map(\.id) == [records[2].id, records[3].id, records[0].id])
            #expect(rest.records.last?.value(of: "wohndauer") == 99)
        }
    }

    @Test("A participant reads the shared collections and their own responses; a trainer reads the cohort", arguments: StoreKind.all)
    func scopes(kind: StoreKind) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("wedding")
        try await harness.makeCohort("moabit")
        try await harness.run { client in
            let ayse = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let jonas = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let trainer = try await harness.enroll(client, cohort: "wedding", name: "Weber", role: .trainer)
            let mo = try await harness.enroll(client, cohort: "moabit", name: "Mo")
            // Each reads on a second laptop: a device's own pushes are left out of its own feed.
            let ayse2 = try await harness.enroll(client, cohort: "wedding", name: "Ayşe")
            let jonas2 = try await harness.enroll(client, cohort: "wedding", name: "Jonas")
            let mo2 = try await harness.enroll(client, cohort: "moabit", name: "Mo")
            let ayseResponse = TestFixtures.response(cohort: "wedding", owner: "Ayşe", replica: ayse.replica, answers: ["wohndauer": 1])
            let jonasResponse = TestFixtures.response(cohort: "wedding", owner: "Jonas", replica: jonas.replica, answers: ["wohndauer": 2])
            let door = TestFixtures.household(cohort: "wedding", owner: "Jonas", replica: jonas.replica, fields: ["street": "A"])
            let moResponse = TestFixtures.response(cohort: "moabit", owner: "Mo", replica: mo.replica, answers: ["wohndauer": 3])
            _ = try await harness.push(client, ayse, [ayseResponse])
            _ = try await harness.push(client, jonas, [jonasResponse, door])
            _ = try await harness.push(client, mo, [moResponse])
            #expect(Set(try await harness.pullAll(client, ayse2, limit: 1).records.map(\.id)) == [ayseResponse.id, door.id])
            #expect(Set(try await harness.pullAll(client, jonas2).records.map(\.id)) == [jonasResponse.id, door.id])
            #expect(
                Set(try await harness.pullAll(client, trainer, limit: 2).records.map(\.id))
                    == [ayseResponse.id, jonasResponse.id, door.id])
            #expect(Set(try await harness.pullAll(client, mo2).records.map(\.id)) == [moResponse.id])
        }
    }
}
