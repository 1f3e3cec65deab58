import Foundation
import SyncModel

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A minimal HTTP client of the sync API for tests against real server processes.
struct LiveClient: Sendable {
    /// The server's base URL.
    var base: URL

    /// Whether `/health` answers 200.
    func health() async throws -> Bool {
        var request = URLRequest(url: base.appendingPathComponent("health"))
        request.timeoutInterval = 2
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Enrolls a new device with `code`.
    func enroll(code: String, name: String, replica: ReplicaID) async throws -> EnrollResponse {
        try await send("POST", "/v1/enroll", token: nil, body: EnrollRequest(code: code, deviceName: name, replicaId: replica))
    }

    /// Pushes `records`.
    func push(_ records: [Record], token: String, epoch: String? = nil) async throws -> PushResponse {
        try await send("POST", "/v1/sync/push", token: token, body: PushRequest(epoch: epoch, records: records))
    }

    /// Reads one page of changes after `cursor`.
    func changes(since cursor: String, limit: Int = 500, token: String) async throws -> ChangesPage {
        try await send("GET", "/v1/sync/changes?since=\(cursor)&limit=\(limit)", token: token, body: nil as String?)
    }

    /// Sends a request and decodes a 2xx answer; any other status throws with the body.
    func send<Body: Encodable, Answer: Decodable>(
        _ method: String, _ path: String, token: String?, body: Body?
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        request.setValue("1", forHTTPHeaderField: "QuartierSync-Protocol")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = try JSONEncoder().encode(body) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw LiveTestFailure("\(method) \(path) answered \(status): \(String(decoding: data, as: UTF8.self))")
        }
        return try JSONDecoder().decode(Answer.self, from: data)
    }
}
