import Foundation
import HummingbirdTesting
import SyncModel
import Testing

@testable import SyncServer

/// The endpoints whose access depends on role and cohort.
enum MatrixEndpoint: String, CaseIterable, Sendable {
    case listSurveys = "GET /v1/surveys"
    case publishSurvey = "POST /v1/surveys"
    case createEnrollment = "POST /v1/enrollments"
    case listDevices = "GET /v1/devices"
    case revokeDevice = "DELETE /v1/devices/{id}"
    case pushHousehold = "POST /v1/sync/push (household)"
    case pushOwnResponse = "POST /v1/sync/push (own response)"
    case pushOthersResponse = "POST /v1/sync/push (another participant's response)"
}

/// One row of the matrix: the expected status, and for pushes the expected result.
struct MatrixCase: Sendable, CustomTestStringConvertible {
    var role: Role
    var endpoint: MatrixEndpoint
    var ownCohort: Bool
    var status: Int
    var pushResult: String?

    var testDescription: String {
        "\(role.rawValue) \(endpoint.rawValue) \(ownCohort ? "own" : "other") cohort → \(status)\(pushResult.map { " \($0)" } ?? "")"
    }
}

@Suite("Authorization: role × endpoint × own or other cohort", .postgresPools)
struct AuthorizationMatrixTests {
    static let cases: [MatrixCase] = [
        .init(role: .participant, endpoint: .listSurveys, ownCohort: true, status: 200),
        .init(role: .participant, endpoint: .listSurveys, ownCohort: false, status: 403),
        .init(role: .trainer, endpoint: .listSurveys, ownCohort: true, status: 200),
        .init(role: .trainer, endpoint: .listSurveys, ownCohort: false, status: 403),
        .init(role: .participant, endpoint: .publishSurvey, ownCohort: true, status: 403),
        .init(role: .participant, endpoint: .publishSurvey, ownCohort: false, status: 403),
        .init(role: .trainer, endpoint: .publishSurvey, ownCohort: true, status: 201),
        .init(role: .trainer, endpoint: .publishSurvey, ownCohort: false, status: 403),
        .init(role: .participant, endpoint: .createEnrollment, ownCohort: true, status: 403),
        .init(role: .participant, endpoint: .createEnrollment, ownCohort: false, status: 403),
        .init(role: .trainer, endpoint: .createEnrollment, ownCohort: true, status: 201),
        .init(role: .trainer, endpoint: .createEnrollment, ownCohort: false, status: 403),
        .init(role: .participant, endpoint: .listDevices, ownCohort: true, status: 403),
        .init(role: .participant, endpoint: .listDevices, ownCohort: false, status: 403),
        .init(role: .trainer, endpoint: .listDevices, ownCohort: true, status: 200),
        .init(role: .trainer, endpoint: .listDevices, ownCohort: false, status: 403),
        .init(role: .participant, endpoint: .revokeDevice, ownCohort: true, status: 403),
        .init(role: .participant, endpoint: .revokeDevice, ownCohort: false, status: 403),
        .init(role: .trainer, endpoint: .revokeDevice, ownCohort: true, status: 204),
        .init(role: .trainer, endpoint: .revokeDevice, ownCohort: false, status: 403),
        .init(role: .participant, endpoint: .pushHousehold, ownCohort: true, status: 200, pushResult: "accepted"),
        .init(role: .participant, endpoint: .pushHousehold, ownCohort: false, status: 200, pushResult: "forbidden"),
        .init(role: .trainer, endpoint: .pushHousehold, ownCohort: true, status: 200, pushResult: "accepted"),
        .init(role: .trainer, endpoint: .pushHousehold, ownCohort: false, status: 200, pushResult: "forbidden"),
        .init(role: .participant, endpoint: .pushOwnResponse, ownCohort: true, status: 200, pushResult: "accepted"),
        .init(role: .participant, endpoint: .pushOwnResponse, ownCohort: false, status: 200, pushResult: "forbidden"),
        .init(role: .trainer, endpoint: .pushOwnResponse, ownCohort: true, status: 200, pushResult: "accepted"),
        .init(role: .trainer, endpoint: .pushOwnResponse, ownCohort: false, status: 200, pushResult: "forbidden"),
        .init(role: .participant, endpoint: .pushOthersResponse, ownCohort: true, status: 200, pushResult: "forbidden"),
        .init(role: .participant, endpoint: .pushOthersResponse, ownCohort: false, status: 200, pushResult: "forbidden"),
        .init(role: .trainer, endpoint: .pushOthersResponse, ownCohort: true, status: 200, pushResult: "accepted"),
        .init(role: .trainer, endpoint: .pushOthersResponse, ownCohort: false, status: 200, pushResult: "forbidden"),
    ]

    @Test("The table covers every role, endpoint and cohort once")
    func complete() {
        let keys = Set(Self.cases.map { "\($0.role) \($0.endpoint) \($0.ownCohort)" })
        #expect(keys.count == Self.cases.count)
        #expect(keys.count == Role.allCases.count * MatrixEndpoint.allCases.count * 2)
    }

    @Test("Access follows the table", arguments: StoreKind.all, cases)
    func access(kind: StoreKind, _ row: MatrixCase) async throws {
        let harness = try await TestHarness(kind)
        try await harness.makeCohort("own")
        try await harness.makeCohort("other")
        try await harness.run { client in
            let caller = try await harness.enroll(client, cohort: "own", name: "Caller", role: row.role)
            let neighbour = try await harness.enroll(client, cohort: "own", name: "Neighbour")
            let stranger = try await harness.enroll(client, cohort: "other", name: "Stranger")
            let cohort = row.ownCohort ? "own" : "other"
            let response: TestResponse
            switch row.endpoint {
            case .listSurveys:
                response = try await client.send(.get, "/v1/surveys?cohort=\(cohort)", token: caller.token)
            case .publishSurvey:
                response = try await client.send(
                    .post, "/v1/surveys?cohort=\(cohort)", token: caller.token, text: TestFixtures.surveyV2JSON)
            case .createEnrollment:
                response = try await client.send(
                    .post, "/v1/enrollments", token: caller.token, json: EnrollmentRequest(participant: "New", cohort: cohort))
            case .listDevices:
                response = try await client.send(.get, "/v1/devices?cohort=\(cohort)", token: caller.token)
            case .revokeDevice:
                let target = row.ownCohort ? neighbour : stranger
                response = try await client.send(.delete, "/v1/devices/\(target.id)", token: caller.token)
            case .pushHousehold, .pushOwnResponse, .pushOthersResponse:
                let record: Record
                switch row.endpoint {
                case .pushHousehold:
                    record = TestFixtures.household(
                        cohort: cohort, owner: caller.participant, replica: caller.replica, fields: ["street": "Seestraße"])
                case .pushOwnResponse:
                    record = TestFixtures.response(
                        cohort: cohort, owner: caller.participant, replica: caller.replica, answers: ["wohndauer": 3])
                default:
                    record = TestFixtures.response(
                        cohort: cohort, owner: row.ownCohort ? neighbour.participant : stranger.participant,
                        replica: caller.replica, answers: ["wohndauer": 3])
                }
                response = try await client.send(
                    .post, "/v1/sync/push", token: caller.token, json: PushRequest(epoch: nil, records: [record]))
            }
            #expect(Int(response.status.code) == row.status, "\(response.text)")
            if row.status >= 400 {
                #expect(response.error?.code == "forbidden")
            }
            if let expected = row.pushResult {
                let result = try #require(try response.decode(PushResponse.self).results.first)
                #expect((result.status == .accepted ? "accepted" : result.error?.code) == expected)
            }
        }
    }
}
