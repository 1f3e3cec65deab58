import Logging
import ServiceLifecycle

/// A store ready for use, with the background services it needs while in use.
struct OpenedRecordStore: Sendable {
    /// The store.
    var store: any RecordStore
    /// Services that must run while the store is used: PostgreSQL's connection pool; none for SQLite.
    var services: [any Service]
    /// Brings the schema up to date; call once the services run.
    var prepare: @Sendable () async throws -> Void
    /// Releases the store after use.
    var close: @Sendable () async throws -> Void

    /// Runs the services, prepares the store, runs `body` with it, then stops the services and
    /// closes the store, also when `body` throws.
    func use<T: Sendable>(_ body: @Sendable (any RecordStore) async throws -> T) async throws -> T {
        let services = services
        let result: Result<T, any Error> = await withTaskGroup(of: Void.self) { group in
            for service in services {
                group.addTask { try? await service.run() }
            }
            let result: Result<T, any Error>
            do {
                try await prepare()
                result = .success(try await body(store))
            } catch {
                result = .failure(error)
            }
            group.cancelAll()
            return result
        }
        try? await close()
        return try result.get()
    }
}
