import Hummingbird
import Logging
import SyncModel

/// Turns every error thrown below it into an `ErrorBody` response via `APIError(mapping:)`,
/// and logs server-side failures without request data; a database that cannot answer is counted
/// in `metrics.databaseErrors`.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where database failures are counted.
    var metrics: ServerMetrics = .disabled

    /// Runs the rest of the chain and maps its errors.
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            let mapped = APIError(mapping: error)
            if case .unavailable = error as? StoreError { metrics.databaseErrors.increment() }
            if mapped.status.code >= 500 {
                context.logger.error(
                    "Request failed",
                    metadata: [
                        "http.path": "\(request.uri.path)", "error.type": "\(type(of: error))",
                        "error.code": "\(mapped.detail.code)",
                    ])
            }
            return try mapped.response(from: request, context: context)
        }
    }
}
